/**
 * Injection through free text and ids.
 *
 * Free text: Adaptive Card template expressions, Teams' DATE/TIME functions, Markdown, HTML and
 * quotes typed into every free-text field a person fills in (the CoC form, progress notes, target
 * date reasons, the status shortcut, closure notes and rejection reasons, engagement answers) must be
 * stored exactly as typed and shown literally: no template expansion, no live Markdown, no date
 * substituted. test/bot/escape-markdown.test.ts covers the escaping function alone and
 * test/bot/card-renderer.test.ts the template engine alone; this file checks the whole way round.
 *
 * Ids: quotes in values that reach a table query (service codes, record ids, request ids, user ids)
 * get a clean refusal or "not found", never a 5xx, and change nothing. test/store/query-safety.test.ts
 * covers the repositories alone.
 */
import { randomUUID } from 'node:crypto';
import { raiseClosureRequest } from '../../src/app/closure/raise-closure';
import { requestEngagementUpdate } from '../../src/app/engagement/request-update';
import type { Result } from '../../src/domain/errors';
import { extraDemoPeople } from '../../src/demo/extra-people';
import { demoPeople } from '../../src/demo/people';
import { useAppUnderTest } from '../support/app-under-test';
import { visibleText, type TestUser, type TurnResult } from '../support/bot-client';
import { registerChannelDirectly } from '../support/channels';
import { changedEntities, snapshotTables } from './support/table-snapshot';

/** What a person might paste: template expressions, Teams date functions, Markdown, HTML, quotes. */
const hostileLine =
  "${$root.heading} ${title} ${if(true, 'yes', 'no')} {{DATE(2017-02-14T06:08:39Z, SHORT)}} " +
  "{{TIME(2017-02-14T06:08:39Z)}} **bold** [link](https://evil.example) <b>html</b> `code` It's \"quoted\" ' or ''='";
const hostileText = `${hostileLine}\n# heading\n1. first\n- item\n> quote`;

/** Teams' DATE and TIME functions, as the Adaptive Cards renderer finds them in a TextBlock. */
const dateFunction =
  /\{\{(DATE|TIME)\(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:Z|[+-]\d{2}:\d{2})(?:, ?(?:COMPACT|LONG|SHORT))?\)\}\}/;

/** Markdown that would be live if it reached a TextBlock unescaped. */
const liveMarkdown = [
  /(^|[^\\])\*\*bold/,
  /(^|[^\\])\[link/,
  /(^|[^\\])<b>/,
  /(^|[^\\])`code/,
  /(^|\n)# heading/,
  /(^|\n)- item/,
  /(^|\n)> quote/,
  /(^|\n)1\. first/,
];

/** Strings Teams renders (TextBlock text, fact titles and values), leaving out what inputs hold. */
function renderedStrings(card: unknown): string[] {
  const found: string[] = [];
  const walk = (node: unknown, key?: string, inInput = false): void => {
    if (typeof node === 'string') {
      if (!inInput && (key === 'text' || key === 'title' || key === 'value')) found.push(node);
    } else if (Array.isArray(node)) {
      node.forEach((item) => walk(item, undefined, inInput));
    } else if (typeof node === 'object' && node !== null) {
      const record = node as Record<string, unknown>;
      const isInput = typeof record.type === 'string' && record.type.startsWith('Input.');
      Object.entries(record).forEach(([childKey, child]) => walk(child, childKey, inInput || isInput));
    }
  };
  walk(card);
  return found;
}

/** The values the form's inputs hold (shown as typed, not as Markdown). */
function inputValues(card: unknown): string[] {
  const found: string[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (typeof node === 'object' && node !== null) {
      const record = node as Record<string, unknown>;
      if (
        typeof record.type === 'string' &&
        record.type.startsWith('Input.') &&
        typeof record.value === 'string'
      )
        found.push(record.value);
      Object.values(record).forEach(walk);
    }
  };
  walk(card);
  return found;
}

/** Checks the card shows `typed` literally: visible as typed, no live Markdown, no date function. */
function expectShownLiterally(card: unknown, typed: string): void {
  const rendered = renderedStrings(card);
  for (const text of rendered) {
    expect(text).not.toMatch(dateFunction);
    for (const pattern of liveMarkdown) expect(text).not.toMatch(pattern);
  }
  expect(visibleText({ body: rendered.map((text) => ({ text })) })).toContain(typed);
}

function cardOf(turn: TurnResult): unknown {
  const body = turn.body as { type?: string; value?: unknown } | undefined;
  if (body?.type === 'application/vnd.microsoft.card.adaptive') return body.value;
  return turn.cards.at(-1);
}

function valueOf<T>(result: Result<T>): T {
  if (!result.ok) throw new Error(`setting up failed: ${result.error.reason}`);
  return result.value;
}

describe('hostile free text', () => {
  const app = useAppUnderTest();

  it('keeps the CoC form’s title, finding and recommendations exactly as typed and shows them literally', async () => {
    const form = {
      formId: randomUUID(),
      serviceCode: 'BUC',
      title: hostileLine,
      finding: hostileText,
      pillar: 'effectiveness',
      publicSafetyRisk: 'false',
      fieldworkEndDate: '2026-10-02',
      letterDate: '2026-11-06',
      actionPlanRule: 'workingDaysFromLetter',
      recommendation1: hostileText,
      recommendation1TargetDate: '2027-03-31',
      sll: demoPeople.sll.objectId,
      cos: demoPeople.cos.objectId,
      hmi: demoPeople.hmi.objectId,
    };

    const issued = await app.client.sendInvoke('issueCoc', form, demoPeople.sll);

    const cocId = /Cause of concern (BUC-\d+) issued/.exec(visibleText(cardOf(issued)))?.[1] ?? '';
    expect(cocId).not.toBe('');
    expectShownLiterally(cardOf(issued), hostileLine);
    const stored = await app.store.records.getCocWithRecommendations('BUC', cocId);
    expect(stored?.coc.value).toMatchObject({ title: hostileLine, finding: hostileText });
    expect(stored?.recommendations.map((r) => r.value.text)).toEqual([hostileText]);

    const shown = cardOf(await app.client.sendInvoke('showCoc', { cocId }, demoPeople.sll));
    expectShownLiterally(shown, hostileLine);
    expectShownLiterally(shown, hostileText);
  });

  it('draws the CoC form again with the typed text verbatim in its inputs when something else is wrong', async () => {
    const turn = await app.client.sendInvoke(
      'issueCoc',
      {
        formId: randomUUID(),
        serviceCode: 'BUC',
        title: hostileLine,
        finding: hostileText,
        pillar: 'effectiveness',
        fieldworkEndDate: 'not a date',
        sll: demoPeople.sll.objectId,
        cos: demoPeople.cos.objectId,
        hmi: demoPeople.hmi.objectId,
      },
      demoPeople.sll,
    );

    const card = cardOf(turn);
    expect(visibleText(card)).toContain('Nothing was saved');
    expect(inputValues(card)).toEqual(expect.arrayContaining([hostileLine, hostileText]));
    for (const text of renderedStrings(card)) expect(text).not.toMatch(dateFunction);
  });

  it('keeps a progress note and a target date reason as typed and shows them literally on the CoC card', async () => {
    const noted = await app.client.sendInvoke(
      'addProgressNote',
      { recommendationId: 'BUC-1.1', text: hostileText },
      demoPeople.sll,
    );
    expectShownLiterally(cardOf(noted), hostileText);
    expect((await app.store.records.listProgress('BUC', 'BUC-1.1')).map((p) => p.text)).toContain(
      hostileText,
    );

    const revised = await app.client.sendInvoke(
      'reviseTargetDate',
      { recommendationId: 'BUC-1.1', date: '2027-05-28', reason: hostileLine },
      demoPeople.sll,
    );
    expectShownLiterally(cardOf(revised), hostileLine);
    const recommendation = await app.store.records.getRecommendation('BUC', 'BUC-1.1');
    expect(recommendation?.value.targetDateRevisions?.at(-1)?.reason).toBe(hostileLine);
  });

  it('keeps the status shortcut’s note as typed and shows it literally', async () => {
    const turn = await app.client.sendMessage(`status BUC-1.3 amber ${hostileLine}`, demoPeople.sll);

    expectShownLiterally(cardOf(turn), hostileLine);
    const recommendation = await app.store.records.getRecommendation('BUC', 'BUC-1.3');
    expect(recommendation?.value.latestUpdate?.text).toBe(hostileLine);
  });

  it('keeps a closure note and a rejection reason as typed and shows them literally', async () => {
    const raised = await app.client.sendInvoke(
      'submitClosureRequest',
      { subjectId: 'BUC-2.1', validationNote: hostileText, link1: 'https://example.org/evidence.pdf' },
      demoPeople.sll,
    );
    expectShownLiterally(cardOf(raised), hostileText);
    const request = (await app.store.records.listClosureRequests('BUC')).find(
      (r) => r.value.subject.id === 'BUC-2.1',
    );
    expect(request?.value.validationNote).toBe(hostileText);

    const rejected = await app.client.sendInvoke(
      'decideClosure',
      {
        serviceCode: 'BUC',
        requestId: request?.value.id ?? '',
        step: 'cos',
        decision: 'reject',
        reason: hostileLine,
      },
      demoPeople.cos,
    );
    expectShownLiterally(cardOf(rejected), hostileLine);
    const decided = await app.store.records.getClosureRequest('BUC', request?.value.id ?? '');
    expect(JSON.stringify(decided?.value)).toContain(JSON.stringify(hostileLine));
  });

  it('keeps an engagement answer as typed and shows it literally', async () => {
    const key = '19:buc@thread.tacv2';
    await registerChannelDirectly(app, 'BUC', key);
    const made = valueOf(
      await requestEngagementUpdate(app.appContext, demoPeople.sll, {
        cocId: 'BUC-1',
        dueDate: '2026-12-15',
      }),
    );

    const turn = await app.client.sendInvoke(
      'answerEngagement',
      {
        serviceCode: 'BUC',
        requestId: made.request.id,
        'rag:BUC-1.1': 'amber',
        'progress:BUC-1.1': hostileText,
      },
      extraDemoPeople.sloBuckinghamshire,
    );

    expectShownLiterally(cardOf(turn), hostileText);
    expect((await app.store.records.listProgress('BUC', 'BUC-1.1')).map((p) => p.text)).toContain(
      hostileText,
    );
  });
});

describe('quotes in values that reach a table query', () => {
  const app = useAppUnderTest();
  let before: string[];
  beforeAll(async () => {
    // A pending closure request, so the forged request ids below have real neighbours to leak.
    valueOf(
      await raiseClosureRequest(app.appContext, demoPeople.sll, {
        subjectId: 'BUC-1.1',
        links: ['https://example.org/evidence.pdf'],
        validationNote: 'Seen on a visit.',
      }),
    );
    await app.appContext.outbox.idle(); // the request's cards and index, sent after it is saved
    before = await snapshotTables(app.store);
  });
  afterEach(async () => {
    expect(changedEntities(before, await snapshotTables(app.store))).toEqual([]);
  });

  const quoted = "BUC-1' or PartitionKey ne '";
  const quotedCode = "B'UC";
  /** For commands, which take an id without spaces. */
  const quotedWord = "BUC-1'or''='";

  /** A clean answer: said something, not an apology, and not as if the forged id were found. */
  function expectCleanRefusal(turn: TurnResult, answer: string): void {
    expect(turn.status).toBe(200);
    expect(answer).not.toBe('');
    expect(answer).not.toMatch(/something went wrong on our side/);
    expect(answer).toMatch(
      /There is no|no such|Can't|can't|could not|did not say|no longer|don't know|not|Nothing was saved/,
    );
  }

  function answerOf(turn: TurnResult): string {
    const body = turn.body as { type?: string; value?: unknown } | undefined;
    if (body?.type === 'application/vnd.microsoft.card.adaptive') return visibleText(body.value);
    if (body?.type === 'application/vnd.microsoft.activity.message') return String(body.value);
    return [...turn.texts, ...turn.cards.map((card) => visibleText(card))].join('\n');
  }

  it.each([
    ['showCoc', { cocId: quoted }],
    ['refreshAfi', { afiId: "BUC-AFI-1' or RowKey ne '" }],
    ['openRecommendationForm', { recommendationId: "BUC-1.1' or ''='", form: 'update' }],
    ['updateRecommendation', { recommendationId: "BUC-1.1' or ''='", status: 'inProgress', rag: 'red' }],
    ['addProgressNote', { recommendationId: "BUC-1.1'", text: 'note' }],
    ['recordActionPlanReceived', { cocId: quoted, date: '2026-11-10' }],
    ['completeAfi', { afiId: "BUC-AFI-1'" }],
    ['undoStatus', { recommendationId: "BUC-1.1'", auditEventId: "x' or RowKey ne '" }],
    ['historyPage', { id: quoted, page: 1 }],
    ['listPage', { query: { kind: 'service', serviceCode: quotedCode }, page: 1 }],
    ['openClosureForm', { subjectId: "BUC-1.1' or ''='" }],
    ['submitClosureRequest', { subjectId: "BUC-1.1'", validationNote: 'x' }],
    ['decideClosure', { serviceCode: quotedCode, requestId: "x' or ''='", step: 'cos', decision: 'approve' }],
    [
      'decideClosure',
      { serviceCode: 'BUC', requestId: "x' or RowKey ne '", step: 'cos', decision: 'approve' },
    ],
    ['refreshClosure', { serviceCode: 'BUC', requestId: "' or ''='" }],
    ['refreshClosure', { serviceCode: quotedCode, requestId: "' or ''='" }],
    ['requestEngagement', { cocId: quoted, dueDate: '2026-12-15' }],
    ['answerEngagement', { serviceCode: quotedCode, requestId: "x' or ''='" }],
    ['answerEngagement', { serviceCode: 'BUC', requestId: "x' or RowKey ne '" }],
  ] as const)('answers %s with a quote in an id cleanly', async (verb, data) => {
    const who = verb === 'decideClosure' ? demoPeople.cos : demoPeople.sll;
    const turn = await app.client.sendInvoke(verb, { ...data }, who);

    expectCleanRefusal(turn, answerOf(turn));
  });

  it('refuses a CoC form naming a service code or owner with a quote, saving nothing', async () => {
    const turn = await app.client.sendInvoke(
      'issueCoc',
      {
        formId: randomUUID(),
        serviceCode: "BUC' or ''='",
        title: 'A title',
        finding: 'A finding.',
        pillar: 'effectiveness',
        fieldworkEndDate: '2026-10-02',
        letterDate: '2026-11-06',
        actionPlanRule: 'workingDaysFromLetter',
        recommendation1: 'Do better.',
        recommendation1TargetDate: '2027-03-31',
        sll: "x' or PartitionKey ne '",
        cos: demoPeople.cos.objectId,
        hmi: demoPeople.hmi.objectId,
      },
      demoPeople.admin,
    );

    expectCleanRefusal(turn, answerOf(turn));
  });

  it.each([
    `show ${quotedWord}`,
    `history ${quoted}`,
    `close ${quotedWord}`,
    `list ${quotedCode}`,
    `status ${quotedWord} red x`,
    `request update ${quotedWord} by 15 December 2026`,
  ])('answers the command “%s” cleanly', async (command) => {
    const turn = await app.client.sendMessage(command, demoPeople.sll);

    expectCleanRefusal(turn, answerOf(turn));
  });

  it('answers someone whose user id holds a quote as a stranger', async () => {
    const forger: TestUser = {
      objectId: `${demoPeople.admin.objectId}' or PartitionKey ne '`,
      tenantId: demoPeople.admin.tenantId,
      name: 'Forger',
    };

    const card = await app.client.sendInvoke('showCoc', { cocId: 'BUC-1' }, forger);
    const text = await app.client.sendMessage('list', forger);

    expect(answerOf(card)).toContain('not in the CoC Monitor directory');
    expect(answerOf(text)).toContain('not in the CoC Monitor directory');
  });
});
