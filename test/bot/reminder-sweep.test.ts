import {
  addCalendarDays,
  formatLongDate,
  obligationsOf,
  toLondonDate,
  type ObligationInput,
} from '../../src/domain/clock';
import type { LocalDate } from '../../src/domain/records';
import { demoPeople } from '../../src/demo/people';
import { demoToday } from '../../src/demo/records';
import { useAppUnderTest, type AppUnderTest } from '../support/app-under-test';
import { visibleText } from '../support/bot-client';
import { findCardProblems } from '../support/card-validator';

const serviceChannel = '19:service-updates@thread.tacv2';
const inChannel = { conversationType: 'channel', mentionBot: true } as const;

const labels: Record<string, string> = {
  notification: 'Notification letter',
  actionPlan: 'Action plan from the service',
  quarterlyUpdate: 'Quarterly update from the SLO',
  engagement: 'Engagement with the service',
  revisit: 'Revisit',
  targetDate: 'Target date',
};

function phrase(days: number): string {
  if (days === 0) return 'due today';
  const count = `${String(Math.abs(days))} ${Math.abs(days) === 1 ? 'day' : 'days'}`;
  return days > 0 ? `${count} left` : `${count} late`;
}

interface ExpectedLine {
  cocId: string;
  line: string;
  daysUntilDue: number;
}

/** What BUC owes on `today`, worked out from the stored records with the domain's clock table. */
async function owedByBuc(app: AppUnderTest, today: LocalDate, windowDays = 7): Promise<ExpectedLine[]> {
  const { records } = app.store;
  const [cocs, progress, engagements] = await Promise.all([
    records.listCocsWithRecommendations('BUC'),
    records.listServiceProgress('BUC'),
    records.listEngagementRequests('BUC'),
  ]);
  const latest = (instants: string[]): LocalDate | undefined => {
    const last = [...instants].sort().at(-1);
    return last === undefined ? undefined : toLondonDate(last);
  };
  return cocs.flatMap(({ coc, recommendations }) => {
    const subjects = new Set([coc.value.id, ...recommendations.map((r) => r.value.id)]);
    const own = progress.filter((p) => subjects.has(p.subjectId));
    const asked = engagements.map((e) => e.value).filter((e) => e.cocId === coc.value.id);
    const input: ObligationInput = { coc: coc.value, recommendations: recommendations.map((r) => r.value) };
    const slo = latest([
      ...own.filter((p) => p.source === 'sloResponse').map((p) => p.at),
      ...asked.flatMap((e) => (e.answeredAt ? [e.answeredAt] : [])),
    ]);
    const contact = latest([...own.map((p) => p.at), ...asked.map((e) => e.requestedAt)]);
    const revisit = latest(own.filter((p) => p.source === 'revisitFinding').map((p) => p.at));
    if (slo) input.lastSloUpdateDate = slo;
    if (contact) input.lastEngagementDate = contact;
    if (revisit) input.lastRevisitFindingDate = revisit;
    return obligationsOf(input, today)
      .filter((o) => !o.met && o.daysUntilDue <= windowDays)
      .map((o) => ({
        cocId: coc.value.id,
        daysUntilDue: o.daysUntilDue,
        line:
          `${labels[o.kind] ?? o.kind}${o.kind === 'targetDate' ? ` of ${o.subjectId}` : ''}: ` +
          `${formatLongDate(o.dueDate)} · ${phrase(o.daysUntilDue)}`,
      }));
  });
}

function londonMorning(date: LocalDate): Date {
  return new Date(`${date}T10:00:00Z`);
}

describe('the daily reminder digest in a service channel', () => {
  const app = useAppUnderTest();

  /** Digest cards posted to the BUC channel since `from` (an index into connector.calls). */
  function digestsSince(from: number): Record<string, unknown>[] {
    return app.connector.calls
      .slice(from)
      .filter((call) => call.method === 'POST' && call.conversationId === serviceChannel)
      .flatMap((call) => (call.activity.attachments ?? []).map((a) => a.content as Record<string, unknown>))
      .filter((card) => visibleText(card).startsWith('Reminders for'));
  }

  async function sweepNow(): Promise<string> {
    const turn = await app.client.sendMessage('sweep now', demoPeople.admin);
    return turn.texts.join('\n');
  }

  beforeAll(async () => {
    await app.client.sendMessage('help', demoPeople.sll); // Sam's personal chat: his Teams id is kept
    const registered = await app.client.sendMessage('register service BUC', demoPeople.sll, inChannel);
    expect(registered.status).toBe(200);
    expect(await app.store.conversations.serviceChannel('BUC')).not.toBeNull();
  });

  it('refuses `sweep now` from someone who is not an administrator, saying why, and posts nothing', async () => {
    const before = app.connector.calls.length;

    const turn = await app.client.sendMessage('sweep now', demoPeople.sll);

    expect(turn.texts.join('\n')).toContain('Only an administrator can run the reminder sweep');
    expect(digestsSince(before)).toHaveLength(0);
    expect(await app.store.reminderLedger.listDay(demoToday)).toEqual([]);
  });

  it('posts one digest on 22 November 2026 holding exactly what BUC owes, owner mentioned', async () => {
    const expected = await owedByBuc(app, demoToday);
    expect(expected.length).toBeGreaterThan(0);
    expect(expected.some((item) => item.daysUntilDue < 0)).toBe(true); // the demo has overdue items
    const before = app.connector.calls.length;

    const answer = await sweepNow();

    expect(answer).toContain('1 digest posted');
    const digests = digestsSince(before);
    expect(digests).toHaveLength(1);
    const card = digests[0] ?? {};
    expect(findCardProblems(card)).toEqual([]);
    const text = visibleText(card);
    expect(text).toContain('Reminders for Buckinghamshire Fire and Rescue Service');
    expect(text).toContain('22 November 2026');
    const shownLines = text.split('\n').filter((line) => / · (\d+ days? (left|late)|due today)$/.test(line));
    expect(shownLines.sort()).toEqual(expected.map((item) => item.line).sort());
    for (const cocId of new Set(expected.map((item) => item.cocId))) {
      expect(text).toContain(`Open ${cocId}`);
    }
    expect(text).toContain('Owner: <at>Sam Patel</at>');
    const entities = (card.msteams as { entities: unknown[] }).entities;
    expect(entities).toEqual([
      {
        type: 'mention',
        text: '<at>Sam Patel</at>',
        mentioned: { id: `29:${demoPeople.sll.objectId}`, name: 'Sam Patel' },
      },
    ]);
    const [entry] = await app.store.reminderLedger.listDay(demoToday);
    expect(entry).toMatchObject({
      status: 'sent',
      serviceCode: 'BUC',
      channelKey: serviceChannel,
      attempts: 1,
    });
    expect(entry?.activityId).toMatch(/^reply-/);
  });

  it('sends nothing on a second sweep the same day', async () => {
    const before = app.connector.calls.length;

    const answer = await sweepNow();

    expect(digestsSince(before)).toHaveLength(0);
    expect(answer).toContain('already reminded today');
  });

  it('repeats overdue items a week later, but not the next day', async () => {
    const overdueOn22nd = (await owedByBuc(app, demoToday)).filter((item) => item.daysUntilDue < 0);
    const nextDay = addCalendarDays(demoToday, 1);
    app.setNow(londonMorning(nextDay));
    let before = app.connector.calls.length;

    await sweepNow();

    const nextDayText = digestsSince(before).map(visibleText).join('\n');
    expect(nextDayText).not.toMatch(/days? late/);

    const weekLater = addCalendarDays(demoToday, 7);
    app.setNow(londonMorning(weekLater));
    before = app.connector.calls.length;

    await sweepNow();

    const weekLaterText = digestsSince(before).map(visibleText).join('\n');
    const expectedAgain = (await owedByBuc(app, weekLater)).filter((item) =>
      overdueOn22nd.some(
        (old) => old.line.split(':')[0] === item.line.split(':')[0] && old.cocId === item.cocId,
      ),
    );
    expect(expectedAgain.length).toBeGreaterThan(0);
    for (const item of expectedAgain) expect(weekLaterText).toContain(item.line);
  });

  it('sends each reminder once when two sweeps start at the same moment', async () => {
    const day = addCalendarDays(demoToday, 8);
    app.setNow(londonMorning(day));
    const before = app.connector.calls.length;

    const answers = await Promise.all([
      app.client.sendMessage('sweep now', demoPeople.admin),
      app.client.sendMessage('sweep now', demoPeople.admin),
    ]);

    expect(digestsSince(before)).toHaveLength(1);
    expect(answers.every((turn) => turn.status === 200)).toBe(true);
    const day8 = await app.store.reminderLedger.listDay(day);
    expect(day8).toHaveLength(1);
    expect(day8[0]).toMatchObject({ status: 'sent', attempts: 1 });
  });

  it('retries, once, a digest whose sender died between claim and send', async () => {
    const day = addCalendarDays(demoToday, 20);
    // A claim made at 07:30 by an instance that then stopped: no outcome recorded.
    const claim = await app.store.reminderLedger.claim({
      date: day,
      channelKey: serviceChannel,
      serviceCode: 'BUC',
      claimant: 'instance-that-died',
      now: new Date(`${day}T07:30:00Z`),
      itemKeys: [],
      staleAfterMs: 10 * 60 * 1000,
    });
    expect(claim.claimed).toBe(true);
    app.setNow(londonMorning(day));
    let before = app.connector.calls.length;

    await sweepNow();

    expect(digestsSince(before)).toHaveLength(1);
    expect(await app.store.reminderLedger.get(day, serviceChannel)).toMatchObject({
      status: 'sent',
      attempts: 2,
    });

    before = app.connector.calls.length;
    await sweepNow();
    expect(digestsSince(before)).toHaveLength(0);
  });

  it('loses nothing when Teams answers 429 (with and without Retry-After) and 500', async () => {
    const day = addCalendarDays(demoToday, 30);
    app.setNow(londonMorning(day));
    app.connector.enforceLimits();
    app.connector.failNext(1, { status: 429 });
    app.connector.failNext(1, { status: 429, retryAfterSeconds: 1 });
    app.connector.failNext(2, { status: 500 });
    const refusedBefore = app.connector.refused.length;
    const before = app.connector.calls.length;

    await sweepNow();

    expect(app.connector.refused.length - refusedBefore).toBe(4);
    expect(digestsSince(before)).toHaveLength(1);
    expect(await app.store.reminderLedger.get(day, serviceChannel)).toMatchObject({ status: 'sent' });
  }, 30_000);
});
