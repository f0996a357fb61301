import { demoPeople } from '../../src/demo/people';
import { useAppUnderTest } from '../support/app-under-test';
import { visibleText, type TestUser } from '../support/bot-client';
import { action, actionsOf, inputValue, invokeCard } from '../support/cards';
import { cardInChat } from '../support/chats';
import { waitFor, waitLimitMs } from '../support/wait-for';

// Approval cards and the letter are posted after the answer; a busy machine may take a while.
jest.setTimeout(waitLimitMs + 30_000);

describe('revisits (§17-21): proposed, endorsed, approved, findings and the letter', () => {
  const app = useAppUnderTest();

  const cardFor = (person: TestUser, text: string, since: number) =>
    cardInChat(app.connector, person, text, since);

  /** Opens the proposal form for `cocId` as `person` and submits it with `values`. */
  async function propose(
    cocId: string,
    person: TestUser,
    values: { firstDay: string; lastDay: string; purpose: string; team: string },
  ) {
    const form = (await app.client.sendMessage(`revisit ${cocId}`, person)).cards[0];
    const submit = actionsOf(form).find((a) => a.verb === 'proposeRevisit');
    if (!submit) throw new Error(`no proposal form: ${visibleText(form)}`);
    return invokeCard(await app.client.sendInvoke(submit.verb, { ...submit.data, ...values }, person));
  }

  async function revisitOf(id: string) {
    const found = await app.store.records.getRevisit('BUC', id);
    if (!found) throw new Error(`no revisit ${id}`);
    return found.value;
  }

  const firstRevisit = {
    firstDay: '2026-12-01',
    lastDay: '2026-12-03',
    purpose: 'Check the risk-based inspection programme now reaches every high-risk premises.',
    team: 'Sam Patel (SLL), two protection inspectors',
  };

  beforeAll(async () => {
    // Approvers get cards in their personal chat only once they have talked to the bot.
    for (const person of [demoPeople.sll, demoPeople.cos, demoPeople.hmi]) {
      await app.client.sendMessage('help', person);
    }
    const buckinghamshire = await app.store.directory.getService('BUC');
    if (!buckinghamshire) throw new Error('demo BUC missing');
    await app.store.directory.upsertService({
      ...buckinghamshire,
      chiefFireOfficer: 'Louise Harrison',
      authorityChair: 'Councillor Simon Rouse',
    });
  });

  it('offers the SLL "Propose a revisit" on the CoC card; bad input comes back with the values kept', async () => {
    const shown = await app.client.sendMessage('show BUC-1', demoPeople.sll);
    const open = action(shown.cards[0], 'Propose a revisit');
    const form = invokeCard(await app.client.sendInvoke(open.verb, open.data, demoPeople.sll));
    expect(visibleText(form)).toContain('Propose a revisit of BUC-1');
    expect(visibleText(form)).toContain(
      'It will be BUC-1-R1. The Chief of Staff endorses it, then the HM Inspector approves it',
    );

    const submit = action(form, 'Propose the revisit');
    const bad = invokeCard(
      await app.client.sendInvoke(
        submit.verb,
        {
          ...submit.data,
          firstDay: '2026-12-03',
          lastDay: '2026-12-01',
          purpose: 'Look at audits',
          team: '',
        },
        demoPeople.sll,
      ),
    );
    const text = visibleText(bad);
    expect(text).toContain('Nothing was proposed.');
    expect(text).toContain('Last day must be on or after the first day.');
    expect(text).toContain('Team is required.');
    expect(inputValue(bad, 'purpose')).toBe('Look at audits');
    expect(inputValue(bad, 'firstDay')).toBe('2026-12-03');
    expect(await app.store.records.listRevisits('BUC')).toEqual([]);
  });

  it('walks a revisit from the SLL to the Chief of Staff and the HM Inspector, each card in their chat', async () => {
    const since = app.connector.calls.length;
    const answer = await propose('BUC-1', demoPeople.sll, firstRevisit);
    expect(visibleText(answer)).toContain('Revisit BUC-1-R1 proposed.');
    expect(visibleText(answer)).toContain("I've sent it to Morgan Hughes, Chief of Staff, to decide.");
    expect(await revisitOf('BUC-1-R1')).toMatchObject({
      status: 'pendingCos',
      proposedBy: demoPeople.sll.objectId,
    });

    const cosCard = await cardFor(demoPeople.cos, 'Revisit BUC-1-R1', since);
    expect(visibleText(cosCard)).toContain(
      'Sam Patel proposes revisit BUC-1-R1. Please endorse it or refuse it.',
    );
    expect(visibleText(cosCard)).toContain('1 December 2026 to 3 December 2026');
    // The SLL who proposed it can't endorse it, whatever the card says.
    const endorse = action(cosCard, 'Endorse');
    const bySll = invokeCard(await app.client.sendInvoke(endorse.verb, endorse.data, demoPeople.sll));
    expect(visibleText(bySll)).toContain("You can't endorse this revisit as Chief of Staff");
    expect((await revisitOf('BUC-1-R1')).status).toBe('pendingCos');

    const beforeEndorsing = app.connector.calls.length;
    const endorsed = invokeCard(await app.client.sendInvoke(endorse.verb, endorse.data, demoPeople.cos));
    expect(visibleText(endorsed)).toContain('Endorsed: BUC-1-R1 goes to the HM Inspector to approve.');
    expect(actionsOf(endorsed).map((a) => a.title)).not.toContain('Endorse');

    const hmiCard = await cardFor(demoPeople.hmi, 'Revisit BUC-1-R1', beforeEndorsing);
    expect(visibleText(hmiCard)).toContain('Morgan Hughes (Chief of Staff) endorses revisit BUC-1-R1.');
    await cardFor(demoPeople.sll, 'Morgan Hughes endorsed revisit BUC-1-R1', beforeEndorsing);

    // A second click on the Chief of Staff's old card is refused with who decided and when.
    const again = invokeCard(await app.client.sendInvoke(endorse.verb, endorse.data, demoPeople.cos));
    expect(visibleText(again)).toContain('Already endorsed by Morgan Hughes at 10:00 on 22 November 2026.');

    const beforeApproving = app.connector.calls.length;
    const approve = action(hmiCard, 'Approve');
    const approved = invokeCard(await app.client.sendInvoke(approve.verb, approve.data, demoPeople.hmi));
    expect(visibleText(approved)).toContain('Approved: BUC-1-R1 is now a date the reminders know.');
    expect(await revisitOf('BUC-1-R1')).toMatchObject({ status: 'approved' });
    await cardFor(demoPeople.sll, 'Alex Carter approved revisit BUC-1-R1', beforeApproving);
  });

  it('makes the approved revisit an obligation the reminders know, due on its last day', async () => {
    const due = await waitFor('the revisit in the due index', async () =>
      (await app.store.dueIndex.listDueUpTo('2026-12-31')).find((e) => e.subjectId === 'BUC-1-R1'),
    );
    expect(due).toMatchObject({ kind: 'revisit', dueDate: '2026-12-03', recordId: 'BUC-1' });

    const card = (await app.client.sendMessage('show BUC-1', demoPeople.cos)).cards[0];
    expect(visibleText(card)).toContain('BUC-1-R1 · 1 December 2026 to 3 December 2026');
    expect(visibleText(card)).toContain('Approved (findings 11 days to go)');
    // The Chief of Staff proposes with the revisit command; the card offers them only to open revisits.
    expect(actionsOf(card).map((a) => a.title)).toEqual(['Open BUC-1-R1']);
  });

  it('takes the SLL’s findings into the recommendations’ progress and drafts the HM Inspector’s letter by name', async () => {
    app.setNow(new Date('2026-12-04T10:00:00Z'));
    const shown = (await app.client.sendMessage('show BUC-1-R1', demoPeople.sll)).cards[0];
    const open = action(shown, 'Record findings');
    const form = invokeCard(await app.client.sendInvoke(open.verb, open.data, demoPeople.sll));
    expect(visibleText(form)).toContain('Findings of revisit BUC-1-R1');
    const save = action(form, 'Save findings');
    const ids = save.data.recommendationIds as string[];
    expect(ids[0]).toBe('BUC-1.1');

    const missing = invokeCard(
      await app.client.sendInvoke(
        save.verb,
        {
          ...save.data,
          initialFindingsDate: '',
          finding1: 'Audits of high-risk premises are on time.',
          rag1: '',
        },
        demoPeople.sll,
      ),
    );
    expect(visibleText(missing)).toContain('Nothing was saved.');
    expect(visibleText(missing)).toContain('RAG is required with a finding.');
    expect(inputValue(missing, 'finding1')).toBe('Audits of high-risk premises are on time.');

    const since = app.connector.calls.length;
    const saved = invokeCard(
      await app.client.sendInvoke(
        save.verb,
        {
          ...save.data,
          initialFindingsDate: '2026-12-03',
          finding1: 'Audits of high-risk premises are on time; low-risk ones still lag',
          rag1: 'amber',
          nextSteps: 'We will revisit in six months to check the low-risk audits.',
        },
        demoPeople.sll,
      ),
    );
    expect(visibleText(saved)).toContain('Findings saved: 1 finding added');
    expect(visibleText(saved)).toContain('Initial findings given');
    expect(visibleText(saved)).toContain('3 December 2026');

    const progress = await app.store.records.listProgress('BUC', 'BUC-1.1');
    expect(progress.at(-1)).toMatchObject({
      source: 'revisitFinding',
      rag: 'amber',
      by: demoPeople.sll.objectId,
    });
    expect((await app.store.records.getRecommendation('BUC', 'BUC-1.1'))?.value.rag).toBe('amber');

    const letter = await cardFor(demoPeople.hmi, 'Revisit letter for BUC-1-R1', since);
    const text = visibleText(letter);
    expect(text).toContain('4 December 2026');
    expect(text).toContain('Louise Harrison, Chief Fire Officer');
    expect(text).toContain('Dear Louise Harrison and Councillor Simon Rouse,');
    expect(text).toContain('from 1 December 2026 to 3 December 2026');
    expect(text).toContain('We gave you our initial findings on 3 December 2026.');
    expect(text).toContain('low-risk ones still lag. We assessed progress as amber.');
    expect(text).toContain('Recommendations still open');
    // BUC-1.2 is signed off: only the open ones are listed.
    expect(text).toContain('These 2 recommendations remain open:');
    expect(text).toContain(
      '- BUC-1.3: The service should make sure it has enough qualified protection staff',
    );
    expect(text).not.toContain('- BUC-1.2:');
    expect(text).toContain('We will revisit in six months to check the low-risk audits.');
    expect(text).toContain('Alex Carter');

    await waitFor('the revisit to leave the due index once its findings are in', async () =>
      (await app.store.dueIndex.listDueUpTo('2026-12-31')).some((e) => e.subjectId === 'BUC-1-R1')
        ? undefined
        : true,
    );
  });

  it('records when the letter was sent and published, never published before sent', async () => {
    const card = (await app.client.sendMessage('show BUC-1-R1', demoPeople.hmi)).cards[0];
    const save = action(card, 'Save letter dates');
    const bad = invokeCard(
      await app.client.sendInvoke(
        save.verb,
        { ...save.data, sentDate: '2026-12-04', publishedDate: '2026-12-03' },
        demoPeople.hmi,
      ),
    );
    expect(visibleText(bad)).toContain('Date the letter was published can’t be before the day it was sent.');
    expect(inputValue(bad, 'publishedDate')).toBe('2026-12-03');
    expect((await revisitOf('BUC-1-R1')).letterPublishedDate).toBeUndefined();

    const good = invokeCard(
      await app.client.sendInvoke(
        save.verb,
        { ...save.data, sentDate: '2026-12-04', publishedDate: '2026-12-04' },
        demoPeople.hmi,
      ),
    );
    expect(visibleText(good)).toContain('Saved: the letter’s dates are recorded.');
    expect(visibleText(good)).toContain('Approved; findings recorded; letter sent and published');
    expect(await revisitOf('BUC-1-R1')).toMatchObject({
      letterSentDate: '2026-12-04',
      letterPublishedDate: '2026-12-04',
    });
  });

  it('refuses a revisit with a reason, tells the SLL, and lists it beside the first', async () => {
    const answer = await propose('BUC-1', demoPeople.sll, {
      firstDay: '2027-03-01',
      lastDay: '2027-03-01',
      purpose: 'A second look at the low-risk audits.',
      team: 'Sam Patel (SLL)',
    });
    expect(visibleText(answer)).toContain('Revisit BUC-1-R2 proposed.');
    const since = app.connector.calls.length;
    const card = await cardFor(demoPeople.cos, 'Revisit BUC-1-R2', 0);
    const refuse = action(card, 'Refuse');

    const noReason = invokeCard(await app.client.sendInvoke(refuse.verb, refuse.data, demoPeople.cos));
    expect(visibleText(noReason)).toContain('Nothing was saved. Give a reason to refuse the revisit.');
    expect((await revisitOf('BUC-1-R2')).status).toBe('pendingCos');

    const refused = invokeCard(
      await app.client.sendInvoke(
        refuse.verb,
        { ...refuse.data, reason: 'Too soon: the service’s plan runs to April.' },
        demoPeople.cos,
      ),
    );
    expect(visibleText(refused)).toContain('Refused: BUC-1-R2 goes back');
    expect(await revisitOf('BUC-1-R2')).toMatchObject({ status: 'refused' });
    await cardFor(
      demoPeople.sll,
      'Morgan Hughes refused revisit BUC-1-R2: Too soon: the service’s plan runs to April.',
      since,
    );

    const coc = visibleText((await app.client.sendMessage('show BUC-1', demoPeople.sll)).cards[0]);
    expect(coc).toContain('BUC-1-R1 · 1 December 2026 to 3 December 2026');
    expect(coc).toContain('initial findings given on 3 December 2026');
    expect(coc).toContain('BUC-1-R2 · 1 March 2027');
    expect(coc).toContain('Refused');
  });

  it('says in history, in plain words, who proposed, endorsed, approved and recorded what', async () => {
    const history = await app.client.sendMessage('history BUC-1-R1', demoPeople.sll);
    const text = visibleText(history.cards[0]);
    expect(text).toContain('History of BUC-1');
    expect(text).toContain('Proposed revisit BUC-1-R1');
    expect(text).toContain('Endorsed revisit BUC-1-R1 as Chief of Staff');
    expect(text).toContain('Approved revisit BUC-1-R1 as HM Inspector');
    expect(text).toContain('Recorded the findings of revisit BUC-1-R1');
    expect(text).toContain('Refused revisit BUC-1-R2');
    expect(text).toContain('Waiting for the Chief of Staff → Waiting for the HM Inspector');
    expect(text).toContain('Letter published');
    for (const internal of ['pendingCos', 'pendingHmi', 'revisitFinding', 'letterSentDate', '2026-12-04'])
      expect(text).not.toContain(internal);
  });

  it('lets a Chief of Staff propose with the revisit command, as their endorsement, and keeps separation of duties for a stand-in', async () => {
    // The HM Inspector is away and Morgan Hughes (the CoS) stands in.
    const delegated = await app.client.sendMessage(
      'delegate hmi to Morgan Hughes from 4 December 2026 to 18 December 2026',
      demoPeople.hmi,
    );
    expect(visibleText(delegated.cards[0])).toContain('Stand-in saved');

    const answer = await propose('BUC-2', demoPeople.cos, {
      firstDay: '2026-12-14',
      lastDay: '2026-12-15',
      purpose: 'Check the new on-call availability system.',
      team: 'Sam Patel (SLL), Morgan Hughes (CoS)',
    });
    expect(visibleText(answer)).toContain('Revisit BUC-2-R1 proposed.');
    expect(await revisitOf('BUC-2-R1')).toMatchObject({
      status: 'pendingHmi',
      steps: [
        expect.objectContaining({ role: 'cos', decision: 'approved', by: demoPeople.cos.objectId }),
        { role: 'hmi' },
      ],
    });

    const approvals = await app.client.sendMessage('approvals', demoPeople.cos);
    const waiting = approvals.cards.find((c) => visibleText(c).includes('Revisit BUC-2-R1'));
    expect(visibleText(waiting)).toContain('Waiting for Morgan Hughes (standing in for Alex Carter)');
    const refused = invokeCard(
      await app.client.sendInvoke(
        'decideRevisit',
        { revisitId: 'BUC-2-R1', step: 'hmi', decision: 'approve' },
        demoPeople.cos,
      ),
    );
    expect(visibleText(refused)).toContain("You can't decide this: you proposed the revisit yourself.");
    expect((await revisitOf('BUC-2-R1')).status).toBe('pendingHmi');
  });
});
