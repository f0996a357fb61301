import { demoCausesOfConcern } from '../../src/demo/causes-of-concern';
import { demoPeople } from '../../src/demo/people';
import { demoRecommendations } from '../../src/demo/recommendations';
import { demoAreasForImprovement, demoToday } from '../../src/demo/records';
import { parseListCommand, listDueUsage } from '../../src/bot/routes/list-command';
import type { CauseOfConcern, Recommendation } from '../../src/domain/records';
import type { RecordChange } from '../../src/store';
import { startAppUnderTest, useAppUnderTest } from '../support/app-under-test';
import { visibleText, type TurnResult } from '../support/bot-client';
import { findCardProblems } from '../support/card-validator';
import { actionsOf, invokeCard } from '../support/cards';

/** The one card of a turn, checked against the Adaptive Card schema. */
function theCard(turn: TurnResult): Record<string, unknown> {
  expect(turn.cards).toHaveLength(1);
  const card = turn.cards[0] ?? {};
  expect(findCardProblems(card)).toEqual([]);
  return card;
}

function daysFromToday(date: string): number {
  return (Date.parse(`${date}T00:00:00Z`) - Date.parse(`${demoToday}T00:00:00Z`)) / 86_400_000;
}

/** Worked out from the demo data set: the demo SLL's open recommendations and AFIs, and which are late. */
const sam = demoPeople.sll.objectId;
const samsCocs = demoCausesOfConcern.filter((c) => c.owners.sll === sam && c.status === 'open');
const samsRecommendations = demoRecommendations.filter(
  (r) => samsCocs.some((c) => c.id === r.cocId) && r.status !== 'closed',
);
const samsAfis = demoAreasForImprovement.filter((a) => a.sll === sam && a.status !== 'closed');
const lateRecommendations = samsRecommendations.filter((r) => {
  const target = r.targetDateRevisions.at(-1)?.date ?? r.originalTargetDate;
  return (
    (r.status === 'open' || r.status === 'inProgress') && target !== undefined && daysFromToday(target) < 0
  );
});
const lateAfis = samsAfis.filter(
  (a) => a.status === 'open' && a.targetDate !== undefined && daysFromToday(a.targetDate) < 0,
);
const samsRowCount = samsCocs.length + samsRecommendations.length + samsAfis.length;

describe('list over the Bot Framework protocol', () => {
  const app = useAppUnderTest();

  it('shows the demo SLL their open records with counts, newest first, ten to a page', async () => {
    const card = theCard(await app.client.sendMessage('list'));
    const shown = visibleText(card);

    expect(shown).toContain('Your open records');
    expect(shown).toContain(
      `${String(samsCocs.length)} open causes of concern · ${String(samsRecommendations.length)} open recommendations · ` +
        `${String(samsAfis.length)} open areas for improvement · ${String(lateRecommendations.length + lateAfis.length)} overdue`,
    );
    expect(shown).toContain(`Page 1 of ${String(Math.ceil(samsRowCount / 10))}`);
    const open = actionsOf(card).filter((b) => b.title === 'Open');
    expect(open).toHaveLength(10);
    // HWF-1 (issued 30 October 2026) is the demo SLL's newest record.
    expect(open[0]).toEqual({ title: 'Open', verb: 'showCoc', data: { cocId: 'HWF-1' } });
    expect(open[2]).toEqual({ title: 'Open', verb: 'showCoc', data: { cocId: 'HWF-1' } });
    expect(shown).toContain('Target date 13 November 2026 · 9 days late');
    expect(shown).toContain('Target date 25 November 2026 · 3 days left');
    expect(shown).not.toContain('BUC-1.2');
  });

  it('answers when mentioned in a channel too', async () => {
    const turn = await app.client.sendMessage('list overdue', demoPeople.sll, {
      conversationType: 'channel',
      mentionBot: true,
    });

    expect(visibleText(theCard(turn))).toContain('Your overdue records');
  });

  it('lists only overdue records for list overdue, each with the days it is late', async () => {
    const card = theCard(await app.client.sendMessage('list overdue'));
    const shown = visibleText(card);
    const rows = actionsOf(card).filter((b) => b.title === 'Open');

    expect(rows).toHaveLength(lateRecommendations.length + lateAfis.length);
    for (const recommendation of lateRecommendations) expect(shown).toContain(recommendation.id);
    expect(shown).toContain('Target date 30 September 2026 · 53 days late');
    expect(shown).not.toContain('days left');
    expect(shown.match(/days? late/g)).toHaveLength(rows.length);
    expect(actionsOf(card).find((b) => b.verb === 'showAfi')).toBeDefined();
  });

  it('turns the page with the Next page button, replacing the card in place', async () => {
    const first = theCard(await app.client.sendMessage('list'));
    const next = actionsOf(first).find((b) => b.title === 'Next page');
    expect(next).toMatchObject({ verb: 'listPage', data: { query: { kind: 'mine' }, page: 2 } });

    const second = invokeCard(await app.client.sendInvoke('listPage', next?.data ?? {}));

    const secondShown = visibleText(second);
    expect(secondShown).toContain(`Page 2 of ${String(Math.ceil(samsRowCount / 10))}: records 11 to 20`);
    // Page 1 starts with HWF-1 and its recommendations; page 2 holds older records.
    expect(visibleText(first)).toContain('HWF-1.3');
    expect(secondShown).not.toContain('HWF-1.3');
    expect(actionsOf(second).map((b) => b.title)).toEqual(
      expect.arrayContaining(['Previous page', 'Next page']),
    );
  });

  it("refuses a forged page request for another region's service, whatever the button says", async () => {
    const turn = await app.client.sendInvoke('listPage', {
      query: { kind: 'service', serviceCode: 'CUM' },
      page: 1,
    });

    expect(turn.body).toMatchObject({
      statusCode: 200,
      type: 'application/vnd.microsoft.activity.message',
      value: "You can't see this: you are not the Service Liaison Lead for Cumbria Fire and Rescue Service.",
    });
  });

  it('answers a page request with data it cannot read with a short message', async () => {
    const turn = await app.client.sendInvoke('listPage', { query: { kind: 'everything' }, page: 'two' });

    expect(turn.body).toMatchObject({ type: 'application/vnd.microsoft.activity.message' });
    expect(JSON.stringify(turn.body)).toContain('Type list');
  });

  it("refuses the SLL a list of another region's service, saying why", async () => {
    const turn = await app.client.sendMessage('list Cumbria');

    expect(turn.cards).toHaveLength(0);
    expect(turn.texts).toEqual([
      "You can't see this: you are not the Service Liaison Lead for Cumbria Fire and Rescue Service.",
    ]);
  });

  it("shows a Service Liaison Officer their own service's records only", async () => {
    const mine = visibleText(theCard(await app.client.sendMessage('list', demoPeople.slo)));
    const byCode = visibleText(theCard(await app.client.sendMessage('list hwf', demoPeople.slo)));
    const other = await app.client.sendMessage('list BUC', demoPeople.slo);

    expect(mine).toContain('HWF-1');
    expect(mine).not.toMatch(/BUC-\d/);
    expect(byCode).toContain('Hereford & Worcester Fire and Rescue Service');
    expect(other.texts[0]).toContain(
      'you are not a Service Liaison Officer for Buckinghamshire Fire and Rescue Service',
    );
  });

  describe('with records due today, in 14 days and in 15 days', () => {
    const issuedBy = demoPeople.sll.objectId;
    const coc: CauseOfConcern = {
      id: 'BUC-3',
      serviceCode: 'BUC',
      title: 'See [link](https://x) for **details**',
      finding: 'A finding.',
      pillar: 'efficiency',
      publicSafetyRisk: false,
      fieldworkEndDate: '2026-10-02',
      letterDate: '2026-11-20',
      actionPlanRule: { kind: 'fixedDate', date: '2027-01-29' },
      owners: { sll: issuedBy, cos: demoPeople.cos.objectId, hmi: demoPeople.hmi.objectId },
      status: 'open',
      createdAt: '2026-11-21T09:00:00Z',
      createdBy: issuedBy,
      updatedAt: '2026-11-21T09:00:00Z',
      updatedBy: issuedBy,
    };
    const recommendation = (n: number, targetDate: string): Recommendation => ({
      id: `BUC-3.${String(n)}`,
      cocId: 'BUC-3',
      serviceCode: 'BUC',
      text: `Recommendation due ${targetDate}`,
      status: 'open',
      originalTargetDate: targetDate,
      targetDateRevisions: [],
      updatedAt: '2026-11-21T09:00:00Z',
      updatedBy: issuedBy,
    });

    beforeAll(async () => {
      const changes: RecordChange[] = [
        { kind: 'create', entity: { type: 'coc', value: coc } },
        { kind: 'create', entity: { type: 'recommendation', value: recommendation(1, '2026-11-22') } },
        { kind: 'create', entity: { type: 'recommendation', value: recommendation(2, '2026-12-06') } },
        { kind: 'create', entity: { type: 'recommendation', value: recommendation(3, '2026-12-07') } },
      ];
      await app.store.records.commit('BUC', changes);
    });

    it('counts a record due today and one due in 14 days, not one due in 15', async () => {
      const shown = visibleText(theCard(await app.client.sendMessage('list due 14 days')));

      expect(shown).toContain('Your records due within 14 days');
      expect(shown).toContain('BUC-3.1');
      expect(shown).toContain('Target date 22 November 2026 · due today');
      expect(shown).toContain('BUC-3.2');
      expect(shown).toContain('Target date 6 December 2026 · 14 days left');
      expect(shown).not.toContain('BUC-3.3');
      expect(shown).not.toContain('days late');
    });

    it('shows a title typed with Markdown literally', async () => {
      const card = theCard(await app.client.sendMessage('list BUC'));

      expect(visibleText(card)).toContain('See [link](https://x) for **details**');
      expect(JSON.stringify(card)).not.toContain('[link](https://x)');
    });
  });

  it('answers list due with something other than a number with how to ask', async () => {
    const turn = await app.client.sendMessage('list due abc days');

    expect(turn.texts).toEqual([listDueUsage]);
    expect(turn.cards).toHaveLength(0);
  });

  it('suggests the service a typing slip was meant to name', async () => {
    const turn = await app.client.sendMessage('list Bukinghamshire');

    expect(turn.texts).toEqual([
      "I don't know a service called “Bukinghamshire”. Did you mean Buckinghamshire Fire and Rescue Service (BUC)?",
    ]);
  });

  it('says plainly when no service is anything like the name', async () => {
    const turn = await app.client.sendMessage('list quarterly figures');

    expect(turn.texts[0]).toMatch(
      /^I don't know a service called “quarterly figures”\. Type list followed by a service code/,
    );
  });
});

describe('the help card', () => {
  it('names every command of causes of concern, lists and history', async () => {
    const app = await startAppUnderTest({ seed: false });
    try {
      const card = theCard(await app.client.sendMessage('help'));
      const shown = visibleText(card);
      for (const usage of [
        'new coc',
        'new afi',
        'show <id>',
        'list',
        'list <service>',
        'list overdue',
        'list due <n> days',
        'status <rec id> <rag> <note>',
        'history <id>',
        'register service <code>',
        'unregister',
      ]) {
        expect(shown).toContain(usage);
      }
    } finally {
      await app.close();
    }
  });
});

describe('parseListCommand', () => {
  it.each([
    ['list', { kind: 'query', query: { kind: 'mine' } }],
    ['LIST overdue', { kind: 'query', query: { kind: 'overdue' } }],
    ['list due 14 days', { kind: 'query', query: { kind: 'due', days: 14 } }],
    ['list due 1 day', { kind: 'query', query: { kind: 'due', days: 1 } }],
    ['list due 7', { kind: 'query', query: { kind: 'due', days: 7 } }],
    ['list due abc days', { kind: 'usage', message: listDueUsage }],
    ['list due', { kind: 'usage', message: listDueUsage }],
    ['list due 999 days', { kind: 'usage', message: listDueUsage }],
    ['list West Midlands', { kind: 'service', name: 'West Midlands' }],
    ['listing', null],
    ['show BUC-1', null],
  ])('reads "%s"', (text, expected) => {
    expect(parseListCommand(text)).toEqual(expected);
  });
});
