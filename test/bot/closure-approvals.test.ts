import { demoPeople } from '../../src/demo/people';
import { extraDemoPeople } from '../../src/demo/extra-people';
import type { ClosureRequest, Person } from '../../src/domain/records';
import { useAppUnderTest } from '../support/app-under-test';
import { visibleText, type TestUser } from '../support/bot-client';
import { findCardProblems } from '../support/card-validator';
import { action, actionsOf, invokeCard, type CardAction } from '../support/cards';
import { waitFor, waitLimitMs } from '../support/wait-for';

type Card = Record<string, unknown>;

// Approval cards are posted after the answer; a test may wait up to a minute for one on a busy machine.
jest.setTimeout(waitLimitMs + 30_000);

const inChannel = { conversationType: 'channel', mentionBot: true } as const;
const serviceChannelId = '19:service-updates@thread.tacv2';
const personalChat = (person: TestUser): string => `a:personal-${person.objectId}`;
const teamsUserId = (person: TestUser): string => `29:${person.objectId}`;

describe('closure approvals (SLL → Chief of Staff → HM Inspector)', () => {
  const app = useAppUnderTest();

  /** Cards the bot posted (not updated) to a conversation since call number `since`. */
  function postedTo(conversationId: string, since = 0): Card[] {
    return app.connector.calls
      .slice(since)
      .filter((call) => call.method === 'POST' && call.conversationId === conversationId)
      .flatMap((call) => (call.activity.attachments ?? []).map((a) => a.content as Card));
  }

  /** The next card posted to someone's personal chat whose text contains `text`. */
  function cardFor(person: TestUser, text: string, since: number): Promise<Card> {
    return waitFor(`a card for ${person.name} saying "${text}"`, () => {
      const card = postedTo(personalChat(person), since).find((c) => visibleText(c).includes(text));
      if (card) expect(findCardProblems(card)).toEqual([]);
      return card;
    });
  }

  async function pendingRequestOf(serviceCode: string, subjectId: string): Promise<ClosureRequest> {
    const requests = await app.store.records.listClosureRequests(serviceCode);
    const found = requests
      .map((r) => r.value)
      .filter((r) => r.subject.id === subjectId)
      .sort((a, b) => a.requestedAt.localeCompare(b.requestedAt))
      .at(-1);
    if (!found) throw new Error(`no closure request for ${subjectId}`);
    return found;
  }

  async function requestClosure(subjectId: string, by: TestUser = demoPeople.sll) {
    return app.client.sendInvoke(
      'submitClosureRequest',
      {
        subjectId,
        link1: 'https://evidence.example.org/audit-report.pdf',
        link2: '',
        validationNote: 'Dip-sampled 20 premises with the station manager; all were audited on time.',
      },
      by,
    );
  }

  async function auditOf(serviceCode: string, subjectId: string) {
    return app.store.records.listAudit(serviceCode, subjectId);
  }

  beforeAll(async () => {
    // Approvers get cards in their personal chat only once they have talked to the bot.
    for (const person of [demoPeople.sll, demoPeople.cos, demoPeople.hmi, demoPeople.cosNorth]) {
      await app.client.sendMessage('help', person);
    }
    await app.client.sendMessage('register service BUC', demoPeople.sll, inChannel);
    const buckinghamshire = await app.store.directory.getService('BUC');
    if (!buckinghamshire) throw new Error('demo BUC missing');
    await app.store.directory.upsertService({
      ...buckinghamshire,
      chiefFireOfficer: 'Louise Harrison',
      authorityChair: 'Councillor Simon Rouse',
    });
  });

  it('offers the SLL "Request closure" on the CoC card and opens the form; bad input comes back with the values kept', async () => {
    const shown = await app.client.sendMessage('show BUC-1', demoPeople.sll);
    const open = action(shown.cards[0], 'Request closure');
    expect(open.data).toEqual({ subjectId: 'BUC-1.1' });

    const form = invokeCard(await app.client.sendInvoke(open.verb, open.data, demoPeople.sll));
    expect(visibleText(form)).toContain('Request closure of BUC-1.1');

    const bad = await app.client.sendInvoke(
      'submitClosureRequest',
      {
        subjectId: 'BUC-1.1',
        link1: 'http://evidence.example.org/plain.pdf',
        link2: '',
        validationNote: '  ',
      },
      demoPeople.sll,
    );
    const again = invokeCard(bad);
    const text = visibleText(again);
    expect(text).toContain('Nothing was sent.');
    expect(text).toContain('Evidence link 1 must start with https://');
    expect(text).toContain('How you validated the improvement is required.');
    expect(JSON.stringify(again)).toContain('http://evidence.example.org/plain.pdf');
    expect(await app.store.records.listClosureRequests('BUC')).toEqual([]);

    const noLinks = invokeCard(
      await app.client.sendInvoke(
        'submitClosureRequest',
        { subjectId: 'BUC-1.1', validationNote: 'Checked.' },
        demoPeople.sll,
      ),
    );
    expect(visibleText(noLinks)).toContain('Evidence links must have at least one link');
    expect(JSON.stringify(noLinks)).toContain('How you validated the improvement');
    expect(JSON.stringify(noLinks)).toContain('Checked.');
    expect((await app.store.records.getRecommendation('BUC', 'BUC-1.1'))?.value.status).toBe('inProgress');
  });

  /** Requests closure of a recommendation, has the CoS approve and the HMI sign off, checking each card. */
  async function walkToSignOff(recommendationId: string): Promise<ClosureRequest> {
    const since = app.connector.calls.length;
    const typed = await app.client.sendMessage(`close ${recommendationId}`, demoPeople.sll);
    expect(findCardProblems(typed.cards[0])).toEqual([]);
    expect(visibleText(typed.cards[0])).toContain(`Request closure of ${recommendationId}`);

    const confirmation = invokeCard(await requestClosure(recommendationId));
    expect(visibleText(confirmation)).toContain(
      `Closure of ${recommendationId} requested. I've sent it to Morgan Hughes, Chief of Staff, to decide.`,
    );
    const requested = await pendingRequestOf('BUC', recommendationId);
    expect(requested.status).toBe('pendingCos');
    expect((await app.store.records.getRecommendation('BUC', recommendationId))?.value.status).toBe(
      'evidenceComplete',
    );

    // The channel gets a read-only status card; the CoS gets the actionable one, refreshed for them only.
    const channelCard = await waitFor('the channel status card', () => postedTo(serviceChannelId, since)[0]);
    expect(findCardProblems(channelCard)).toEqual([]);
    expect(visibleText(channelCard)).toContain('Waiting for Morgan Hughes');
    expect(actionsOf(channelCard).map((a) => a.title)).not.toContain('Approve');
    expect(channelCard.refresh).toBeUndefined();
    const channelMessageId = await waitFor('the channel message id on the request', async () => {
      const request = await app.store.records.getClosureRequest('BUC', requested.id);
      return request?.value.channelActivityId;
    });
    const cosCard = await cardFor(demoPeople.cos, 'asks you to approve', since);
    expect(visibleText(cosCard)).toContain('https://evidence.example.org/audit-report.pdf');
    expect(visibleText(cosCard)).toContain('Dip-sampled 20 premises with the station manager');
    expect((cosCard.refresh as { userIds: string[] }).userIds).toEqual([teamsUserId(demoPeople.cos)]);

    const approve = action(cosCard, 'Approve');
    const beforeCos = app.connector.calls.length;
    const approved = invokeCard(await app.client.sendInvoke(approve.verb, approve.data, demoPeople.cos));
    expect(visibleText(approved)).toContain(
      `Approved: ${recommendationId} goes to the HM Inspector to sign off.`,
    );
    expect(actionsOf(approved).map((a) => a.title)).not.toContain('Approve');
    expect((await app.store.records.getRecommendation('BUC', recommendationId))?.value.status).toBe(
      'cosRecommendedClosure',
    );

    const hmiCard = await cardFor(
      demoPeople.hmi,
      'Morgan Hughes (Chief of Staff) recommends closing',
      beforeCos,
    );
    expect((hmiCard.refresh as { userIds: string[] }).userIds).toEqual([teamsUserId(demoPeople.hmi)]);
    const channelUpdate = await waitFor('the channel card updated in place', () =>
      app.connector.calls
        .slice(beforeCos)
        .find((call) => call.method === 'PUT' && call.conversationId === serviceChannelId),
    );
    expect(channelUpdate.activityId).toBe(channelMessageId);
    expect(visibleText(channelUpdate.activity.attachments?.[0]?.content)).toContain(
      'Approved by Morgan Hughes at 10:00 on 22 November 2026',
    );

    const signOff = action(hmiCard, 'Sign off');
    const beforeHmi = app.connector.calls.length;
    const signed = invokeCard(await app.client.sendInvoke(signOff.verb, signOff.data, demoPeople.hmi));
    expect(visibleText(signed)).toContain(`Signed off: ${recommendationId} is closed.`);
    expect((await app.store.records.getRecommendation('BUC', recommendationId))?.value.status).toBe('closed');
    const finalUpdate = await waitFor('the channel card updated after the sign-off', () =>
      app.connector.calls
        .slice(beforeHmi)
        .find((call) => call.method === 'PUT' && call.conversationId === serviceChannelId),
    );
    expect(finalUpdate.activityId).toBe(channelMessageId);
    expect(visibleText(finalUpdate.activity.attachments?.[0]?.content)).toContain(
      'Signed off: the recommendation is closed',
    );
    await cardFor(demoPeople.sll, `Alex Carter signed off ${recommendationId}.`, beforeHmi);
    const final = await app.store.records.getClosureRequest('BUC', requested.id);
    if (!final) throw new Error('the request disappeared');
    return final.value;
  }

  it('walks the whole chain to a closed CoC, updating the channel card in place, and drafts the closure letter', async () => {
    const first = await walkToSignOff('BUC-1.1');
    expect(first.status).toBe('approved');
    expect((await app.store.records.getCoc('BUC', 'BUC-1'))?.value.status).toBe('open');

    const beforeLast = app.connector.calls.length;
    await walkToSignOff('BUC-1.3');

    const coc = (await app.store.records.getCoc('BUC', 'BUC-1'))?.value;
    expect(coc?.status).toBe('closed');
    const letterCard = await cardFor(demoPeople.sll, 'Closure letter for BUC-1', beforeLast);
    const letter = visibleText(letterCard);
    expect(letter).toContain('22 November 2026');
    expect(letter).toContain('Dear Louise Harrison and Councillor Simon Rouse,');
    expect(letter).toContain(
      'Buckinghamshire Fire and Rescue Service: closure of cause of concern BUC-1, Risk-based inspection programme',
    );
    expect(letter).toContain('The service has not carried out its risk-based inspection programme.');
    expect(letter).toContain('Dip-sampled 20 premises with the station manager; all were audited on time.');
    expect(letter).toContain('Alex Carter');
    expect(letter).toContain('Check it, then send it.');
    const saved = await waitFor('the letter saved on the CoC', async () => {
      const value = (await app.store.records.getCoc('BUC', 'BUC-1'))?.value;
      return value?.closureLetter;
    });
    expect(saved).toContain('Dear Louise Harrison and Councillor Simon Rouse,');
    const actions = (await auditOf('BUC', 'BUC-1')).map((e) => e.action);
    expect(actions).toEqual(
      expect.arrayContaining(['coc.closed', 'coc.closure-letter-drafted', 'closure.approved']),
    );
  });

  /** Raises a request as `by` and returns the actionable card the CoS (or their stand-in) got. */
  async function raiseAndGetCard(subjectId: string, approver: TestUser, by: TestUser = demoPeople.sll) {
    const since = app.connector.calls.length;
    const answer = invokeCard(await requestClosure(subjectId, by));
    const card = await cardFor(approver, `the closure of ${subjectId}`, since);
    return { answer, card, request: await pendingRequestOf(subjectId.split('-')[0] ?? '', subjectId) };
  }

  it('returns the recommendation to in progress when the Chief of Staff rejects, with the reason, and tells the SLL', async () => {
    const { card } = await raiseAndGetCard('BUC-2.1', demoPeople.cos);
    const reject = action(card, 'Reject');

    const noReason = invokeCard(
      await app.client.sendInvoke(reject.verb, { ...reject.data, reason: ' ' }, demoPeople.cos),
    );
    expect(visibleText(noReason)).toContain('Nothing was saved. Give a reason to reject the closure.');
    expect(visibleText(noReason)).toContain('Reason is required to reject.');
    expect((await pendingRequestOf('BUC', 'BUC-2.1')).status).toBe('pendingCos');

    const since = app.connector.calls.length;
    const reason = 'The audit covers only half of the stations; send the rest.';
    const rejected = invokeCard(
      await app.client.sendInvoke(reject.verb, { ...reject.data, reason }, demoPeople.cos),
    );
    expect(visibleText(rejected)).toContain(
      'Rejected: BUC-2.1 goes back to the Service Liaison Lead with your reason.',
    );
    const recommendation = (await app.store.records.getRecommendation('BUC', 'BUC-2.1'))?.value;
    expect(recommendation?.status).toBe('inProgress');
    expect(recommendation?.lastRejection?.reason).toBe(reason);
    expect((await pendingRequestOf('BUC', 'BUC-2.1')).status).toBe('rejected');
    await cardFor(
      demoPeople.sll,
      `Morgan Hughes rejected the closure of BUC-2.1: ${reason} It is back in progress.`,
      since,
    );
    const events = (await auditOf('BUC', 'BUC-2')).filter((e) => e.action === 'closure.rejected');
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ actor: demoPeople.cos.objectId, note: reason });
  });

  it('returns the recommendation to in progress when the HM Inspector rejects, and tells the SLL', async () => {
    const { card } = await raiseAndGetCard('BUC-2.2', demoPeople.cos);
    const approve = action(card, 'Approve');
    const before = app.connector.calls.length;
    await app.client.sendInvoke(approve.verb, approve.data, demoPeople.cos);
    const hmiCard = await cardFor(demoPeople.hmi, 'recommends closing BUC-2.2', before);

    const reject = action(hmiCard, 'Reject');
    const since = app.connector.calls.length;
    const reason = 'Wait for the staff survey results in January.';
    invokeCard(await app.client.sendInvoke(reject.verb, { ...reject.data, reason }, demoPeople.hmi));

    expect((await app.store.records.getRecommendation('BUC', 'BUC-2.2'))?.value.status).toBe('inProgress');
    const told = await cardFor(
      demoPeople.sll,
      `Alex Carter rejected the closure of BUC-2.2: ${reason}`,
      since,
    );
    expect(visibleText(told)).toContain('Approved by Morgan Hughes at 10:00 on 22 November 2026');
  });

  it('tells the SLL clearly when the approver has never opened a chat with the bot, and keeps the request pending', async () => {
    const before = app.connector.calls.length;
    const answer = invokeCard(await requestClosure('LFB-1.1', extraDemoPeople.sllSouth));

    expect(visibleText(answer)).toContain(
      "Charlie Evans hasn't opened a chat with CoC Monitor yet, so I couldn't send the approval card; ask them to message the bot",
    );
    expect((await pendingRequestOf('LFB', 'LFB-1.1')).status).toBe('pendingCos');
    await app.appContext.outbox.idle(); // the follow-up work that would have posted the card is done
    expect(postedTo(personalChat(extraDemoPeople.cosSouth), before)).toEqual([]);

    // Once they message the bot, `approvals` shows them the card.
    await app.client.sendMessage('help', extraDemoPeople.cosSouth);
    const waiting = await app.client.sendMessage('approvals', extraDemoPeople.cosSouth);
    expect(findCardProblems(waiting.cards[0])).toEqual([]);
    expect(actionsOf(waiting.cards[0]).map((a) => a.title)).toEqual(
      expect.arrayContaining(['Approve', 'Reject']),
    );
  });

  describe('a request waiting for the central Chief of Staff', () => {
    const sllAndCos: Person = {
      objectId: '00000000-0000-0000-0000-00000000c001',
      tenantId: demoPeople.sll.tenantId,
      name: 'Kerry Dunn',
      roles: ['sll', 'cos'],
      regionId: 'central',
      serviceCodes: ['HWF'],
    };
    let request: ClosureRequest;
    let approve: CardAction;

    beforeAll(async () => {
      await app.store.directory.upsertPerson(sllAndCos);
      const raised = await raiseAndGetCard('HWF-1.2', demoPeople.cos, sllAndCos);
      request = raised.request;
      approve = action(raised.card, 'Approve');
    });

    async function expectStillPending(): Promise<void> {
      expect((await pendingRequestOf('HWF', 'HWF-1.2')).status).toBe('pendingCos');
      expect((await app.store.records.getRecommendation('HWF', 'HWF-1.2'))?.value.status).toBe(
        'evidenceComplete',
      );
    }

    it('refuses the person who raised it, even though they are a Chief of Staff too', async () => {
      const turn = await app.client.sendInvoke(approve.verb, approve.data, sllAndCos);

      expect(visibleText(invokeCard(turn))).toContain(
        "You can't decide this: you requested the closure yourself.",
      );
      await expectStillPending();
    });

    it('refuses a Chief of Staff of another region, naming the region', async () => {
      const turn = await app.client.sendInvoke(approve.verb, approve.data, demoPeople.cosNorth);

      expect(visibleText(invokeCard(turn))).toContain(
        "You can't decide this closure as Chief of Staff: you are not a Chief of Staff for the Central region",
      );
      await expectStillPending();
    });

    it('refuses a Service Liaison Officer who posts a forged approval', async () => {
      const turn = await app.client.sendInvoke(
        'decideClosure',
        { serviceCode: 'HWF', requestId: request.id, step: 'cos', decision: 'approve' },
        demoPeople.slo,
      );

      const text = visibleText(invokeCard(turn));
      expect(text).toContain("You can't decide this closure as Chief of Staff");
      expect(text).not.toContain('Approved by');
      await expectStillPending();
    });

    it('records one decision for a double click; the second click says who approved and when', async () => {
      const first = await app.client.sendInvoke(approve.verb, approve.data, demoPeople.cos);
      const second = await app.client.sendInvoke(approve.verb, approve.data, demoPeople.cos);

      expect(visibleText(invokeCard(first))).toContain('Approved: HWF-1.2 goes to the HM Inspector');
      expect(visibleText(invokeCard(second))).toContain(
        'Already approved by Morgan Hughes at 10:00 on 22 November 2026.',
      );
      const approvals = (await auditOf('HWF', 'HWF-1')).filter(
        (e) => e.action === 'closure.approved' && e.subject.id === request.id,
      );
      expect(approvals).toHaveLength(1);
    });
  });

  it('ends two Chiefs of Staff clicking at once in exactly one decision', async () => {
    const secondCos: Person = {
      objectId: '00000000-0000-0000-0000-00000000c002',
      tenantId: demoPeople.cos.tenantId,
      name: 'Jo Reid',
      roles: ['cos'],
      regionId: 'central',
      serviceCodes: [],
    };
    await app.store.directory.upsertPerson(secondCos);
    const { card, request } = await raiseAndGetCard('HWF-1.3', demoPeople.cos);
    const approve = action(card, 'Approve');

    const answers = await Promise.all([
      app.client.sendInvoke(approve.verb, approve.data, demoPeople.cos),
      app.client.sendInvoke(approve.verb, approve.data, secondCos),
    ]);

    const texts = answers.map((turn) => visibleText(invokeCard(turn)));
    expect(texts.filter((t) => t.includes('Approved: HWF-1.3 goes to the HM Inspector'))).toHaveLength(1);
    expect(
      texts.filter((t) =>
        /Already approved by (Morgan Hughes|Jo Reid) at 10:00 on 22 November 2026\./.test(t),
      ),
    ).toHaveLength(1);
    const approvals = (await auditOf('HWF', 'HWF-1')).filter(
      (e) => e.action === 'closure.approved' && e.subject.id === request.id,
    );
    expect(approvals).toHaveLength(1);
    expect((await pendingRequestOf('HWF', 'HWF-1.3')).status).toBe('pendingHmi');
  });

  it('sends the Chief of Staff an actionable card when the SLL marks an AFI complete, and closes it in one step', async () => {
    const afi = await app.store.records.getAfi('HWF', 'HWF-AFI-2');
    if (afi?.value.status !== 'open') throw new Error('demo HWF-AFI-2 should be open');
    const since = app.connector.calls.length;

    const completed = await app.client.sendInvoke(
      'completeAfi',
      { afiId: 'HWF-AFI-2', updatedAt: afi.value.updatedAt },
      demoPeople.sll,
    );
    expect(visibleText(invokeCard(completed))).toContain(
      "Saved: HWF-AFI-2 marked complete. I've sent it to Morgan Hughes, Chief of Staff, to decide.",
    );
    const card = await cardFor(demoPeople.cos, 'the closure of HWF-AFI-2', since);
    expect(actionsOf(card).map((a) => a.title)).toEqual(expect.arrayContaining(['Close', 'Reject']));
    expect(actionsOf(card).map((a) => a.title)).not.toContain('Sign off');

    const close = action(card, 'Close');
    const beforeClose = app.connector.calls.length;
    const closed = invokeCard(await app.client.sendInvoke(close.verb, close.data, demoPeople.cos));
    await cardFor(demoPeople.sll, 'Morgan Hughes closed HWF-AFI-2.', beforeClose);

    expect(visibleText(closed)).toContain('Closed: HWF-AFI-2.');
    expect(closed.refresh).toBeUndefined();
    const saved = (await app.store.records.getAfi('HWF', 'HWF-AFI-2'))?.value;
    expect(saved).toMatchObject({ status: 'closed', closedBy: demoPeople.cos.objectId });
    const request = await pendingRequestOf('HWF', 'HWF-AFI-2');
    expect(request.status).toBe('approved');
    expect((await auditOf('HWF', 'HWF-AFI-2')).map((e) => e.action)).toContain('afi.status-changed');
    // Closure events are filed under the request (an AFI has no CoC to file them under).
    expect((await auditOf('HWF', request.id)).map((e) => e.action).sort()).toEqual([
      'closure.approved',
      'closure.requested',
    ]);
  });

  it('lets a Chief of Staff name a stand-in, who then gets the cards and decides on their behalf', async () => {
    const refused = await app.client.sendMessage(
      'delegate cos to Robin Clarke from 22 November 2026 to 4 December 2026',
      demoPeople.sll,
    );
    expect(visibleText(refused.cards[0])).toContain(
      "You can't delegate the Chief of Staff role: you are not a Chief of Staff.",
    );

    const turn = await app.client.sendMessage(
      'delegate cos to robin.clarke@example.org from 22 November 2026 to 4 December 2026',
      demoPeople.cos,
    );
    const confirmation = turn.cards.find((c) => visibleText(c).includes('Stand-in saved'));
    expect(findCardProblems(confirmation)).toEqual([]);
    expect(visibleText(confirmation)).toContain('Robin Clarke will get Morgan Hughes');
    expect(visibleText(confirmation)).toContain('4 December 2026');
    const delegations = await app.store.directory.listDelegations(demoPeople.cos.objectId);
    expect(delegations).toEqual([
      expect.objectContaining({
        from: demoPeople.cos.objectId,
        to: demoPeople.cosNorth.objectId,
        role: 'cos',
        startDate: '2026-11-22',
        endDate: '2026-12-04',
      }),
    ]);
    const delegationAudit = await app.store.records.listAudit('DIR', delegations[0]?.id ?? '');
    expect(delegationAudit[0]).toMatchObject({
      action: 'delegation.created',
      actor: demoPeople.cos.objectId,
    });

    const { answer, card } = await raiseAndGetCard('HWF-2.2', demoPeople.cosNorth);
    expect(visibleText(answer)).toContain(
      "I've sent it to Robin Clarke (standing in for Morgan Hughes), Chief of Staff",
    );
    const approve = action(card, 'Approve');
    invokeCard(await app.client.sendInvoke(approve.verb, approve.data, demoPeople.cosNorth));

    const event = (await auditOf('HWF', 'HWF-2')).find((e) => e.action === 'closure.approved');
    expect(event).toMatchObject({ actor: demoPeople.cosNorth.objectId, onBehalfOf: demoPeople.cos.objectId });
    expect(event?.note).toContain('Robin Clarke decided on behalf of Morgan Hughes (delegation).');
    const history = await app.client.sendMessage('history HWF-2', demoPeople.sll);
    const historyCard = history.cards.find((c) => visibleText(c).includes('Approved a closure request'));
    expect(visibleText(historyCard)).toContain('Robin Clarke on behalf of Morgan Hughes at 10:00');
  });
});
