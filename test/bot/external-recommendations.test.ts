import { demoPeople } from '../../src/demo/people';
import { extraDemoPeople } from '../../src/demo/extra-people';
import type { ClosureRequest } from '../../src/domain/records';
import { useAppUnderTest } from '../support/app-under-test';
import { visibleText, type TestUser } from '../support/bot-client';
import { findCardProblems } from '../support/card-validator';
import { action, actionsOf, invokeCard } from '../support/cards';
import { cardInChat } from '../support/chats';
import { waitLimitMs } from '../support/wait-for';

jest.setTimeout(waitLimitMs + 30_000);

const dpd = demoPeople.deputyPortfolioDirector;
const hmi = demoPeople.hmi;
const sro = extraDemoPeople.sro;

describe('recommendations to external bodies (deputy portfolio director → HM Inspector → SRO)', () => {
  const app = useAppUnderTest();

  const cardFor = (person: TestUser, text: string, since: number) =>
    cardInChat(app.connector, person, text, since);

  async function requestOf(subjectId: string): Promise<ClosureRequest> {
    const found = (await app.store.records.listClosureRequests('EXT'))
      .map((r) => r.value)
      .filter((r) => r.subject.id === subjectId)
      .sort((a, b) => a.requestedAt.localeCompare(b.requestedAt))
      .at(-1);
    if (!found) throw new Error(`no closure request for ${subjectId}`);
    return found;
  }

  const formFields = {
    externalBody: 'Local Government Association',
    text: 'The LGA should offer peer challenge on culture to every fire and rescue authority.',
    targetDate: '2027-03-31',
    connectedCocId: 'BUC-2',
    hmi: hmi.objectId,
  };

  beforeAll(async () => {
    for (const person of [dpd, hmi, sro, extraDemoPeople.hmiNorth])
      await app.client.sendMessage('help', person);
  });

  it('refuses the form to anyone but the deputy portfolio director (or an administrator)', async () => {
    const shown = await app.client.sendMessage('new external', demoPeople.sll);
    expect(visibleText(shown.cards[0])).toContain(
      "You can't manage recommendations to external bodies: only the deputy portfolio director or an Administrator can.",
    );
    const forged = invokeCard(
      await app.client.sendInvoke('addExternal', { formId: 'forged-form', ...formFields }, demoPeople.sll),
    );
    expect(visibleText(forged)).toContain("You can't manage recommendations to external bodies");
    expect((await app.store.records.listExternalRecommendations()).map((r) => r.value.id)).toEqual(['EXT-1']);
  });

  it('adds EXT-2 from the form, keeps what was typed when a field is wrong, and adds one for a form submitted twice', async () => {
    const form = (await app.client.sendMessage('new external', dpd)).cards[0];
    expect(findCardProblems(form)).toEqual([]);
    const add = action(form, 'Add recommendation');
    const formId = (add.data as { formId: string }).formId;

    const bad = invokeCard(
      await app.client.sendInvoke(
        add.verb,
        { formId, ...formFields, targetDate: '2027-02-30', connectedCocId: 'BUC-99' },
        dpd,
      ),
    );
    expect(visibleText(bad)).toContain('Nothing was saved.');
    expect(visibleText(bad)).toContain('Target date must be a real date written YYYY-MM-DD.');
    expect(JSON.stringify(bad)).toContain(formFields.text);
    expect((await app.store.records.listExternalRecommendations()).length).toBe(1);

    const missingCoc = invokeCard(
      await app.client.sendInvoke(add.verb, { formId, ...formFields, connectedCocId: 'BUC-99' }, dpd),
    );
    expect(visibleText(missingCoc)).toContain(
      'Connected cause of concern there is no cause of concern BUC-99.',
    );

    const first = invokeCard(await app.client.sendInvoke(add.verb, { formId, ...formFields }, dpd));
    expect(visibleText(first)).toContain('Added EXT-2, the recommendation to Local Government Association.');
    expect(visibleText(first)).toContain('BUC-2: Values and culture');
    expect(visibleText(first)).toContain('31 March 2027');
    const second = invokeCard(await app.client.sendInvoke(add.verb, { formId, ...formFields }, dpd));
    expect(visibleText(second)).toContain('This form was already submitted: it added EXT-2.');
    expect((await app.store.records.listExternalRecommendations()).map((r) => r.value.id)).toEqual([
      'EXT-1',
      'EXT-2',
    ]);

    const list = (await app.client.sendMessage('external', hmi)).cards[0];
    expect(findCardProblems(list)).toEqual([]);
    expect(visibleText(list)).toContain('EXT-2: to Local Government Association');
    expect(visibleText(list)).toContain('connected to BUC-2');
  });

  it('records progress from the card, then asks for closure with the closure chain form', async () => {
    const card = (await app.client.sendMessage('show EXT-2', dpd)).cards[0];
    expect(findCardProblems(card)).toEqual([]);
    expect(actionsOf(card).map((a) => a.title)).not.toContain('Ask to close');
    const save = action(card, 'Save progress');
    const empty = invokeCard(
      await app.client.sendInvoke(
        save.verb,
        { ...save.data, progressText: ' ', rag: 'amber', status: 'inProgress' },
        dpd,
      ),
    );
    expect(visibleText(empty)).toContain('What has happened is required.');

    const saved = invokeCard(
      await app.client.sendInvoke(
        save.verb,
        {
          ...save.data,
          progressText: 'The LGA board agreed the offer on 2 March.',
          rag: 'green',
          status: 'inProgress',
        },
        dpd,
      ),
    );
    expect(visibleText(saved)).toContain('Saved: progress recorded on EXT-2.');
    expect(visibleText(saved)).toContain('The LGA board agreed the offer on 2 March.');
    expect(visibleText(saved)).toContain('In progress');

    // The SLL sees the card but has nothing to press.
    const seenBySll = (await app.client.sendMessage('show EXT-2', demoPeople.sll)).cards[0];
    expect(actionsOf(seenBySll).map((a) => a.title)).not.toContain('Save progress');

    const ask = action(saved, 'Ask to close');
    const closureForm = invokeCard(await app.client.sendInvoke(ask.verb, ask.data, dpd));
    expect(visibleText(closureForm)).toContain('Request closure of EXT-2');
    expect(visibleText(closureForm)).toContain('An HM Inspector will be asked to agree');

    const since = app.connector.calls.length;
    const raised = invokeCard(
      await app.client.sendInvoke(
        'submitClosureRequest',
        {
          subjectId: 'EXT-2',
          link1: 'https://lga.example.org/peer-challenge.pdf',
          validationNote: 'Read the published offer.',
        },
        dpd,
      ),
    );
    expect(visibleText(raised)).toContain('Closure of EXT-2 requested.');
    expect(visibleText(raised)).toContain('Waiting for an HM Inspector to agree');
    await cardFor(hmi, 'asks you to agree to the closure of EXT-2', since);
    expect((await requestOf('EXT-2')).status).toBe('pendingHmi');
  });

  it('keeps the status as it was asked to close while the closure request waits', async () => {
    const card = (await app.client.sendMessage('show EXT-2', dpd)).cards[0];
    const save = actionsOf(card).find((a) => a.title === 'Save progress');
    const refused = invokeCard(
      await app.client.sendInvoke(
        'recordExternalProgress',
        {
          ...(save?.data ?? { id: 'EXT-2' }),
          progressText: 'Back to the drawing board.',
          rag: 'red',
          status: 'open',
        },
        dpd,
      ),
    );
    expect(visibleText(refused)).toContain(
      "The status of EXT-2 can't change while its closure request waits for a decision.",
    );
    expect((await app.store.records.getRecommendation('EXT', 'EXT-2'))?.value.status).toBe(
      'evidenceComplete',
    );
    expect((await requestOf('EXT-2')).status).toBe('pendingHmi');
  });

  it('refuses the SRO before an HM Inspector agrees; the HMI agrees; nobody decides twice; the SRO closes it', async () => {
    const request = await requestOf('EXT-2');
    const early = invokeCard(
      await app.client.sendInvoke(
        'decideClosure',
        { serviceCode: 'EXT', requestId: request.id, step: 'sro', decision: 'approve' },
        sro,
      ),
    );
    expect(visibleText(early)).toContain(
      'This closure request is waiting for the HM Inspector, not the Senior Responsible Officer.',
    );
    const byDpd = invokeCard(
      await app.client.sendInvoke(
        'decideClosure',
        { serviceCode: 'EXT', requestId: request.id, step: 'hmi', decision: 'approve' },
        dpd,
      ),
    );
    expect(visibleText(byDpd)).toContain("You can't sign off this closure as HM Inspector");

    const since = app.connector.calls.length;
    const agreed = invokeCard(
      await app.client.sendInvoke(
        'decideClosure',
        { serviceCode: 'EXT', requestId: request.id, step: 'hmi', decision: 'approve' },
        hmi,
      ),
    );
    expect(visibleText(agreed)).toContain('Agreed: EXT-2 goes to the Senior Responsible Officer to close.');
    const sroCard = await cardFor(sro, 'agrees to close EXT-2', since);
    expect(action(sroCard, 'Close').data).toMatchObject({ step: 'sro' });
    expect((await app.store.records.getRecommendation('EXT', 'EXT-2'))?.value.status).toBe(
      'evidenceComplete',
    );

    // Separation of duties: an HM Inspector who is also SRO for the day could not close what they agreed.
    const hmiAsSro = { ...hmi, roles: ['hmi', 'sro'] as const };
    await app.store.directory.upsertPerson({ ...hmi, roles: [...hmiAsSro.roles] });
    const twice = invokeCard(
      await app.client.sendInvoke(
        'decideClosure',
        { serviceCode: 'EXT', requestId: request.id, step: 'sro', decision: 'approve' },
        hmi,
      ),
    );
    expect(visibleText(twice)).toContain(
      "You can't approve this: you already decided the HM Inspector step of this request.",
    );
    await app.store.directory.upsertPerson(hmi);

    const closed = invokeCard(
      await app.client.sendInvoke(
        'decideClosure',
        { serviceCode: 'EXT', requestId: request.id, step: 'sro', decision: 'approve' },
        sro,
      ),
    );
    expect(visibleText(closed)).toContain('Closed: EXT-2.');
    const stored = (await app.store.records.getRecommendation('EXT', 'EXT-2'))?.value;
    expect(stored?.status).toBe('closed');
    expect(stored?.signedOffBy).toBe(sro.objectId);

    const card = (await app.client.sendMessage('show EXT-2', dpd)).cards[0];
    expect(visibleText(card)).toContain('Signed off (closed)');
    expect(actionsOf(card).map((a) => a.title)).not.toContain('Ask to close');
  });

  it('tells the story in plain words in history', async () => {
    const history = (await app.client.sendMessage('history EXT-2', dpd)).cards[0];
    const text = visibleText(history);
    expect(text).toContain('Added recommendation EXT-2, a recommendation to an external body');
    expect(text).toContain('Asked to close recommendation EXT-2');
    expect(text).toContain('Agreed, as HM Inspector, to close recommendation EXT-2');
    expect(text).toContain('Closed recommendation EXT-2');
    expect(text).toContain("Senior Responsible Officer's decision");
    expect(text).toContain('Waiting for the Senior Responsible Officer → Approved');
    expect(text).not.toMatch(/pendingSro|evidenceComplete|external\.added/);
  });
});

describe('recommendations to external bodies in the board summary and the quarterly report', () => {
  const app = useAppUnderTest();

  it('shows EXT-1 (connected to BUC-2) open on the Buckinghamshire summary, and open in the quarterly report; closed once closed', async () => {
    const summary = (await app.client.sendMessage('summary BUC', demoPeople.sll)).cards[0];
    // Teams' donut charts are outside Adaptive Cards 1.5 and carry their own fallback.
    expect(findCardProblems(summary).filter((problem) => !problem.includes('Chart.Donut'))).toEqual([]);
    expect(visibleText(summary)).toContain(
      'EXT-1 (Open), to National Fire Chiefs Council, connected to BUC-2',
    );
    const kent = (await app.client.sendMessage('summary KEN', extraDemoPeople.sllSouth)).cards[0];
    expect(visibleText(kent)).not.toContain('EXT-1');

    const report = (await app.client.sendMessage('report quarterly', dpd)).cards[0];
    expect(findCardProblems(report)).toEqual([]);
    expect(visibleText(report)).toContain('Recommendations to external bodies\n1 open, 0 closed');
    expect(visibleText(report)).toContain('Open: to National Fire Chiefs Council (connected to BUC-2)');

    const stored = await app.store.records.getRecommendation('EXT', 'EXT-1');
    if (!stored) throw new Error('demo EXT-1 missing');
    await app.store.records.commit('EXT', [
      {
        kind: 'update',
        etag: stored.etag,
        entity: {
          type: 'recommendation',
          value: {
            ...stored.value,
            status: 'closed',
            signedOffAt: '2026-11-20T12:00:00Z',
            signedOffBy: sro.objectId,
          },
        },
      },
    ]);
    const after = (await app.client.sendMessage('report quarterly', dpd)).cards[0];
    expect(visibleText(after)).toContain('0 open, 1 closed');
    expect(visibleText(after)).toContain('Closed on 20 November 2026.');
    expect(visibleText((await app.client.sendMessage('summary BUC', demoPeople.sll)).cards[0])).toContain(
      'EXT-1 (Closed)',
    );
  });
});
