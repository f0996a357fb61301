import { demoPeople } from '../../src/demo/people';
import { extraDemoPeople } from '../../src/demo/extra-people';
import { useAppUnderTest } from '../support/app-under-test';
import { visibleText, type TestUser } from '../support/bot-client';
import { invokeCard, inputValue } from '../support/cards';

describe('updating a recommendation from the CoC card', () => {
  const app = useAppUnderTest();

  const version = async (id: string) => {
    const found = await app.store.records.getRecommendation(id.slice(0, 3), id);
    if (!found) throw new Error(`no ${id}`);
    return found.value;
  };

  /** Sends a card's verb about recommendation `id`, with the version the card was drawn from. */
  const sendAbout = async (
    verb: string,
    id: string,
    fields: Record<string, unknown>,
    person: TestUser = demoPeople.sll,
  ) => {
    const drawn = await version(id);
    const turn = await app.client.sendInvoke(
      verb,
      { recommendationId: id, updatedAt: drawn.updatedAt, ...fields },
      person,
    );
    return { drawn, turn };
  };

  it('opens the update form in place with the current values', async () => {
    const turn = await app.client.sendInvoke(
      'openRecommendationForm',
      { recommendationId: 'BUC-2.3', form: 'update' },
      demoPeople.sll,
    );

    const form = invokeCard(turn);
    expect(visibleText(form)).toContain('Update BUC-2.3');
    expect(inputValue(form, 'status')).toBe('open');
  });

  it('saves a new status and RAG, replaces the card in place and writes the audit event', async () => {
    const { turn } = await sendAbout('updateRecommendation', 'BUC-2.3', {
      status: 'inProgress',
      rag: 'amber',
    });

    const card = invokeCard(turn);
    expect(visibleText(card)).toContain('Saved: BUC-2.3 updated.');
    expect(visibleText(card)).toContain('BUC-2.3 · In progress · Amber');
    expect(turn.messages.length).toBe(1);
    const saved = await version('BUC-2.3');
    expect(saved).toMatchObject({ status: 'inProgress', rag: 'amber', updatedBy: demoPeople.sll.objectId });
    const audit = await app.store.records.listAudit('BUC', 'BUC-2', { limit: 2 });
    expect(audit.map((event) => event.changes).flat()).toEqual(
      expect.arrayContaining([
        { field: 'status', from: 'open', to: 'inProgress' },
        { field: 'rag', to: 'amber' },
      ]),
    );
  });

  it('revises a target date and shows the original and the revision', async () => {
    const { turn } = await sendAbout('reviseTargetDate', 'BUC-2.1', {
      date: '2027-02-26',
      reason: 'The staff survey moved to January.',
    });

    const text = visibleText(invokeCard(turn));
    expect(text).toContain('26 February 2027 (96 days left)');
    expect(text).toContain('Original target date');
    expect(text).toContain('31 December 2026');
    expect(text).toContain('To 26 February 2027 by Sam Patel: The staff survey moved to January.');
    expect((await version('BUC-2.1')).targetDateRevisions).toHaveLength(1);
  });

  it('refuses an evidence link that is not https, naming the field and keeping the input', async () => {
    const { drawn, turn } = await sendAbout('addProgressNote', 'BUC-1.1', {
      text: 'Audits of the top 100 premises done.',
      link1: 'https://bucks-fire.example/audits.pdf',
      link2: 'http://bucks-fire.example/plan.pdf',
    });

    const form = invokeCard(turn);
    expect(visibleText(form)).toContain('Evidence link 2 must start with https://');
    expect(inputValue(form, 'text')).toBe('Audits of the top 100 premises done.');
    expect(inputValue(form, 'link2')).toBe('http://bucks-fire.example/plan.pdf');
    expect(await version('BUC-1.1')).toEqual(drawn);
  });

  it('tells the second of two people that the first changed it, keeping their input and overwriting nothing', async () => {
    const drawn = await version('BUC-1.3');
    app.setNow(new Date('2026-11-22T14:05:00Z'));

    const first = await app.client.sendInvoke(
      'updateRecommendation',
      { recommendationId: 'BUC-1.3', updatedAt: drawn.updatedAt, status: 'inProgress', rag: 'amber' },
      demoPeople.sll,
    );
    const second = await app.client.sendInvoke(
      'updateRecommendation',
      { recommendationId: 'BUC-1.3', updatedAt: drawn.updatedAt, status: 'evidenceComplete', rag: 'green' },
      demoPeople.admin,
    );

    expect(visibleText(invokeCard(first))).toContain('Saved');
    const form = invokeCard(second);
    expect(visibleText(form)).toContain(
      'This recommendation was changed by Sam Patel at 14:05 on 22 November 2026. Check the new values and submit again.',
    );
    expect(visibleText(form)).toContain('Amber');
    expect(inputValue(form, 'status')).toBe('evidenceComplete');
    expect(inputValue(form, 'rag')).toBe('green');
    expect(await version('BUC-1.3')).toMatchObject({
      status: 'inProgress',
      rag: 'amber',
      updatedBy: demoPeople.sll.objectId,
    });
  });

  it('refuses an SLO who forges an update, and changes nothing', async () => {
    const { drawn: before, turn } = await sendAbout(
      'updateRecommendation',
      'BUC-1.1',
      { status: 'evidenceComplete', rag: 'green' },
      extraDemoPeople.sloBuckinghamshire,
    );

    expect(visibleText(invokeCard(turn))).toContain("You can't update this recommendation");
    expect(await version('BUC-1.1')).toEqual(before);
  });

  it('records the date the action plan arrived', async () => {
    const coc = await app.store.records.getCoc('HWF', 'HWF-1');
    if (!coc) throw new Error('no HWF-1');

    const turn = await app.client.sendInvoke(
      'recordActionPlanReceived',
      { cocId: 'HWF-1', updatedAt: coc.value.updatedAt, date: '2026-11-20' },
      demoPeople.sll,
    );

    expect(visibleText(invokeCard(turn))).toContain('Received on 20 November 2026');
    expect((await app.store.records.getCoc('HWF', 'HWF-1'))?.value.actionPlanReceivedDate).toBe('2026-11-20');
  });

  it('lets the SLO add a progress note as the service’s response', async () => {
    const { turn } = await sendAbout(
      'addProgressNote',
      'BUC-1.1',
      { text: 'Two more audits done.', link1: 'https://bucks-fire.example/a.pdf' },
      extraDemoPeople.sloBuckinghamshire,
    );

    expect(visibleText(invokeCard(turn))).toContain('Taylor Quinn');
    const progress = await app.store.records.listProgress('BUC', 'BUC-1.1');
    expect(progress.at(-1)).toMatchObject({
      source: 'sloResponse',
      evidenceLinks: ['https://bucks-fire.example/a.pdf'],
    });
  });
});
