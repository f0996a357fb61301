import { Writable } from 'node:stream';
import { sweepLeaseName } from '../../src/app/reminders/run-scheduled';
import { createNotifier } from '../../src/bot/notifier';
import { demoPeople } from '../../src/demo/people';
import { demoToday } from '../../src/demo/records';
import { seedDemoData } from '../../src/demo/seed';
import { startScheduler } from '../../src/scheduler';
import { createLogger } from '../../src/server';
import type { LedgerEntry, Store } from '../../src/store';
import { startAppUnderTest } from '../support/app-under-test';
import { createBotClient, startFakeConnector, visibleText, type FakeConnector } from '../support/bot-client';
import { aFreshStore, testConnectionString, uniqueTablePrefix } from '../support/storage';
import { waitUntil } from '../support/wait-for';
import { startBotProcess, type BotProcess } from './faults-support/bot-process';
import { startGatedConnector, type GatedConnector } from './faults-support/gated-connector';
import { channelOf, registerServiceChannel } from './faults-support/service-channels';

const morning = new Date(`${demoToday}T10:00:00Z`);
/** The restart comes after the dead process's lease (15 minutes) and its claim (10 minutes) ran out. */
const afterTheLease = new Date(morning.getTime() + 20 * 60 * 1000);

/**
 * One story: a bot process sweeps, is SIGKILLed while the second digest is in flight, and a new
 * process sweeps again. Returns the digests Teams took per channel and the ledger afterwards.
 */
async function killMidSweepAndRestart(deliverHeld: boolean) {
  const tablePrefix = uniqueTablePrefix();
  const connectionString = testConnectionString();
  const store: Store = await aFreshStore({ connectionString, tablePrefix });
  await seedDemoData(store);
  const fake: FakeConnector = await startFakeConnector();
  const gate: GatedConnector = await startGatedConnector(fake, { holdDigest: 2, deliverHeld });
  const processes: BotProcess[] = [];
  try {
    const first = await startBotProcess({ connectionString, tablePrefix, clockStart: morning });
    processes.push(first);
    const firstClient = createBotClient(first.url, { ...fake, serviceUrl: gate.serviceUrl });
    await firstClient.sendMessage('help', demoPeople.admin);
    const serviceCodes = [...new Set((await store.records.listCocs()).map((coc) => coc.value.serviceCode))];
    for (const code of serviceCodes) await registerServiceChannel(firstClient, code);

    const interrupted = firstClient.sendMessage('sweep now', demoPeople.admin).then(
      () => 'answered',
      () => 'cut off',
    );
    const heldChannel = await gate.held;
    await first.kill();
    expect(await interrupted).toBe('cut off');
    const atKill = await store.reminderLedger.listDay(demoToday);

    const second = await startBotProcess({ connectionString, tablePrefix, clockStart: afterTheLease });
    processes.push(second);
    const secondClient = createBotClient(second.url, { ...fake, serviceUrl: gate.serviceUrl });
    const answer = (await secondClient.sendMessage('sweep now', demoPeople.admin)).texts.join('\n');

    const digestsPerChannel = new Map(
      serviceCodes.map((code) => [
        channelOf(code),
        fake.calls.filter(
          (call) =>
            call.method === 'POST' &&
            call.conversationId === channelOf(code) &&
            visibleText(call.activity.attachments?.[0]?.content).startsWith('Reminders for'),
        ).length,
      ]),
    );
    return {
      heldChannel,
      atKill,
      answer,
      digestsPerChannel,
      ledger: await store.reminderLedger.listDay(demoToday),
    };
  } finally {
    for (const child of processes) await child.kill();
    await gate.close();
    await fake.close();
  }
}

const statuses = (entries: LedgerEntry[]) =>
  Object.fromEntries(entries.map((entry) => [entry.channelKey, entry.status]));

describe('the bot process killed in the middle of a reminder sweep', () => {
  it('loses and doubles nothing when it dies before Teams took the digest in flight', async () => {
    const outcome = await killMidSweepAndRestart(false);

    // At the kill: the first digest sent and marked, the second claimed, nothing else begun.
    expect(Object.values(statuses(outcome.atKill)).sort()).toEqual(['claimed', 'sent']);
    expect(statuses(outcome.atKill)[outcome.heldChannel]).toBe('claimed');
    expect(outcome.answer).toMatch(/Reminder sweep done: \d+ digests? posted/);
    expect(outcome.answer).not.toContain('Could not post');
    const due = outcome.ledger.map((entry) => entry.channelKey);
    expect(due.length).toBeGreaterThanOrEqual(3);
    expect(outcome.ledger.every((entry) => entry.status === 'sent')).toBe(true);
    for (const [channel, count] of outcome.digestsPerChannel) {
      expect([channel, count]).toEqual([channel, due.includes(channel) ? 1 : 0]);
    }
    expect(outcome.ledger.find((entry) => entry.channelKey === outcome.heldChannel)?.attempts).toBe(2);
  }, 120_000);

  it('sends at most the one digest in flight twice when it dies after Teams took it but before marking it sent', async () => {
    const outcome = await killMidSweepAndRestart(true);

    expect(statuses(outcome.atKill)[outcome.heldChannel]).toBe('claimed');
    expect(outcome.ledger.every((entry) => entry.status === 'sent')).toBe(true);
    const due = outcome.ledger.map((entry) => entry.channelKey);
    for (const [channel, count] of outcome.digestsPerChannel) {
      const expected = channel === outcome.heldChannel ? 2 : due.includes(channel) ? 1 : 0;
      expect([channel, count]).toEqual([channel, expected]);
    }
  }, 120_000);
});

describe('a restarted bot whose scheduler finds the dead process’s lease still held', () => {
  it('finishes the day’s sweep by itself once that lease runs out, each digest once', async () => {
    const app = await startAppUnderTest();
    const lines: string[] = [];
    const log = new Writable({
      write(chunk: Buffer, _encoding, done) {
        lines.push(
          ...chunk
            .toString()
            .split('\n')
            .filter((line) => line !== ''),
        );
        done();
      },
    });
    const outcomes = () =>
      lines
        .map((line) => JSON.parse(line) as { msg?: string; ran?: boolean })
        .filter((line) => line.msg === 'scheduled run finished');
    let scheduler: ReturnType<typeof startScheduler> | undefined;
    try {
      await app.client.sendMessage('help', demoPeople.admin);
      const serviceCodes = [...new Set((await app.store.records.listCocs()).map((c) => c.value.serviceCode))];
      for (const code of serviceCodes) await registerServiceChannel(app.client, code);
      // The killed process took the lease just now and will never give it back.
      const dead = await app.store.leases.acquire(sweepLeaseName, 'instance-killed/run', morning, 300);
      expect(dead.taken).toBe(true);

      scheduler = startScheduler({
        context: app.appContext,
        notifier: createNotifier(app.server.bot.proactive),
        windowDays: 7,
        sweepTime: '07:30',
        logger: createLogger('info', log),
        catchUpDelayMs: 0,
      });
      await waitUntil('the catch-up run to find the lease held', () =>
        outcomes().some((o) => o.ran === false),
      );
      expect(await app.store.reminderLedger.listDay(demoToday)).toEqual([]);
      app.setNow(new Date(morning.getTime() + 60_000)); // the dead lease has run out

      await waitUntil('a run that swept', () => outcomes().some((o) => o.ran === true));
      const ledger = await app.store.reminderLedger.listDay(demoToday);
      expect(ledger.length).toBeGreaterThanOrEqual(3);
      expect(ledger.every((entry) => entry.status === 'sent')).toBe(true);
      for (const entry of ledger) {
        const digests = app.connector.calls.filter(
          (call) =>
            call.method === 'POST' &&
            call.conversationId === entry.channelKey &&
            visibleText(call.activity.attachments?.[0]?.content).startsWith('Reminders for'),
        );
        expect([entry.channelKey, digests.length]).toEqual([entry.channelKey, 1]);
      }
    } finally {
      await scheduler?.stop();
      await app.close();
    }
  }, 180_000); // two waits of up to a minute each (support/wait-for), and the start-up
});
