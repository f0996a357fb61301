import { demoPeople } from '../../src/demo/people';
import { useAppUnderTest } from '../support/app-under-test';
import { visibleText, type TestUser } from '../support/bot-client';
import { findCardProblems } from '../support/card-validator';
import { action, actionsOf, inputValue, invokeCard } from '../support/cards';
import { cardInChat, cardsPostedTo, personalChat } from '../support/chats';
import { waitLimitMs } from '../support/wait-for';

jest.setTimeout(waitLimitMs + 30_000);

describe('closer monitoring (§22-23): the HM Inspector sets a service’s level and lifts it', () => {
  const app = useAppUnderTest();

  const postedTo = (person: TestUser, since: number) =>
    cardsPostedTo(app.connector, personalChat(person), since);
  const cardFor = (person: TestUser, text: string, since: number) =>
    cardInChat(app.connector, person, text, since);

  const save = async (person: TestUser, data: Record<string, unknown>) =>
    invokeCard(await app.client.sendInvoke('setMonitoringLevel', { serviceCode: 'BUC', ...data }, person));

  beforeAll(async () => {
    for (const person of [demoPeople.sll, demoPeople.cos, demoPeople.hmi, demoPeople.cosNorth]) {
      await app.client.sendMessage('help', person);
    }
  });

  it('shows everyone the level; only the region’s HM Inspector gets the form', async () => {
    const forSll = (await app.client.sendMessage('monitoring BUC', demoPeople.sll)).cards[0];
    expect(findCardProblems(forSll)).toEqual([]);
    expect(visibleText(forSll)).toContain('Monitoring of Buckinghamshire Fire and Rescue Service');
    expect(visibleText(forSll)).toContain('Routine monitoring');
    expect(actionsOf(forSll)).toEqual([]);

    const forHmi = (await app.client.sendMessage('monitoring buc', demoPeople.hmi)).cards[0];
    expect(findCardProblems(forHmi)).toEqual([]);
    expect(action(forHmi, 'Save the level').data).toMatchObject({ serviceCode: 'BUC' });

    const byCos = await save(demoPeople.cos, { level: 'homeOffice', triggers: 'intervention', note: '' });
    expect(visibleText(byCos)).toContain(
      "You can't set how closely this service is monitored: only an HM Inspector for the Central region or their stand-in can.",
    );
    expect(await app.store.records.getMonitoringLevel('BUC')).toBeNull();
  });

  it('refuses a closer level without a trigger or a supporter, keeping what was typed', async () => {
    const card = await save(demoPeople.hmi, {
      level: 'enhancedSupport',
      triggers: '',
      support: '',
      note: 'Protection audits keep slipping.',
    });
    const text = visibleText(card);
    expect(text).toContain('Nothing was saved.');
    expect(text).toContain('Triggers must have at least one trigger above routine monitoring.');
    expect(text).toContain('Enhanced support must say who gives the enhanced support.');
    expect(inputValue(card, 'note')).toBe('Protection audits keep slipping.');
    expect(inputValue(card, 'level')).toBe('enhancedSupport');
    expect(await app.store.records.getMonitoringLevel('BUC')).toBeNull();
  });

  it('sets enhanced support with its triggers; the SLL and the region’s CoS are told; cards and reports show it', async () => {
    const since = app.connector.calls.length;
    const card = await save(demoPeople.hmi, {
      level: 'enhancedSupport',
      triggers: 'slowProgress,publicSafety',
      support: 'nfcc,lga',
      note: 'Protection audits keep slipping.',
    });
    expect(visibleText(card)).toContain(
      'Saved: the monitoring of Buckinghamshire Fire and Rescue Service is now Enhanced support (NFCC, LGA peer support).',
    );
    expect(visibleText(card)).toContain('Not progressing at a reasonable pace on a cause of concern');
    expect((await app.store.records.getMonitoringLevel('BUC'))?.value).toMatchObject({
      level: 'enhancedSupport',
      triggers: ['slowProgress', 'publicSafety'],
      support: ['nfcc', 'lga'],
      updatedBy: demoPeople.hmi.objectId,
    });

    const told =
      'Alex Carter set the monitoring of Buckinghamshire Fire and Rescue Service to Enhanced support (NFCC, LGA peer support).';
    const sllCard = await cardFor(demoPeople.sll, told, since);
    expect(actionsOf(sllCard)).toEqual([]);
    await cardFor(demoPeople.cos, told, since);
    expect(postedTo(demoPeople.cosNorth, since)).toEqual([]);

    const coc = visibleText((await app.client.sendMessage('show BUC-1', demoPeople.sll)).cards[0]);
    expect(coc).toContain('Monitoring of the service');
    expect(coc).toContain('Enhanced support (NFCC, LGA peer support) since 22 November 2026');

    const board = visibleText((await app.client.sendMessage('summary BUC', demoPeople.sll)).cards[0]);
    expect(board).toContain(
      'Closer monitoring: Enhanced support (NFCC, LGA peer support), since 22 November 2026.',
    );

    const report = visibleText((await app.client.sendMessage('report quarterly', demoPeople.hmi)).cards[0]);
    expect(report).toContain('closer monitoring: Enhanced support (NFCC, LGA peer support)');
  });

  it('raises it to a Fire Performance Oversight Group, then lifts it back to routine', async () => {
    const shown = (await app.client.sendMessage('monitoring BUC', demoPeople.hmi)).cards[0];
    const { updatedAt } = action(shown, 'Save the level').data;
    app.setNow(new Date('2026-11-22T10:05:00Z'));
    const raised = await save(demoPeople.hmi, {
      updatedAt,
      level: 'oversightGroup',
      triggers: 'slowProgress,intervention',
      support: 'nfcc',
      note: 'Meeting with the chief fire officer and the chair on 14 January 2027.',
    });
    expect(visibleText(raised)).toContain('is now Fire Performance Oversight Group');
    expect((await app.store.records.getMonitoringLevel('BUC'))?.value).toMatchObject({
      level: 'oversightGroup',
      support: [],
    });

    // A save from a card drawn before that change is refused rather than overwriting it.
    const stale = await save(demoPeople.hmi, { updatedAt, level: 'homeOffice', triggers: 'intervention' });
    expect(visibleText(stale)).toContain('Nothing was saved.');
    expect(visibleText(stale)).toContain('changed by Alex Carter');

    const since = app.connector.calls.length;
    const lifted = await save(demoPeople.hmi, { level: 'routine', triggers: 'slowProgress', note: '' });
    expect(visibleText(lifted)).toContain('is now Routine monitoring');
    expect((await app.store.records.getMonitoringLevel('BUC'))?.value).toMatchObject({
      level: 'routine',
      triggers: [],
    });
    await cardFor(
      demoPeople.sll,
      'Alex Carter lifted closer monitoring of Buckinghamshire Fire and Rescue Service: it is back to routine monitoring.',
      since,
    );
    await cardFor(demoPeople.cos, 'Alex Carter lifted closer monitoring', since);

    const coc = visibleText((await app.client.sendMessage('show BUC-1', demoPeople.sll)).cards[0]);
    expect(coc).not.toContain('Monitoring of the service');
    const board = visibleText((await app.client.sendMessage('summary BUC', demoPeople.sll)).cards[0]);
    expect(board).not.toContain('Closer monitoring');
  });

  it('keeps every change in the service’s history, in plain words', async () => {
    const turn = await app.client.sendMessage('history BUC', demoPeople.cos);
    const text = visibleText(turn.cards.find((card) => visibleText(card).includes('History of BUC')));
    expect(text).toContain('Service: Buckinghamshire Fire and Rescue Service');
    expect(text).toContain('Put service BUC under closer monitoring');
    expect(text).toContain('Changed how closely service BUC is monitored');
    expect(text).toContain('Lifted closer monitoring of service BUC: back to routine');
    expect(text).toContain('Routine monitoring → Enhanced support');
    expect(text).toContain('Enhanced support → Fire Performance Oversight Group');
    expect(text).toContain('Not progressing at a reasonable pace on a cause of concern');
    expect(text).toContain('NFCC, LGA peer support');
    for (const internal of ['enhancedSupport', 'oversightGroup', 'slowProgress', 'nfcc'])
      expect(text).not.toContain(internal);
  });
});
