/**
 * `npm run bench:sweep`: how the reminder sweep's work grows. Builds 45 services × 40 causes of
 * concern × 4 recommendations in an in-memory Azurite, indexes them once, then sweeps with a
 * 7-day and a 30-day window and prints, for each: entities read (counted twice: by the sweep's
 * own tally and by the HTTP responses of Table Storage), digests sent and wall time.
 *
 * Due dates are spread evenly over the coming year, so a window of N days holds about N/365 of
 * the obligations: entities read should follow the window, not the 9,000 records kept.
 *
 * `npm run bench:sweep -- --year`: a year of mornings instead. Every service's channel is
 * registered, one sweep runs each day for 365 days (7-day window) while the ledger grows as in
 * production, and after each sweep the services act on what fell due (the SLO sends the update, the
 * SLL marks the evidence complete) through the change pipeline's outbox, as people do on the cards.
 * Prints the cost of the sweeps of the first and the last week: wall time, storage requests, and
 * entities read against the due rows plus one per channel posted to.
 */
import { randomUUID } from 'node:crypto';
import os from 'node:os';
import type { PipelineRequest, PipelineResponse, SendRequest } from '@azure/core-rest-pipeline';
import { registerIndexing } from '../src/app/follow-ups';
import { createAppContext, type AppContext } from '../src/app/shared/app-context';
import { commitWithFollowUps } from '../src/app/shared/outbox';
import { rebuildDueIndex } from '../src/app/reminders/due-index';
import { runReminderSweep } from '../src/app/reminders/reminder-sweep';
import { createNotifier } from '../src/bot/notifier';
import { RateLimitedSender } from '../src/bot/rate-limited-sender';
import { startAzurite } from '../src/dev/azurite';
import { addCalendarDays, addCalendarMonths } from '../src/domain/clock';
import type { CauseOfConcern, LocalDate, Recommendation } from '../src/domain/records';
import { createStore, type RecordChange, type Store } from '../src/store';

const services = 45;
const cocsPerService = 40;
const recommendationsPerCoc = 4;
const today: LocalDate = '2026-11-22';
const now = new Date(`${today}T07:30:00Z`);
const sll = '00000000-0000-0000-0000-00000000b511';

function serviceCode(index: number): string {
  const letters = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
  return `B${letters[Math.floor(index / 26)] ?? 'Z'}${letters[index % 26] ?? 'Z'}`;
}

/** Day offsets 0..364 spread evenly over all obligations. */
function spread(n: number): number {
  return (n * 7919) % 365;
}

function cocOf(code: string, number: number, n: number): CauseOfConcern {
  // Letter dated so the quarterly update falls `spread(n)` days from today.
  const letterDate = addCalendarMonths(addCalendarDays(today, spread(n)), -3);
  return {
    id: `${code}-${String(number)}`,
    serviceCode: code,
    title: `Benchmark cause of concern ${String(number)}`,
    finding: 'A finding written for the benchmark.',
    pillar: 'effectiveness',
    publicSafetyRisk: false,
    fieldworkEndDate: addCalendarDays(letterDate, -30),
    letterDate,
    actionPlanRule: { kind: 'workingDaysFromLetter', days: 28 },
    actionPlanReceivedDate: addCalendarDays(letterDate, 20),
    owners: { sll, cos: sll, hmi: sll },
    status: 'open',
    createdAt: `${letterDate}T10:00:00Z`,
    createdBy: sll,
    updatedAt: `${letterDate}T10:00:00Z`,
    updatedBy: sll,
  };
}

function recommendationOf(coc: CauseOfConcern, number: number, n: number): Recommendation {
  return {
    id: `${coc.id}.${String(number)}`,
    cocId: coc.id,
    serviceCode: coc.serviceCode,
    text: 'A recommendation written for the benchmark.',
    status: 'inProgress',
    originalTargetDate: addCalendarDays(today, spread(n)),
    targetDateRevisions: [],
    updatedAt: coc.createdAt,
    updatedBy: sll,
  };
}

async function build(store: Store): Promise<number> {
  let n = 0;
  let rows = 0;
  for (let s = 0; s < services; s += 1) {
    const code = serviceCode(s);
    await store.directory.upsertService({ code, name: `Benchmark service ${code}`, regionId: 'central' });
    const commits: Promise<unknown>[] = [];
    for (let c = 1; c <= cocsPerService; c += 1) {
      const coc = cocOf(code, c, (n += 1));
      const changes: RecordChange[] = [{ kind: 'create', entity: { type: 'coc', value: coc } }];
      for (let r = 1; r <= recommendationsPerCoc; r += 1) {
        changes.push({
          kind: 'create',
          entity: { type: 'recommendation', value: recommendationOf(coc, r, (n += 1)) },
        });
      }
      rows += changes.length;
      commits.push(store.records.commit(code, changes));
    }
    await Promise.all(commits);
  }
  await store.directory.upsertPerson({
    objectId: sll,
    tenantId: randomUUID(),
    name: 'Bench SLL',
    roles: ['sll'],
    serviceCodes: [],
  });
  return rows;
}

async function registerChannels(store: Store, suffix: string): Promise<void> {
  for (let s = 0; s < services; s += 1) {
    const code = serviceCode(s);
    await store.conversations.registerChannel({
      kind: 'channel',
      key: `19:${code}-${suffix}@thread.tacv2`,
      reference: {
        serviceUrl: 'http://127.0.0.1:1/',
        channelId: 'msteams',
        conversation: {
          id: `19:${code}-${suffix}@thread.tacv2`,
          isGroup: true,
          conversationType: 'channel',
          name: '',
        },
      },
      updatedAt: now.toISOString(),
      serviceCode: code,
      purpose: 'service',
    });
  }
}

/** Counts the entities Table Storage returns (and the requests), from the HTTP exchanges themselves. */
function countEntitiesRead(store: Store): { read: number; requests: number } {
  const counter = { read: 0, requests: 0 };
  for (const client of Object.values(store.tables)) {
    client.pipeline.addPolicy({
      name: 'count-entities-read',
      async sendRequest(request: PipelineRequest, next: SendRequest): Promise<PipelineResponse> {
        counter.requests += 1;
        const response = await next(request);
        if (request.method === 'GET' && response.status === 200 && response.bodyAsText) {
          const body = JSON.parse(response.bodyAsText) as { value?: unknown[] };
          counter.read += Array.isArray(body.value) ? body.value.length : 1;
        }
        return response;
      },
    });
  }
  return counter;
}

/** What the services do about what fell due on `date`: updates sent, evidence marked complete. */
async function actOnWhatFellDue(context: AppContext, date: LocalDate): Promise<number> {
  const { store } = context;
  const due = await store.dueIndex.listDueUpTo(date);
  const byRecord = new Map<string, typeof due>();
  for (const entry of due) byRecord.set(entry.recordId, [...(byRecord.get(entry.recordId) ?? []), entry]);
  const at = `${date}T12:00:00Z`;
  for (const [recordId, entries] of byRecord) {
    const serviceCode = entries[0]?.serviceCode ?? '';
    const found = await store.records.getCocWithRecommendations(serviceCode, recordId);
    if (!found) continue;
    const changes: RecordChange[] = [];
    for (const entry of entries.filter((e) => e.kind === 'targetDate')) {
      const recommendation = found.recommendations.find((r) => r.value.id === entry.subjectId);
      if (!recommendation) continue;
      changes.push({
        kind: 'update',
        entity: { type: 'recommendation', value: { ...recommendation.value, status: 'evidenceComplete' } },
        etag: recommendation.etag,
      });
    }
    if (entries.some((e) => e.kind !== 'targetDate')) {
      changes.push({
        kind: 'create',
        entity: {
          type: 'progress',
          value: {
            id: randomUUID(),
            subjectId: recordId,
            serviceCode,
            at,
            by: sll,
            text: 'The quarterly update, sent for the benchmark.',
            evidenceLinks: [],
            source: 'sloResponse',
          },
        },
      });
    }
    if (changes.length > 0) await commitWithFollowUps(context, serviceCode, changes);
  }
  await context.outbox.idle();
  return byRecord.size;
}

/** One sweep's cost. */
interface SweepCost {
  wallMs: number;
  requests: number;
  entitiesRead: number;
  dueRows: number;
  posted: number;
}

const average = (values: readonly number[]): number =>
  values.reduce((sum, value) => sum + value, 0) / Math.max(1, values.length);

/** 365 mornings with a sweep each, the services acting on what fell due after each. */
async function year(store: Store, counter: { read: number; requests: number }): Promise<void> {
  let day: LocalDate = today;
  const context = createAppContext(store, { now: () => new Date(`${day}T07:30:00Z`) });
  registerIndexing(context);
  await rebuildDueIndex(context);
  await registerChannels(store, 'year');
  const delivery = { post: () => Promise.resolve(`id-${randomUUID()}`), replace: () => Promise.resolve() };
  const costs: SweepCost[] = [];
  const started = Date.now();
  for (let d = 0; d < 365; d += 1) {
    day = addCalendarDays(today, d);
    counter.read = 0;
    counter.requests = 0;
    const sweepStarted = performance.now();
    const report = await runReminderSweep(context, delivery, { windowDays: 7, claimant: 'bench-year' });
    costs.push({
      wallMs: performance.now() - sweepStarted,
      requests: counter.requests,
      entitiesRead: counter.read,
      dueRows: report.dueEntries,
      posted: report.sent.length,
    });
    await actOnWhatFellDue(context, day);
    if ((d + 1) % 73 === 0) console.error(`[bench] day ${String(d + 1)} of 365 swept`);
  }
  const ledgerRows = (await store.reminderLedger.listDay(day)).length;
  const window = await store.dueIndex.listDueUpTo(addCalendarDays(day, 7));
  const byKind = new Map<string, number>();
  for (const entry of window) {
    const key = `${entry.kind}${entry.dueDate < day ? ' (overdue)' : ''}`;
    byKind.set(key, (byKind.get(key) ?? 0) + 1);
  }
  const worst = costs.reduce((a, b) =>
    b.entitiesRead - b.dueRows - b.posted > a.entitiesRead - a.dueRows - a.posted ? b : a,
  );
  const week = (from: number) => costs.slice(from, from + 7);
  const describeWeek = (name: string, sweeps: SweepCost[]) =>
    `${name} | ${average(sweeps.map((c) => c.wallMs)).toFixed(1)} ms | ` +
    `${average(sweeps.map((c) => c.requests)).toFixed(1)} | ${average(sweeps.map((c) => c.entitiesRead)).toFixed(1)} | ` +
    `${average(sweeps.map((c) => c.dueRows + c.posted)).toFixed(1)} | ${average(sweeps.map((c) => c.posted)).toFixed(1)}`;
  const first = week(0);
  const last = week(358);
  console.log(
    `\nmachine: ${os.cpus().length} cores (${os.cpus()[0]?.model ?? 'unknown'}), Node ${process.version}; ` +
      `365 sweeps in ${((Date.now() - started) / 1000).toFixed(0)} s (acting on the cards included)`,
  );
  console.log(
    'week | sweep wall time | storage requests | entities read | due rows + channels posted to | digests',
  );
  console.log(describeWeek('days 1-7', first));
  console.log(describeWeek('days 359-365', last));
  const ratio = average(last.map((c) => c.wallMs)) / average(first.map((c) => c.wallMs));
  // Besides the due rows and one ledger row per channel: the index's state row, and the channels'
  // registrations when their cache (5 seconds) has gone cold, as it has every morning in production.
  const withinBound = costs.every((c) => c.entitiesRead <= c.dueRows + c.posted + 1 + services);
  console.log(
    `day 365 against day 1: ${(ratio * 100).toFixed(0)}% of the wall time; ` +
      `entities read within due rows + one ledger row per channel posted to + the channels' registrations + the index's state row on every day: ${withinBound ? 'yes' : 'no'}; ` +
      `ledger rows read on the last day: ${String(ledgerRows)}`,
  );
  console.log(
    `most read beyond the due rows and one ledger row per digest, on one day: ${String(worst.entitiesRead - worst.dueRows - worst.posted)}; ` +
      `the last day's window by kind: ${[...byKind].map(([kind, count]) => `${kind} ${String(count)}`).join(', ')}`,
  );
}

async function main(): Promise<void> {
  const yearMode = process.argv.slice(2).includes('--year');
  const azurite = await startAzurite({ inMemory: true });
  try {
    const store = createStore({ connectionString: azurite.connectionString, tablePrefix: 'bench' });
    await store.ensureTables();
    const context = createAppContext(store, { now: () => now });
    const counter = countEntitiesRead(store);

    let started = Date.now();
    const rows = await build(store);
    console.log(
      `built ${String(rows)} records (${String(services)} services) in ${String(Date.now() - started)} ms`,
    );
    if (yearMode) {
      await year(store, counter);
      return;
    }

    started = Date.now();
    counter.read = 0;
    const cocs = await rebuildDueIndex(context);
    const indexRows = (await store.dueIndex.listDueUpTo('2099-12-31')).length;
    console.log(
      `one-off index build: ${String(cocs)} CoCs, ${String(indexRows)} index rows, ` +
        `${String(counter.read)} entities read, ${String(Date.now() - started)} ms`,
    );

    // A sender that paces like Teams (30 a second per app) over a connector that always accepts.
    const sender = new RateLimitedSender({
      send: () => Promise.resolve(`id-${randomUUID()}`),
      update: () => Promise.resolve(),
    });
    const delivery = createNotifier(sender);

    console.log(
      `\nmachine: ${os.cpus().length} cores (${os.cpus()[0]?.model ?? 'unknown'}), Node ${process.version}`,
    );
    console.log('window | due rows | entities read (sweep tally / HTTP) | digests sent | wall time');
    for (const windowDays of [7, 30]) {
      await registerChannels(store, `w${String(windowDays)}`);
      counter.read = 0;
      started = Date.now();
      const report = await runReminderSweep(context, delivery, {
        windowDays,
        claimant: `bench-${String(windowDays)}`,
      });
      const wall = Date.now() - started;
      console.log(
        `${String(windowDays).padStart(6)} | ${String(report.dueEntries).padStart(8)} | ` +
          `${String(report.entitiesRead)} / ${String(counter.read)} | ${String(report.sent.length)} | ${String(wall)} ms`,
      );
    }
  } finally {
    await azurite.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
