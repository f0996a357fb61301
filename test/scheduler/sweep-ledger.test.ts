import { runReminderSweep, type ReminderMessage } from '../../src/app/reminders/reminder-sweep';
import { runScheduledOnce } from '../../src/app/reminders/run-scheduled';
import type { Notifier } from '../../src/app/shared/notifier';
import { createNotifier } from '../../src/bot/notifier';
import { createProactiveSender } from '../../src/bot/proactive';
import {
  RateLimitedSender,
  teamsSenderSettings,
  rateLimitedSenderFor,
} from '../../src/bot/rate-limited-sender';
import { demoPeople } from '../../src/demo/people';
import { useAppUnderTest } from '../support/app-under-test';

const serviceChannel = '19:service-updates@thread.tacv2';

describe('the ledger and the lease, below the chat command', () => {
  const app = useAppUnderTest();
  let delivery: Notifier<ReminderMessage>;
  let impatient: Notifier<ReminderMessage>;

  function postsToChannel(from: number): number {
    return app.connector.calls.slice(from).filter((call) => call.conversationId === serviceChannel).length;
  }

  beforeAll(async () => {
    await app.client.sendMessage('register service BUC', demoPeople.sll, {
      conversationType: 'channel',
      mentionBot: true,
    });
    const proactive = createProactiveSender(app.server.bot.adapter, undefined);
    delivery = createNotifier(rateLimitedSenderFor(proactive));
    // Gives up quickly, so a test can watch a send fail for good.
    const quick = new RateLimitedSender(proactive, {
      ...teamsSenderSettings,
      maxAttempts: 2,
      baseDelayMs: 1,
      maxDelayMs: 5,
    });
    impatient = createNotifier(quick);
  });

  it('sends once when two sweeps run at once even without the lease (the ledger claim decides)', async () => {
    const before = app.connector.calls.length;

    const reports = await Promise.all([
      runReminderSweep(app.appContext, delivery, { windowDays: 7, claimant: 'a' }),
      runReminderSweep(app.appContext, delivery, { windowDays: 7, claimant: 'b' }),
    ]);

    expect(postsToChannel(before)).toBe(1);
    expect(reports.flatMap((r) => r.sent)).toHaveLength(1);
    const [skipped] = reports.flatMap((r) => r.skipped);
    expect(['claimed-by-another', 'already-sent']).toContain(skipped?.why); // depends on who got there first
  });

  it('lets only one of two runs take the lease; the other is told who holds it', async () => {
    app.setNow(new Date('2026-11-23T10:00:00Z'));

    const outcomes = await Promise.all([
      runScheduledOnce({ context: app.appContext, notifier: delivery, windowDays: 7 }),
      runScheduledOnce({ context: app.appContext, notifier: delivery, windowDays: 7 }),
    ]);

    const refused = outcomes.filter((o) => !o.ran);
    expect(outcomes.filter((o) => o.ran)).toHaveLength(1);
    expect(refused).toHaveLength(1);
    const loser = refused[0];
    expect(loser?.ran === false ? loser.heldBy : '').toMatch(/^instance-/);
  });

  it('records a send that still fails after the retries, with the reason, and the next sweep sends it', async () => {
    const day = '2026-12-20';
    app.setNow(new Date(`${day}T10:00:00Z`));
    app.connector.failNext(50, { status: 500 });

    const failed = await runReminderSweep(app.appContext, impatient, { windowDays: 7, claimant: 'c' });

    expect(failed.sent).toHaveLength(0);
    expect(failed.failed.map((f) => f.serviceCode)).toEqual(['BUC']);
    expect(failed.failed[0]?.reason).toContain('HTTP 500');
    const recorded = await app.store.reminderLedger.get(day, serviceChannel);
    expect(recorded?.status).toBe('failed');
    expect(recorded?.reason).toContain('Teams did not accept the message after 2 attempts');

    app.connector.clearFailures(); // Teams is back
    const before = app.connector.calls.length;
    const retried = await runReminderSweep(app.appContext, delivery, { windowDays: 7, claimant: 'd' });

    expect(retried.sent).toHaveLength(1);
    expect(postsToChannel(before)).toBe(1);
    expect(await app.store.reminderLedger.get(day, serviceChannel)).toMatchObject({
      status: 'sent',
      attempts: 2,
    });
  });
});
