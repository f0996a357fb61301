/**
 * Bad and forged input: property-based tests that throw malformed bodies,
 * broken envelopes, random card actions and odd text at the real bot over HTTP, and check that it
 * never answers 5xx, never leaves a promise rejection unhandled, changes nothing it keeps, and tells
 * a person clearly when a card sent something it could not read.
 */
import fc from 'fast-check';
import { demoPeople } from '../../src/demo/people';
import { startAppUnderTest, type AppUnderTest } from '../support/app-under-test';
import { visibleText, type TestUser } from '../support/bot-client';
import { envelopeFrom, postRaw } from './support/raw-post';
import { changedEntities, snapshotTables } from './support/table-snapshot';
import { recordUnhandledRejections } from './support/unhandled-rejections';

const numRuns = 50;

/** Every verb the bot registers for Action.Execute (src/bot/features/*.ts). */
const registeredVerbs = [
  'issueCoc',
  'issueAfi',
  'showCoc',
  'refreshCoc',
  'refreshAfi',
  'openRecommendationForm',
  'updateRecommendation',
  'addProgressNote',
  'reviseTargetDate',
  'openActionPlanForm',
  'recordActionPlanReceived',
  'completeAfi',
  'undoStatus',
  'listPage',
  'historyPage',
  'openClosureForm',
  'submitClosureRequest',
  'decideClosure',
  'refreshClosure',
  'openEngagementRequestForm',
  'requestEngagement',
  'answerEngagement',
] as const;
type Verb = (typeof registeredVerbs)[number];

/** The fields each verb needs to know which record it is about (what its zod schema requires). */
/** (`page` is left out: it is coerced, so a number or `true` is a good page.) */
const requiredFields: Record<Verb, readonly string[]> = {
  issueCoc: ['formId'],
  issueAfi: ['formId'],
  showCoc: ['cocId'],
  refreshCoc: ['cocId'],
  refreshAfi: ['afiId'],
  openRecommendationForm: ['recommendationId', 'form'],
  updateRecommendation: ['recommendationId'],
  addProgressNote: ['recommendationId'],
  reviseTargetDate: ['recommendationId'],
  openActionPlanForm: ['cocId'],
  recordActionPlanReceived: ['cocId'],
  completeAfi: ['afiId'],
  undoStatus: ['recommendationId', 'auditEventId'],
  listPage: ['query'],
  historyPage: ['id'],
  openClosureForm: ['subjectId'],
  submitClosureRequest: ['subjectId'],
  decideClosure: ['serviceCode', 'requestId', 'step', 'decision'],
  refreshClosure: ['serviceCode', 'requestId'],
  openEngagementRequestForm: ['cocId'],
  requestEngagement: ['cocId'],
  answerEngagement: ['serviceCode', 'requestId'],
};

/** The envelope fields botbuilder needs before it can run a turn. */
const envelopeFields = ['type', 'from', 'recipient', 'conversation', 'channelId', 'serviceUrl'] as const;

/** Values of the wrong type for any envelope field, or for a card field that must be an id. */
const wrongTyped: fc.Arbitrary<unknown> = fc.oneof(
  fc.constant(null),
  fc.boolean(),
  fc.integer(),
  fc.double(),
  fc.array(fc.jsonValue(), { maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 8 }), fc.jsonValue({ maxDepth: 1 }), { maxKeys: 3 }),
);

/** What botbuilder would accept for a field, but of the wrong type or missing. */
const wrongEnvelopeValue: fc.Arbitrary<unknown> = fc.oneof(
  wrongTyped,
  fc.constant(''),
  fc.constant({}),
  fc.constant(undefined),
);

/** The activity's other fields, with any JSON at all in them. */
const otherFields = fc.dictionary(
  fc.constantFrom(
    'text',
    'textFormat',
    'entities',
    'attachments',
    'channelData',
    'timestamp',
    'localTimestamp',
    'replyToId',
    'membersAdded',
    'membersRemoved',
    'locale',
    'action',
  ),
  fc.jsonValue({ maxDepth: 2 }),
  { maxKeys: 4 },
);

/** The people who write to the bot in these tests, including someone not in the directory. */
const stranger: TestUser = {
  objectId: '00000000-0000-0000-0000-00000000dead',
  tenantId: demoPeople.sll.tenantId,
  name: 'Nobody Known',
};
const writer = fc.constantFrom<TestUser>(demoPeople.sll, demoPeople.slo, demoPeople.admin, stranger);

/** What the person sees in an invoke response: the card's text, or the message. */
function invokeAnswerText(body: unknown): string {
  const response = body as { type?: string; value?: unknown } | undefined;
  if (response?.type === 'application/vnd.microsoft.card.adaptive') return visibleText(response.value);
  if (response?.type === 'application/vnd.microsoft.activity.message') return String(response.value);
  return '';
}

const apology = /something went wrong on our side/;

describe('bad and forged input to /api/messages', () => {
  const rejections = recordUnhandledRejections();
  let app: AppUnderTest;
  let before: string[];

  beforeAll(async () => {
    rejections.start();
    app = await startAppUnderTest();
    before = await snapshotTables(app.store);
  });
  afterEach(async () => {
    expect(rejections.seen).toEqual([]);
    expect(changedEntities(before, await snapshotTables(app.store))).toEqual([]);
  });
  afterAll(async () => {
    rejections.stop();
    await app.close();
  });

  it('answers 400 to a body that is not JSON', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.string({ maxLength: 200 }).filter((text) => {
          try {
            JSON.parse(text);
            return false;
          } catch {
            return text.trim() !== '';
          }
        }),
        async (text) => {
          const answer = await postRaw(app.server.url, text);
          expect(answer.status).toBe(400);
        },
      ),
      { numRuns },
    );
  });

  it('answers 400 to JSON that is not an object', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.constant(null),
          fc.boolean(),
          fc.integer(),
          fc.string(),
          fc.array(fc.jsonValue({ maxDepth: 2 }), { maxLength: 4 }),
        ),
        async (value) => {
          const answer = await postRaw(app.server.url, JSON.stringify(value));
          expect(answer.status).toBe(400);
        },
      ),
      { numRuns },
    );
  });

  it('answers 400 to random JSON objects, which are never whole activities', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.dictionary(fc.string({ maxLength: 12 }), fc.jsonValue({ maxDepth: 3 })),
        async (body) => {
          const answer = await postRaw(app.server.url, body);
          expect(answer.status).toBe(400);
        },
      ),
      { numRuns },
    );
  });

  it('answers 400 to an activity with an envelope field missing or of the wrong type', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...envelopeFields),
        wrongEnvelopeValue,
        fc.constantFrom('message', 'invoke', 'conversationUpdate'),
        async (field, value, type) => {
          const activity: Record<string, unknown> = {
            ...envelopeFrom(demoPeople.sll, app.connector.serviceUrl),
            type,
            text: 'list',
            name: 'adaptiveCard/action',
            value: { action: { type: 'Action.Execute', verb: 'showCoc', data: { cocId: 'BUC-1' } } },
          };
          if (value === undefined) delete activity[field];
          else activity[field] = value;
          const answer = await postRaw(app.server.url, activity);
          expect(answer.status).toBe(400);
        },
      ),
      { numRuns },
    );
  });

  it('never answers 5xx to a whole envelope of any type, name, value and other fields', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.constantFrom('message', 'invoke', 'event', 'conversationUpdate', 'messageReaction', 'typing'),
          fc.string({ minLength: 1, maxLength: 20 }),
        ),
        fc.option(
          fc.oneof(
            fc.constantFrom(
              'adaptiveCard/action',
              'task/fetch',
              'task/submit',
              'composeExtension/query',
              'signin/verifyState',
              'config/fetch',
              'actionableMessage/executeAction',
            ),
            fc.string({ maxLength: 20 }),
          ),
          { nil: undefined },
        ),
        fc.jsonValue({ maxDepth: 3 }),
        otherFields,
        writer,
        async (type, name, value, extras, from) => {
          const activity = { ...envelopeFrom(from, app.connector.serviceUrl), ...extras, type, name, value };
          const answer = await postRaw(app.server.url, activity);
          expect(answer.status).toBeLessThan(500);
        },
      ),
      { numRuns },
    );
  });

  it('answers a card action with a random verb and random data with a card or message, never an error', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(fc.constantFrom(...registeredVerbs), fc.string({ maxLength: 30 })),
        fc.oneof(
          fc.jsonValue({ maxDepth: 3 }),
          fc.dictionary(
            fc.oneof(fc.constantFrom(...Object.values(requiredFields).flat()), fc.string({ maxLength: 10 })),
            fc.oneof(fc.string({ maxLength: 50 }), wrongTyped),
          ),
        ),
        writer,
        async (verb, data, from) => {
          const answer = await postRaw(app.server.url, {
            ...envelopeFrom(from, app.connector.serviceUrl),
            type: 'invoke',
            name: 'adaptiveCard/action',
            value: { action: { type: 'Action.Execute', verb, data }, trigger: 'manual' },
          });
          expect(answer.status).toBe(200);
          const said = invokeAnswerText(JSON.parse(answer.text) as unknown);
          expect(said).not.toBe('');
          expect(said).not.toMatch(apology);
        },
      ),
      { numRuns },
    );
  });

  it('tells the person the card sent something unreadable when a known verb gets a wrong-typed id', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...registeredVerbs),
        fc.nat(),
        fc.oneof(wrongTyped, fc.constant(''), fc.constant('x'.repeat(20_001))),
        writer.filter((person) => person !== stranger),
        async (verb, pick, value, from) => {
          const fields = requiredFields[verb];
          const broken = fields[pick % fields.length] ?? '';
          const data: Record<string, unknown> = Object.fromEntries(fields.map((field) => [field, 'BUC-1']));
          data.page = 1;
          data.form = 'update';
          data.step = 'cos';
          data.decision = 'approve';
          data.serviceCode = 'BUC';
          data.query = { kind: 'mine' };
          data[broken] = value;
          const turn = await app.client.sendInvoke(verb, data, from);
          expect(turn.status).toBe(200);
          expect(invokeAnswerText(turn.body)).toMatch(
            /could not read|did not say|no longer available|no longer does anything/,
          );
        },
      ),
      { numRuns },
    );
  });

  it('answers an invoke it offers nothing for with 200, and a stale card action with a message', async () => {
    const search = await app.client.sendActivity({
      type: 'invoke',
      name: 'composeExtension/query',
      value: {},
    });
    const submit = await app.client.sendActivity({
      type: 'invoke',
      name: 'adaptiveCard/action',
      value: { action: { type: 'Action.Submit', data: { cocId: 'BUC-1' } } },
    });

    expect(search.status).toBe(200);
    expect(submit.status).toBe(200);
    expect(invokeAnswerText(submit.body)).toMatch(/that button no longer does anything/);
  });

  it('answers odd text with a reply and no change', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom('', 'show ', 'close ', 'status ', 'history ', 'list ', 'request update ', 'new '),
        fc.oneof(
          fc.string({ maxLength: 200 }),
          fc.string({ unit: 'grapheme', maxLength: 50 }),
          fc.constantFrom(
            '\u0000',
            '\u202e',
            '&nbsp;',
            '<at>CoC Monitor</at>',
            ' '.repeat(500),
            'x'.repeat(30_000),
          ),
        ),
        writer,
        async (command, rest, from) => {
          const turn = await app.client.sendMessage(`${command}${rest}`, from);
          expect(turn.status).toBe(200);
          expect(turn.messages.length).toBeGreaterThan(0);
          expect(turn.texts.join('\n')).not.toMatch(apology);
        },
      ),
      { numRuns },
    );
  });
});
