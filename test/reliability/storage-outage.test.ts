import { randomUUID } from 'node:crypto';
import { loadConfig } from '../../src/config';
import { demoPeople } from '../../src/demo/people';
import { demoToday } from '../../src/demo/records';
import { seedDemoData } from '../../src/demo/seed';
import { startApplication, storeOptionsFor, type RunningApplication } from '../../src/main';
import { createLogger } from '../../src/server';
import { createStore, type Store } from '../../src/store';
import {
  createBotClient,
  startFakeConnector,
  visibleText,
  type BotClient,
  type FakeConnector,
} from '../support/bot-client';
import { isStorageOutage, renderStorageOutageCard } from '../../src/bot/storage-outage-answer';
import { findCardProblems } from '../support/card-validator';
import { startRestartableAzurite, type RestartableAzurite } from './faults-support/dedicated-azurite';
import { invokeCard } from '../support/cards';

type Card = Record<string, unknown>;

interface ExecuteAction {
  type: string;
  title: string;
  verb: string;
  data: Record<string, unknown>;
}

function actionsOf(card: Card): ExecuteAction[] {
  return (card.actions ?? []) as ExecuteAction[];
}

describe('storage goes away while a person saves a card', () => {
  let azurite: RestartableAzurite;
  let store: Store;
  let connector: FakeConnector;
  let server: RunningApplication;
  let client: BotClient;

  const readiness = async (): Promise<{ status: number; body: unknown }> => {
    const response = await fetch(`${server.url}/readyz`);
    return { status: response.status, body: await response.json() };
  };
  const recommendation = async () => {
    const found = await store.records.getRecommendation('BUC', 'BUC-2.3');
    if (!found) throw new Error('no BUC-2.3');
    return found.value;
  };

  beforeAll(async () => {
    azurite = await startRestartableAzurite();
    const config = loadConfig({
      APP_MODE: 'local',
      LOG_LEVEL: 'silent',
      STORAGE_CONNECTION_STRING: azurite.connectionString,
      TABLE_PREFIX: 'outage',
    });
    if (!config.storage) throw new Error('no storage configured');
    // The store's own retry policy, as in production: the answer must come well inside Teams' 15 s.
    store = createStore(storeOptionsFor(config.storage, config.tablePrefix));
    await store.ensureTables();
    await seedDemoData(store);
    connector = await startFakeConnector();
    server = await startApplication(config, createLogger('silent'), {
      store,
      port: 0,
      now: () => new Date(`${demoToday}T10:00:00Z`),
      newId: () => randomUUID(),
      scheduler: false,
    });
    client = createBotClient(server.url, connector);
  }, 60_000);
  afterAll(async () => {
    await server.close();
    await connector.close();
    await azurite.dispose();
  });

  it('says what was not saved, keeps the values, stays up, and saves once storage is back', async () => {
    expect((await readiness()).status).toBe(200);
    const drawn = await recommendation();
    expect(drawn.status).toBe('open');
    const auditBefore = await store.records.listAudit('BUC', 'BUC-2');
    const progressBefore = await store.records.listProgress('BUC', 'BUC-2.3');
    const typed = {
      recommendationId: 'BUC-2.3',
      updatedAt: drawn.updatedAt,
      status: 'inProgress',
      rag: 'amber',
    };

    await azurite.stop();

    const outage = await client.sendInvoke('updateRecommendation', typed, demoPeople.sll);
    expect(outage.status).toBe(200);
    const card = invokeCard(outage);
    const text = visibleText(card);
    expect(text).toContain("Couldn't save your change");
    expect(text).toContain("I couldn't save your update to BUC-2.3");
    expect(text).toContain('Nothing was changed. Please try again in a few minutes');
    expect(text).not.toContain('something went wrong on our side');
    expect(text).toContain('In progress');
    expect(text).toContain('Amber');
    const [retry, ...others] = actionsOf(card);
    expect(others).toEqual([]);
    expect(retry).toMatchObject({ type: 'Action.Execute', title: 'Try again', verb: 'updateRecommendation' });
    expect(retry?.data).toEqual(typed);

    const help = await client.sendMessage('help', demoPeople.sll);
    expect(help.status).toBe(200);
    expect(help.cards).toHaveLength(1);

    const typedCommand = await client.sendMessage('show BUC-2', demoPeople.sll);
    expect(typedCommand.texts.join('\n')).toContain("couldn't reach our records store just now");

    const down = await readiness();
    expect(down.status).toBe(503);
    expect(down.body).toMatchObject({ status: 'not ready' });

    await azurite.start();

    expect(await readiness()).toEqual({ status: 200, body: { status: 'ready' } });
    // The transaction was never sent: the record, its audit trail and progress are as they were.
    expect(await recommendation()).toEqual(drawn);
    expect(await store.records.listAudit('BUC', 'BUC-2')).toEqual(auditBefore);
    expect(await store.records.listProgress('BUC', 'BUC-2.3')).toEqual(progressBefore);

    const again = await client.sendInvoke(retry?.verb ?? '', retry?.data ?? {}, demoPeople.sll);

    expect(visibleText(invokeCard(again))).toContain('Saved: BUC-2.3 updated.');
    expect(await recommendation()).toMatchObject({ status: 'inProgress', rag: 'amber' });
    expect((await store.records.listAudit('BUC', 'BUC-2')).length).toBeGreaterThan(auditBefore.length);
  });
});

describe('telling a storage outage from other failures', () => {
  const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:10002'), {
    name: 'RestError',
    code: 'ECONNREFUSED',
  });
  it.each([
    ['the store’s storage-unavailable error', { code: 'storage-unavailable', message: 'x' }, true],
    ['a refused connection', refused, true],
    ['a refused connection wrapped as the cause', new Error('read failed', { cause: refused }), true],
    [
      'an Azure RestError with no HTTP answer',
      Object.assign(new Error('socket hang up'), { name: 'RestError' }),
      true,
    ],
    [
      'HTTP 503 from the service',
      Object.assign(new Error('Server busy'), { name: 'RestError', statusCode: 503 }),
      true,
    ],
    [
      'HTTP 400 from the service',
      Object.assign(new Error('Bad request'), { name: 'RestError', statusCode: 400 }),
      false,
    ],
    ['a lost race', { code: 'conflict', message: 'changed' }, false],
    ['a bug', new TypeError('cannot read properties of undefined'), false],
  ])('%s: %s', (_story, error, expected) => {
    expect(isStorageOutage(error)).toBe(expected);
  });
});

describe('naming what was not saved', () => {
  const pressed = (verb: string, data: Record<string, unknown>) =>
    renderStorageOutageCard({
      type: 'invoke',
      name: 'adaptiveCard/action',
      value: { action: { type: 'Action.Execute', verb, data } },
    });

  it.each([
    [
      'addProgressNote',
      { recommendationId: 'BUC-1.1', text: 'Two audits done.' },
      'your progress note on BUC-1.1',
      'Two audits done.',
    ],
    [
      'reviseTargetDate',
      { recommendationId: 'BUC-2.1', date: '2027-02-26' },
      'the new target date for BUC-2.1',
      '2027-02-26',
    ],
    [
      'submitClosureRequest',
      { subjectId: 'BUC-1.1', validationNote: 'Dip-sampled.' },
      'your closure request for BUC-1.1',
      'Dip-sampled.',
    ],
    [
      'decideClosure',
      { requestId: 'r1', decision: 'reject', reason: 'No evidence.' },
      'your rejection of the closure request',
      'No evidence.',
    ],
  ])('%s: names it and shows what was typed', (verb, data, subject, typed) => {
    const card = pressed(verb, data);
    expect(findCardProblems(card)).toEqual([]);
    expect(visibleText(card)).toContain(`I couldn't save ${subject}`);
    expect(visibleText(card)).toContain(typed);
    expect(actionsOf(card)).toEqual([{ type: 'Action.Execute', title: 'Try again', verb, data }]);
  });

  it('says it could not reach the records, without claiming a save, for a button that only reads', () => {
    const card = pressed('listPage', { page: '2' });
    expect(visibleText(card)).toContain("I couldn't do that: our records store isn't answering");
    expect(visibleText(card)).not.toContain('save');
  });
});
