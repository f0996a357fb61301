import { createProactiveSender } from '../../src/bot';
import { boardSummaryJob } from '../../src/app/boards/board-summary';
import type { ScheduledJob } from '../../src/app/shared/scheduled-job';
import { createNotifier } from '../../src/bot/notifier';
import { daysBetween } from '../../src/domain/clock';
import type { Recommendation } from '../../src/domain/records';
import { extraDemoPeople } from '../../src/demo/extra-people';
import { demoPeople } from '../../src/demo/people';
import { useAppUnderTest } from '../support/app-under-test';
import { sendInChannel, visibleText, type TestUser, type TurnResult } from '../support/bot-client';
import { findCardProblems } from '../support/card-validator';

const boardA = '19:bucks-board@thread.tacv2';
const boardB = '19:bucks-fra-members@thread.tacv2';
const sll = demoPeople.sll;

/** The card with each Teams chart replaced by its fallback, as a renderer without charts shows it. */
function withChartFallbacks(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(withChartFallbacks);
  if (typeof node !== 'object' || node === null) return node;
  const value = node as Record<string, unknown>;
  if (typeof value.type === 'string' && value.type.startsWith('Chart.'))
    return withChartFallbacks(value.fallback);
  return Object.fromEntries(Object.entries(value).map(([key, child]) => [key, withChartFallbacks(child)]));
}

/** Checks a board card: valid 1.5 once charts fall back; the charts are the only unknown elements. */
function checkedBoardCard(card: unknown): Record<string, unknown> {
  expect(findCardProblems(withChartFallbacks(card))).toEqual([]);
  expect(findCardProblems(card)).toEqual([
    'Unknown element type "Chart.Donut". Fallback will be used if present.',
    'Unknown element type "Chart.Donut". Fallback will be used if present.',
  ]);
  return card as Record<string, unknown>;
}

function checked(card: unknown): Record<string, unknown> {
  expect(findCardProblems(card)).toEqual([]);
  return card as Record<string, unknown>;
}

/** The value of the first fact with this title. */
function fact(card: unknown, title: string): string | undefined {
  let found: string | undefined;
  const walk = (node: unknown): void => {
    if (found !== undefined) return;
    if (Array.isArray(node)) node.forEach(walk);
    else if (typeof node === 'object' && node !== null) {
      const value = node as Record<string, unknown>;
      if (value.title === title && typeof value.value === 'string') found = value.value;
      else Object.values(value).forEach(walk);
    }
  };
  walk(card);
  return found;
}

/** The headings of the open-recommendation blocks, in order. */
function openHeadings(card: unknown): string[] {
  return visibleText(card)
    .split('\n')
    .filter((line) => /^BUC-\d+\.\d+ · /.test(line));
}

function targetOf(r: Recommendation): string | undefined {
  return r.targetDateRevisions.at(-1)?.date ?? r.originalTargetDate;
}

describe('improvement board channels and their summaries', () => {
  const app = useAppUnderTest();
  let makeJob: () => ScheduledJob;

  beforeAll(() => {
    const notifier = createNotifier(createProactiveSender(app.server.bot.adapter, undefined));
    makeJob = () => boardSummaryJob(app.appContext, notifier, () => undefined);
  });

  /** A message @mentioning the bot in a board channel of the team. */
  const sendInBoardChannel = (channelId: string, text: string, from: TestUser): Promise<TurnResult> =>
    sendInChannel(app.client, channelId, 'Bucks board', text, from);

  const postsTo = (channelId: string, from: number) =>
    app.connector.calls
      .slice(from)
      .filter((call) => call.conversationId === channelId && call.method === 'POST');

  it('refuses a Service Liaison Officer registering a board channel', async () => {
    const turn = await sendInBoardChannel(boardA, 'register board BUC', extraDemoPeople.sloBuckinghamshire);

    expect(visibleText(checked(turn.cards[0]))).toContain('as a Service Liaison Officer');
    expect(await app.store.conversations.boardChannels('BUC')).toEqual([]);
  });

  it('registers any number of board channels for a service, each monthly by default', async () => {
    const first = await sendInBoardChannel(boardA, 'register board BUC', sll);
    const second = await sendInBoardChannel(boardB, 'register board BUC', sll);

    expect(visibleText(checked(first.cards[0]))).toContain(
      'This channel is now an improvement board channel for Buckinghamshire Fire and Rescue Service (BUC).',
    );
    expect(visibleText(checked(second.cards[0]))).toContain('on the 1st of each month');
    const boards = await app.store.conversations.boardChannels('BUC');
    expect(boards.map((b) => [b.key, b.summarySchedule, b.lastSummaryAt]).sort()).toEqual(
      [
        [boardB, 'monthly', '2026-11-22T10:00:00.000Z'],
        [boardA, 'monthly', '2026-11-22T10:00:00.000Z'],
      ].sort(),
    );
    const audit = await app.store.records.listAudit('BUC', 'BUC');
    expect(audit.filter((e) => e.action === 'service.board-channel-registered')).toHaveLength(2);
    // A board channel is not the service channel.
    expect(await app.store.conversations.serviceChannel('BUC')).toBeNull();
  });

  it('sets a board channel to weekly, for the service’s SLL only', async () => {
    const refused = await sendInBoardChannel(boardB, 'summary schedule weekly', extraDemoPeople.sllSouth);
    expect(visibleText(checked(refused.cards[0]))).toContain(
      'you are not the Service Liaison Lead for Buckinghamshire',
    );

    const turn = await sendInBoardChannel(boardB, 'summary schedule weekly', sll);

    expect(visibleText(checked(turn.cards[0]))).toContain(
      'Board summaries for BUC are posted here every Monday.',
    );
    const boards = await app.store.conversations.boardChannels('BUC');
    expect(boards.find((b) => b.key === boardB)?.summarySchedule).toBe('weekly');
    expect(boards.find((b) => b.key === boardA)?.summarySchedule).toBe('monthly');
  });

  it('shows `summary BUC` with counts worked out from the stored recommendations, overdue first', async () => {
    const cocs = await app.store.records.listCocsWithRecommendations('BUC');
    const all = cocs.flatMap((c) => c.recommendations.map((r) => r.value));
    const open = all.filter((r) => r.status !== 'closed');
    const count = (list: Recommendation[], test: (r: Recommendation) => boolean) =>
      String(list.filter(test).length);

    const turn = await app.client.sendMessage('summary BUC', sll);

    const card = checkedBoardCard(turn.cards[0]);
    expect(fact(card, 'In progress')).toBe(count(all, (r) => r.status === 'inProgress'));
    expect(fact(card, 'Open')).toBe(count(all, (r) => r.status === 'open'));
    expect(fact(card, 'Signed off (closed)')).toBe(count(all, (r) => r.status === 'closed'));
    expect(fact(card, 'Open and Red')).toBe(count(open, (r) => r.rag === 'red'));
    expect(fact(card, 'Open and Amber')).toBe(count(open, (r) => r.rag === 'amber'));
    expect(fact(card, 'Open and Green')).toBe(count(open, (r) => r.rag === 'green'));
    expect(Number(fact(card, 'Open and Red'))).toBeGreaterThan(0);

    const today = '2026-11-22';
    const overdue = open
      .filter((r) => {
        const target = targetOf(r);
        return (
          target !== undefined &&
          (r.status === 'open' || r.status === 'inProgress') &&
          daysBetween(today, target) < 0
        );
      })
      .map((r) => r.id);
    expect(overdue.length).toBeGreaterThan(0);
    const headings = openHeadings(card);
    expect(headings).toHaveLength(open.length);
    expect(headings.slice(0, overdue.length).every((h) => h.endsWith('· Overdue'))).toBe(true);
    expect(
      headings
        .slice(0, overdue.length)
        .map((h) => h.split(' ')[0])
        .sort(),
    ).toEqual([...overdue].sort());
    expect(headings.slice(overdue.length).some((h) => h.endsWith('· Overdue'))).toBe(false);
  });

  it('refuses `summary` of a service outside what a Service Liaison Officer may see', async () => {
    const turn = await app.client.sendMessage('summary HWF', extraDemoPeople.sloBuckinghamshire);

    expect(visibleText(checked(turn.cards[0]))).toContain(
      "You can't see this report: you are not a Service Liaison Officer for Hereford & Worcester Fire and Rescue Service.",
    );
  });

  it('posts each board’s scheduled summary once per period, with what changed since the last one', async () => {
    const job = makeJob();

    app.setNow(new Date('2026-11-22T23:00:00Z'));
    const sunday = app.connector.calls.length;
    await job.run(new Date('2026-11-22T23:00:00Z'));
    expect(postsTo(boardA, sunday)).toHaveLength(0);
    expect(postsTo(boardB, sunday)).toHaveLength(0);

    // Monday: the weekly board gets its summary, once however often the job runs.
    app.setNow(new Date('2026-11-23T07:00:00Z'));
    const monday = app.connector.calls.length;
    await job.run(new Date('2026-11-23T07:00:00Z'));
    await job.run(new Date('2026-11-23T09:00:00Z'));
    expect(postsTo(boardA, monday)).toHaveLength(0);
    expect(postsTo(boardB, monday)).toHaveLength(1);
    const weekly = checkedBoardCard(postsTo(boardB, monday)[0]?.activity.attachments?.[0]?.content);
    expect(visibleText(weekly)).toContain('Nothing has changed since 22 November 2026.');

    // A change during the week shows up in the next summaries.
    app.setNow(new Date('2026-11-25T11:00:00Z'));
    await app.client.sendMessage('status BUC-2.2 red Crew shortage at Aylesbury', sll);

    app.setNow(new Date('2026-12-01T06:00:00Z'));
    const first = app.connector.calls.length;
    await job.run(new Date('2026-12-01T06:00:00Z'));
    await job.run(new Date('2026-12-01T06:30:00Z'));
    const monthly = postsTo(boardA, first);
    expect(monthly).toHaveLength(1);
    expect(postsTo(boardB, first)).toHaveLength(1); // a new week began on Monday 30 November
    const text = visibleText(checkedBoardCard(monthly[0]?.activity.attachments?.[0]?.content));
    expect(text).toContain('Since 22 November 2026:');
    expect(text).toMatch(
      /BUC-2\.2 is now .*, Red \(changed 25 November 2026\); update: Crew shortage at Aylesbury/,
    );
    const boards = await app.store.conversations.boardChannels('BUC');
    expect(boards.find((b) => b.key === boardA)?.lastSummaryAt).toBe('2026-12-01T06:00:00.000Z');
    app.setNow(new Date('2026-11-22T10:00:00Z'));
  });

  it('tries again on the next run when posting failed', async () => {
    const job = makeJob();
    const lastOfB = async () =>
      (await app.store.conversations.boardChannels('BUC')).find((b) => b.key === boardB)?.lastSummaryAt;

    app.connector.failNext(1, { status: 403 });
    await job.run(new Date('2026-12-07T07:00:00Z')); // Monday: board B is due, Teams refuses the post
    expect(await lastOfB()).toBe('2026-12-01T06:00:00.000Z');

    const before = app.connector.calls.length;
    await job.run(new Date('2026-12-07T08:00:00Z'));
    expect(postsTo(boardB, before)).toHaveLength(1);
    expect(await lastOfB()).toBe('2026-12-07T08:00:00.000Z');
  });

  it('unregisters a board channel without touching the other', async () => {
    const turn = await sendInBoardChannel(boardB, 'unregister', sll);

    expect(visibleText(checked(turn.cards[0]))).toContain(
      'This channel is no longer an improvement board channel for Buckinghamshire Fire and Rescue Service (BUC).',
    );
    expect((await app.store.conversations.boardChannels('BUC')).map((b) => b.key)).toEqual([boardA]);
  });

  it('unregisters both kinds at once when a channel is the service channel and a board channel', async () => {
    await sendInBoardChannel(boardA, 'register service BUC', sll);

    const turn = await sendInBoardChannel(boardA, 'unregister', sll);

    const text = visibleText(checked(turn.cards[0]));
    expect(text).toContain(
      'This channel is no longer the service channel for Buckinghamshire Fire and Rescue Service (BUC).',
    );
    expect(text).toContain(
      'This channel is no longer an improvement board channel for Buckinghamshire Fire and Rescue Service (BUC).',
    );
    expect(await app.store.conversations.serviceChannel('BUC')).toBeNull();
    expect(await app.store.conversations.boardChannels('BUC')).toEqual([]);
    const actions = (await app.store.records.listAudit('BUC', 'BUC')).map((e) => e.action);
    expect(actions).toEqual(
      expect.arrayContaining(['service.channel-unregistered', 'service.board-channel-unregistered']),
    );
  });

  it('lists the new commands on the help card', async () => {
    const shown = visibleText(checked((await app.client.sendMessage('help', sll)).cards[0]));
    for (const usage of [
      'register board <code>',
      'summary schedule <monthly|weekly|off>',
      'request update <coc id> by <date>',
      'summary <service>',
      'report quarterly',
    ]) {
      expect(shown).toContain(usage);
    }
  });
});
