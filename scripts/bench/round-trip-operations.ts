/**
 * Counts the storage round trips of the operations people do most, one at a time, against the
 * real application started in this process on the given tables (demo data seeded):
 *
 * - show a CoC (`show BUC-1` typed by the SLL),
 * - update a recommendation (a progress note on BUC-1.1 from the CoC card),
 * - approve a closure step (the Chief of Staff's Approve on a waiting request),
 * - the reminder sweep with one service's channel registered.
 *
 * Every person has talked to the bot once before (their conversation reference is stored), as in
 * steady use. For a card action, requests are split into those made before the answer (the person
 * waits for them) and those made after it (notifications sent in the background).
 */
import { randomUUID } from 'node:crypto';
import { createAppContext } from '../../src/app/shared/app-context';
import { rebuildDueIndex } from '../../src/app/reminders/due-index';
import { runReminderSweep } from '../../src/app/reminders/reminder-sweep';
import { loadConfig } from '../../src/config';
import { demoPeople } from '../../src/demo/people';
import { demoToday } from '../../src/demo/records';
import { startApplication } from '../../src/main';
import { createLogger } from '../../src/server';
import { createStore, type StoreOptions } from '../../src/store';
import { invokeActivity, messageActivity, post } from './activities';
import type { PendingClosure } from './bench-data';
import { countRoundTrips, type RoundTripCounter } from './round-trips';

/** Round trips of one operation. */
export interface OperationCount {
  operation: string;
  /** Before the person gets their answer (the whole operation for the sweep). */
  beforeAnswer: number;
  /** Including the work done after the answer (notifications). */
  total: number;
  byTable: Record<string, number>;
}

/** Waits until no request has gone out for `quietMs` (the background work is done). */
async function settled(counter: RoundTripCounter, quietMs = 400): Promise<void> {
  let last = -1;
  while (counter.total !== last) {
    last = counter.total;
    await new Promise((resolve) => setTimeout(resolve, quietMs));
  }
}

function expectOk(what: string, status: number, body: unknown, contains: string): void {
  const text = JSON.stringify(body ?? '');
  if (status !== 200 || (contains !== '' && !text.includes(contains))) {
    throw new Error(`${what} did not work (${String(status)}): ${text.slice(0, 300)}`);
  }
}

/** Counts the round trips of each operation; `closure` must be waiting for the demo Chief of Staff. */
export async function countOperations(
  storeOptions: StoreOptions,
  serviceUrl: string,
  closure: PendingClosure,
): Promise<OperationCount[]> {
  const store = createStore(storeOptions);
  const counter = countRoundTrips(store.tables);
  const now = new Date(`${demoToday}T10:00:00Z`);
  const config = loadConfig({ APP_MODE: 'local', LOG_LEVEL: 'silent', REMINDER_SWEEP_TIME: 'off' });
  const app = await startApplication(config, createLogger('silent'), {
    store,
    port: 0,
    now: () => new Date(now),
    newId: () => randomUUID(),
    scheduler: false,
  });
  const counts: OperationCount[] = [];
  // The answer has gone when the server lets the outbox start (its afterTurn hook): count there, so
  // work done after the answer is never counted before it, however fast the client reads.
  const { outbox } = app.appContext ?? {};
  if (!outbox) throw new Error('the application has no storage');
  let atAnswer: number | undefined;
  const flush = outbox.flush.bind(outbox);
  outbox.flush = () => {
    atAnswer ??= counter.total;
    flush();
  };
  const measure = async (
    operation: string,
    run: () => Promise<void>,
    options: { background: boolean },
  ): Promise<void> => {
    await settled(counter);
    counter.reset();
    atAnswer = undefined;
    if (process.env.BENCH_TRACE_REQUESTS) console.error(`--- ${operation}`);
    await run();
    const beforeAnswer = Math.min(atAnswer ?? counter.total, counter.total);
    if (process.env.BENCH_TRACE_REQUESTS) console.error('--- answered');
    if (options.background) await settled(counter);
    counts.push({ operation, beforeAnswer, total: counter.total, byTable: { ...counter.byTable } });
  };
  const send = (activity: Record<string, unknown>) => post(app.url, activity);
  // Steady use: the due index is built (every change then re-indexes only its own records).
  const context = createAppContext(store, { now: () => new Date(now) });
  await rebuildDueIndex(context);
  try {
    // Steady use: everyone has a conversation with the bot already.
    for (const person of [demoPeople.sll, demoPeople.cos, demoPeople.hmi]) {
      const turn = await send(messageActivity(serviceUrl, person, 'help'));
      expectOk('help', turn.status, turn.body, '');
    }

    await measure(
      'Show a CoC, cold cache (show BUC-1)',
      async () => {
        const turn = await send(messageActivity(serviceUrl, demoPeople.sll, 'show BUC-1'));
        expectOk('show BUC-1', turn.status, turn.body, '');
      },
      { background: true },
    );

    await measure(
      'Show a CoC, warm cache (show BUC-1)',
      async () => {
        const turn = await send(messageActivity(serviceUrl, demoPeople.sll, 'show BUC-1'));
        expectOk('show BUC-1', turn.status, turn.body, '');
      },
      { background: true },
    );

    await measure(
      'Update a recommendation (progress note on BUC-1.1)',
      async () => {
        const turn = await send(
          invokeActivity(serviceUrl, demoPeople.sll, 'addProgressNote', {
            recommendationId: 'BUC-1.1',
            text: 'Audits of the top 100 premises done; counting round trips.',
            link1: 'https://bucks-fire.example/audits.pdf',
          }),
        );
        expectOk('the progress note', turn.status, turn.body, 'Saved: progress note added');
      },
      { background: true },
    );

    await measure(
      'Approve a closure step (Chief of Staff)',
      async () => {
        const turn = await send(
          invokeActivity(serviceUrl, demoPeople.cos, 'decideClosure', {
            ...closure,
            step: 'cos',
            decision: 'approve',
          }),
        );
        expectOk('the approval', turn.status, turn.body, 'Approved:');
      },
      { background: true },
    );

    // The sweep reads the due index (built before anything was measured); register one channel.
    await store.conversations.registerChannel({
      kind: 'channel',
      key: '19:bench-buc@thread.tacv2',
      reference: {
        serviceUrl,
        channelId: 'msteams',
        conversation: {
          id: '19:bench-buc@thread.tacv2',
          isGroup: true,
          conversationType: 'channel',
          name: '',
        },
      },
      updatedAt: now.toISOString(),
      serviceCode: 'BUC',
      purpose: 'service',
    });
    let sent = 0;
    await measure(
      'Reminder sweep (one service with a channel)',
      async () => {
        const report = await runReminderSweep(
          context,
          { post: () => Promise.resolve(`digest-${String((sent += 1))}`), replace: () => Promise.resolve() },
          { windowDays: config.reminders.windowDays, claimant: 'bench' },
        );
        if (report.sent.length !== 1) {
          throw new Error(`the sweep sent ${String(report.sent.length)} digests, not 1`);
        }
      },
      { background: false },
    );
  } finally {
    await app.close();
  }
  return counts;
}
