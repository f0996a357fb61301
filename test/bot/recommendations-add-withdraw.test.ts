/**
 * A cause of concern's recommendations after it is issued: its SLL adds one from the CoC card
 * (numbered after every one it has had) and withdraws one with a reason. Each shows on the card,
 * the reminders follow (a new one due soon is in the next digest, a withdrawn one no longer), the
 * history says so in words, and people who may not do it are told so and change nothing.
 */
import { addCalendarDays, formatLongDate } from '../../src/domain/clock';
import type { LocalDate } from '../../src/domain/records';
import { demoPeople } from '../../src/demo/people';
import { demoToday } from '../../src/demo/records';
import { useAppUnderTest } from '../support/app-under-test';
import { visibleText } from '../support/bot-client';
import { invokeCard as answerOf } from '../support/cards';

const serviceChannel = '19:service-updates@thread.tacv2';
const inChannel = { conversationType: 'channel', mentionBot: true } as const;
const morningOf = (date: LocalDate): Date => new Date(`${date}T10:00:00Z`);

type Card = Record<string, unknown>;

/** The titles of the buttons of the container that shows one recommendation. */
function buttonsOf(card: Card, recommendationId: string): string[] {
  const found: string[] = [];
  const walk = (node: unknown, inside: boolean): void => {
    if (Array.isArray(node)) return node.forEach((child) => walk(child, inside));
    if (!node || typeof node !== 'object') return;
    const value = node as Record<string, unknown>;
    const data = value.data as Record<string, unknown> | undefined;
    if (
      value.type === 'Action.Execute' &&
      data?.recommendationId === recommendationId &&
      typeof value.title === 'string'
    )
      found.push(value.title);
    if (
      value.type === 'Action.Execute' &&
      data?.subjectId === recommendationId &&
      typeof value.title === 'string'
    )
      found.push(value.title);
    Object.values(value).forEach((child) => walk(child, inside));
  };
  walk(card, false);
  return found;
}

describe('adding and withdrawing recommendations of an open cause of concern', () => {
  const app = useAppUnderTest();

  async function sweepOn(date: LocalDate): Promise<string> {
    app.setNow(morningOf(date));
    const before = app.connector.calls.length;
    await app.client.sendMessage('sweep now', demoPeople.admin);
    return app.connector.calls
      .slice(before)
      .filter((call) => call.method === 'POST' && call.conversationId === serviceChannel)
      .map((call) => visibleText(call.activity.attachments?.[0]?.content))
      .filter((text) => text.startsWith('Reminders for'))
      .join('\n');
  }

  async function cocVersion(): Promise<string> {
    const coc = await app.store.records.getCoc('BUC', 'BUC-1');
    return coc?.value.updatedAt ?? '';
  }

  async function add(text: string, targetDate: string, by = demoPeople.sll): Promise<Card> {
    const opened = await app.client.sendInvoke('openAddRecommendationForm', { cocId: 'BUC-1' }, by);
    const form = answerOf(opened);
    const data = { cocId: 'BUC-1', updatedAt: await cocVersion(), text, targetDate };
    expect(visibleText(form)).toContain('Add a recommendation to BUC-1');
    return answerOf(await app.client.sendInvoke('addRecommendation', data, by));
  }

  beforeAll(async () => {
    await app.client.sendMessage('help', demoPeople.sll);
    await app.client.sendMessage('register service BUC', demoPeople.sll, inChannel);
    await sweepOn(demoToday);
  });

  it('adds recommendations up to a seventh, each on the card; the seventh, due in five days, in the next digest', async () => {
    const before =
      (await app.store.records.getCocWithRecommendations('BUC', 'BUC-1'))?.recommendations.length ?? 0;
    expect(before).toBeLessThan(7);
    for (let n = before + 1; n < 7; n += 1)
      await add(`Recommendation ${String(n)} from the letter.`, '2027-06-30');

    const today = addCalendarDays(demoToday, 1);
    app.setNow(morningOf(today));
    const due = addCalendarDays(today, 5);
    const card = await add(
      'The service should make sure its on-call crews are trained in water rescue.',
      due,
    );

    const text = visibleText(card);
    expect(text).toContain('Saved: BUC-1.7 added to BUC-1.');
    expect(text).toContain('BUC-1.7 · Open');
    expect(text).toContain('The service should make sure its on-call crews are trained in water rescue.');
    expect(buttonsOf(card, 'BUC-1.7')).toContain('Withdraw');
    await app.appContext.outbox.idle();
    expect(await sweepOn(today)).toContain(`Target date of BUC-1.7: ${formatLongDate(due)} · 5 days left`);
  });

  it('keeps what was typed and names the field when the recommendation is left empty', async () => {
    const card = await add('   ', '2027-01-31');

    const text = visibleText(card);
    expect(text).toContain('Nothing was saved. Check the fields marked below.');
    expect(text).toContain('Recommendation is required.');
    expect(JSON.stringify(card)).toContain('2027-01-31');
    expect(await app.store.records.getRecommendation('BUC', 'BUC-1.8')).toBeNull();
  });

  it('withdraws BUC-1.7 with the reason: marked withdrawn, no buttons, out of the next digest', async () => {
    const opened = answerOf(
      await app.client.sendInvoke(
        'openRecommendationForm',
        { recommendationId: 'BUC-1.7', form: 'withdraw' },
        demoPeople.sll,
      ),
    );
    expect(visibleText(opened)).toContain('Withdraw BUC-1.7');
    const current = await app.store.records.getRecommendation('BUC', 'BUC-1.7');

    const card = answerOf(
      await app.client.sendInvoke(
        'withdrawRecommendation',
        {
          recommendationId: 'BUC-1.7',
          updatedAt: current?.value.updatedAt,
          reason: 'The revised letter of 2 December 2026 dropped it.',
        },
        demoPeople.sll,
      ),
    );

    const text = visibleText(card);
    expect(text).toContain('Saved: BUC-1.7 withdrawn.');
    expect(text).toContain('BUC-1.7 · Withdrawn');
    expect(text).toContain('The revised letter of 2 December 2026 dropped it.');
    expect(buttonsOf(card, 'BUC-1.7')).toEqual([]);
    await app.appContext.outbox.idle();
    expect(await sweepOn(addCalendarDays(demoToday, 2))).not.toContain('BUC-1.7');
  });

  it('numbers the next one after the withdrawn one, never reusing its id', async () => {
    const card = await add('The service should review its water rescue training.', '2027-03-31');
    expect(visibleText(card)).toContain('Saved: BUC-1.8 added to BUC-1.');
  });

  it.each([
    ['the Chief of Staff', demoPeople.cos],
    ['a Service Liaison Officer', demoPeople.slo],
  ])('refuses %s, saying why, and adds nothing', async (_who, person) => {
    const before = (await app.store.records.getCocWithRecommendations('BUC', 'BUC-1'))?.recommendations
      .length;
    const turn = await app.client.sendInvoke(
      'addRecommendation',
      { cocId: 'BUC-1', updatedAt: await cocVersion(), text: 'Forged.', targetDate: '2027-01-31' },
      person,
    );
    expect(visibleText(answerOf(turn))).toContain("You can't add a recommendation to this cause of concern");
    const after = (await app.store.records.getCocWithRecommendations('BUC', 'BUC-1'))?.recommendations.length;
    expect(after).toBe(before);
  });

  it('says both in plain words in the history', async () => {
    const turn = await app.client.sendMessage('history BUC-1', demoPeople.sll);
    const text = turn.cards.map(visibleText).join('\n');
    expect(text).toContain('Added recommendation BUC-1.7 to the cause of concern');
    expect(text).toContain('Withdrew recommendation BUC-1.7');
    expect(text).toContain('The revised letter of 2 December 2026 dropped it.');
  });
});
