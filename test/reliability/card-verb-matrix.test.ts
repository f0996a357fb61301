/**
 * Every card verb × every role × a record in scope (Hereford & Worcester, central region) and one
 * out of scope (Cumbria, north region), with forged identities in the card data.
 *
 * The allowed set of each verb is written out from the rule book (docs/domain-glossary.md and the policy's
 * grant table as the domain states it), not computed by the policy, so a change to the policy that
 * lets the wrong person act makes this test fail. A case passes when an allowed person's press
 * changes what the bot keeps, a refused person's press changes nothing, and every refusal says why.
 */
import { randomUUID } from 'node:crypto';
import { raiseClosureRequest } from '../../src/app/closure/raise-closure';
import { decideClosure } from '../../src/app/closure/decide-closure';
import { requestEngagementUpdate } from '../../src/app/engagement/request-update';
import { issueAreaForImprovement } from '../../src/app/issue/issue-area-for-improvement';
import { quickStatusUpdate } from '../../src/app/records/quick-status-update';
import { proposeRevisitOf } from '../../src/app/revisits/propose-revisit';
import type { Result } from '../../src/domain/errors';
import type { Person } from '../../src/domain/records';
import { extraDemoPeople } from '../../src/demo/extra-people';
import { demoPeople } from '../../src/demo/people';
import { useAppUnderTest, type AppUnderTest } from '../support/app-under-test';
import { visibleText, type TestUser } from '../support/bot-client';
import { registerChannelDirectly } from '../support/channels';
import { changedEntities, snapshotTables } from './support/table-snapshot';

const roleNames = ['SLL', 'Chief of Staff', 'HMI', 'SLO', 'admin', 'no role'] as const;
type RoleName = (typeof roleNames)[number];
type Scope = 'in scope' | 'out of scope';

/** Someone with no role: signed in from the demo tenant but not in the directory. */
const nobody: TestUser = {
  objectId: '00000000-0000-0000-0000-00000000c0de',
  tenantId: demoPeople.sll.tenantId,
  name: 'Pat Nobody',
};

const people: Record<RoleName, TestUser> = {
  SLL: demoPeople.sll,
  'Chief of Staff': demoPeople.cos,
  HMI: demoPeople.hmi,
  SLO: demoPeople.slo,
  admin: demoPeople.admin,
  'no role': nobody,
};

/** The service and people of each scope: the demo roles serve Hereford & Worcester, not Cumbria. */
const scopes = {
  'in scope': {
    serviceCode: 'HWF',
    cocId: 'HWF-1',
    recommendationId: 'HWF-1.2',
    owners: { sll: demoPeople.sll, cos: demoPeople.cos, hmi: demoPeople.hmi },
  },
  'out of scope': {
    serviceCode: 'CUM',
    cocId: 'CUM-1',
    recommendationId: 'CUM-1.1',
    owners: { sll: extraDemoPeople.sllNorth, cos: demoPeople.cosNorth, hmi: extraDemoPeople.hmiNorth },
  },
} satisfies Record<Scope, unknown>;

/** Fields a forger adds to the card data, claiming to be the record's own SLL. */
function forgedIdentity(scope: Scope): Record<string, unknown> {
  const owner = scopes[scope].owners.sll;
  return {
    actor: owner.objectId,
    userId: owner.objectId,
    objectId: owner.objectId,
    aadObjectId: owner.objectId,
    requestedBy: owner.objectId,
    updatedBy: owner.objectId,
    from: { id: `29:${owner.objectId}`, aadObjectId: owner.objectId, name: owner.name },
    roles: ['admin', 'sll', 'cos', 'hmi'],
  };
}

function valueOf<T>(result: Result<T>): T {
  if (!result.ok) throw new Error(`setting up failed: ${result.error.reason}`);
  return result.value;
}

let dates = 0;
/** A different date each call, so two allowed saves in a row both change something. */
function nextDate(yearMonth: string): string {
  dates += 1;
  return `${yearMonth}-${String(10 + (dates % 18)).padStart(2, '0')}`;
}

/** One verb's case: how to build its data, and who may change something (or see, for views). */
interface VerbCase {
  verb: string;
  /** What "allowed" means for this verb: it changes the record, or it only shows it. */
  kind: 'change' | 'view';
  allowed: Record<Scope, readonly RoleName[]>;
  /** Reading verbs whose refusal is not a refusal (a list shows nothing; a blank form). */
  noRefusal?: boolean;
  data(app: AppUnderTest, scope: Scope): Promise<Record<string, unknown>>;
}

/** Everyone the directory knows in the scope's service or region, and the administrator. */
const canSee: Record<Scope, readonly RoleName[]> = {
  'in scope': ['SLL', 'Chief of Staff', 'HMI', 'SLO', 'admin'],
  'out of scope': ['admin'],
};

const registered = new WeakMap<AppUnderTest, Promise<void>>();
/** Registers a service channel for both services, once per app (engagement requests need one). */
function withChannels(app: AppUnderTest): Promise<void> {
  let done = registered.get(app);
  if (!done) {
    done = (async () => {
      for (const scope of Object.values(scopes)) {
        const key = `19:${scope.serviceCode.toLowerCase()}@thread.tacv2`;
        await registerChannelDirectly(app, scope.serviceCode, key);
      }
    })();
    registered.set(app, done);
  }
  return done;
}

/** An open area for improvement of the scope's service (Cumbria has none, so one is issued). */
async function openAfiId(app: AppUnderTest, scope: Scope): Promise<string> {
  const { serviceCode, owners } = scopes[scope];
  const open = (await app.store.records.listAfis(serviceCode)).find((afi) => afi.value.status === 'open');
  if (open) return open.value.id;
  const issued = valueOf(
    await issueAreaForImprovement(app.appContext, demoPeople.admin as Person, {
      formId: randomUUID(),
      serviceCode,
      questionRef: 'ES1.1',
      text: 'The service should make sure its risk plan uses current data.',
      finding: 'The plan uses data that is several years old.',
      targetDate: '2027-09-30',
      sll: owners.sll.objectId,
      cos: owners.cos.objectId,
    }),
  );
  return issued.afi.id;
}

/** A closure request of the scope's recommendation waiting at `step`, raised by its own SLL. */
async function pendingClosure(app: AppUnderTest, scope: Scope, step: 'cos' | 'hmi'): Promise<string> {
  const { serviceCode, recommendationId, owners } = scopes[scope];
  const waiting = (await app.store.records.listClosureRequests(serviceCode)).find(
    (request) =>
      request.value.subject.id === recommendationId &&
      request.value.status === (step === 'cos' ? 'pendingCos' : 'pendingHmi'),
  );
  if (waiting) return waiting.value.id;
  const raised = valueOf(
    await raiseClosureRequest(app.appContext, owners.sll as Person, {
      subjectId: recommendationId,
      links: ['https://example.org/evidence.pdf'],
      validationNote: 'Seen on a visit.',
    }),
  );
  if (step === 'hmi') {
    valueOf(
      await decideClosure(app.appContext, owners.cos as Person, {
        serviceCode,
        requestId: raised.request.id,
        step: 'cos',
        decision: 'approve',
      }),
    );
  }
  return raised.request.id;
}

let laterDates = 0;
/** Dates for the revisit and monitoring cases, counted apart so the other cases' dates stay as they were. */
function laterDate(yearMonth: string): string {
  laterDates += 1;
  return `${yearMonth}-${String(10 + (laterDates % 18)).padStart(2, '0')}`;
}

/** A revisit of the scope's CoC waiting for the Chief of Staff, proposed by its own SLL. */
async function pendingRevisit(app: AppUnderTest, scope: Scope): Promise<string> {
  const { serviceCode, cocId, owners } = scopes[scope];
  const waiting = (await app.store.records.listRevisits(serviceCode)).find(
    (revisit) => revisit.value.cocId === cocId && revisit.value.status === 'pendingCos',
  );
  if (waiting) return waiting.value.id;
  const day = laterDate('2027-02');
  const proposed = valueOf(
    await proposeRevisitOf(app.appContext, owners.sll as Person, {
      cocId,
      formId: randomUUID(),
      firstDay: day,
      lastDay: day,
      purpose: 'Check progress on site.',
      team: 'The SLL',
    }),
  );
  return proposed.facts.revisit.id;
}

/** Issuing a record from its form for the scope's service, with `fields` naming its owners. */
function issueFromForm(
  verb: string,
  fields: (owners: (typeof scopes)[Scope]['owners']) => Record<string, unknown>,
): VerbCase {
  return {
    verb,
    kind: 'change',
    allowed: { 'in scope': ['SLL', 'admin'], 'out of scope': ['admin'] },
    data: (_app, scope) =>
      Promise.resolve({
        formId: randomUUID(),
        serviceCode: scopes[scope].serviceCode,
        ...fields(scopes[scope].owners),
      }),
  };
}

/** Approving the scope's closure request at `step`: only that step's approver of the service may. */
function approveClosureAt(step: 'cos' | 'hmi', approver: RoleName): VerbCase {
  return {
    verb: 'decideClosure',
    kind: 'change',
    allowed: { 'in scope': [approver], 'out of scope': [] },
    data: async (app, scope) => ({
      serviceCode: scopes[scope].serviceCode,
      requestId: await pendingClosure(app, scope, step),
      step,
      decision: 'approve',
    }),
  };
}

const verbCases: VerbCase[] = [
  issueFromForm('issueCoc', (owners) => ({
    title: 'Prevention work is not prioritised by risk',
    finding: 'The service does not target its home fire safety checks at the people most at risk.',
    pillar: 'effectiveness',
    publicSafetyRisk: 'false',
    fieldworkEndDate: '2026-10-02',
    letterDate: '2026-11-06',
    actionPlanRule: 'workingDaysFromLetter',
    recommendation1: 'Target home fire safety checks at the people most at risk.',
    recommendation1TargetDate: '2027-03-31',
    sll: owners.sll.objectId,
    cos: owners.cos.objectId,
    hmi: owners.hmi.objectId,
  })),
  issueFromForm('issueAfi', (owners) => ({
    questionRef: 'es1.1',
    text: 'The service should make sure its risk plan uses current data.',
    finding: 'The plan uses data that is several years old.',
    targetDate: '2027-09-30',
    sll: owners.sll.objectId,
    cos: owners.cos.objectId,
  })),
  {
    verb: 'updateRecommendation',
    kind: 'change',
    allowed: { 'in scope': ['SLL', 'admin'], 'out of scope': ['admin'] },
    data: async (app, scope) => {
      const { serviceCode, recommendationId } = scopes[scope];
      const current = await app.store.records.getRecommendation(serviceCode, recommendationId);
      const rag = current?.value.rag === 'amber' ? 'red' : 'amber';
      return { recommendationId, status: current?.value.status ?? 'inProgress', rag };
    },
  },
  {
    verb: 'addProgressNote',
    kind: 'change',
    allowed: { 'in scope': ['SLL', 'SLO'], 'out of scope': [] },
    data: (_app, scope) =>
      Promise.resolve({
        recommendationId: scopes[scope].recommendationId,
        text: 'Two more stations trained.',
      }),
  },
  {
    verb: 'reviseTargetDate',
    kind: 'change',
    allowed: { 'in scope': ['SLL', 'admin'], 'out of scope': ['admin'] },
    data: (_app, scope) =>
      Promise.resolve({
        recommendationId: scopes[scope].recommendationId,
        date: nextDate('2027-04'),
        reason: 'The survey moved.',
      }),
  },
  {
    verb: 'recordActionPlanReceived',
    kind: 'change',
    allowed: { 'in scope': ['SLL', 'admin'], 'out of scope': ['admin'] },
    data: (_app, scope) => Promise.resolve({ cocId: scopes[scope].cocId, date: nextDate('2026-11') }),
  },
  {
    verb: 'completeAfi',
    kind: 'change',
    allowed: { 'in scope': ['SLL'], 'out of scope': [] },
    data: async (app, scope) => ({ afiId: await openAfiId(app, scope) }),
  },
  {
    verb: 'submitClosureRequest',
    kind: 'change',
    allowed: { 'in scope': ['SLL'], 'out of scope': [] },
    data: (_app, scope) =>
      Promise.resolve({
        subjectId: scopes[scope].recommendationId,
        validationNote: 'Seen on a visit.',
        link1: 'https://example.org/evidence.pdf',
      }),
  },
  approveClosureAt('cos', 'Chief of Staff'),
  approveClosureAt('hmi', 'HMI'),
  {
    verb: 'requestEngagement',
    kind: 'change',
    allowed: { 'in scope': ['SLL'], 'out of scope': [] },
    data: async (app, scope) => {
      await withChannels(app);
      return { cocId: scopes[scope].cocId, dueDate: nextDate('2026-12') };
    },
  },
  {
    // The SLL who asked may not answer their own request: only the service's SLOs answer.
    verb: 'answerEngagement',
    kind: 'change',
    allowed: { 'in scope': ['SLO'], 'out of scope': [] },
    data: async (app, scope) => {
      await withChannels(app);
      const { cocId, serviceCode, recommendationId, owners } = scopes[scope];
      const made = valueOf(
        await requestEngagementUpdate(app.appContext, owners.sll as Person, {
          cocId,
          dueDate: '2026-12-15',
        }),
      );
      return {
        serviceCode,
        requestId: made.request.id,
        [`rag:${recommendationId}`]: 'amber',
        [`progress:${recommendationId}`]: 'Two more stations trained.',
      };
    },
  },
  {
    // The data names a change the record's own SLL made: only they may undo it.
    verb: 'undoStatus',
    kind: 'change',
    allowed: { 'in scope': ['SLL'], 'out of scope': [] },
    data: async (app, scope) => {
      const { serviceCode, recommendationId, owners } = scopes[scope];
      const current = await app.store.records.getRecommendation(serviceCode, recommendationId);
      const changed = valueOf(
        await quickStatusUpdate(app.appContext, owners.sll as Person, {
          recommendationId,
          rag: current?.value.rag === 'green' ? 'amber' : 'green',
          text: 'Quick note.',
        }),
      );
      return { recommendationId, auditEventId: changed.events[0]?.id ?? '' };
    },
  },
  {
    verb: 'showCoc',
    kind: 'view',
    allowed: canSee,
    data: (_app, scope) => Promise.resolve({ cocId: scopes[scope].cocId }),
  },
  {
    verb: 'refreshCoc',
    kind: 'view',
    allowed: canSee,
    data: (_app, scope) => Promise.resolve({ cocId: scopes[scope].cocId }),
  },
  {
    verb: 'refreshAfi',
    kind: 'view',
    allowed: canSee,
    data: async (app, scope) => ({ afiId: await openAfiId(app, scope) }),
  },
  {
    verb: 'historyPage',
    kind: 'view',
    allowed: canSee,
    data: (_app, scope) => Promise.resolve({ id: scopes[scope].cocId, page: 1 }),
  },
  {
    verb: 'refreshClosure',
    kind: 'view',
    allowed: canSee,
    data: async (app, scope) => ({
      serviceCode: scopes[scope].serviceCode,
      requestId: await pendingClosure(app, scope, 'cos'),
    }),
  },
  {
    verb: 'openRecommendationForm',
    kind: 'view',
    allowed: { 'in scope': ['SLL', 'admin'], 'out of scope': ['admin'] },
    data: (_app, scope) =>
      Promise.resolve({ recommendationId: scopes[scope].recommendationId, form: 'update' }),
  },
  {
    verb: 'openActionPlanForm',
    kind: 'view',
    allowed: { 'in scope': ['SLL', 'admin'], 'out of scope': ['admin'] },
    data: (_app, scope) => Promise.resolve({ cocId: scopes[scope].cocId }),
  },
  {
    verb: 'openClosureForm',
    kind: 'view',
    allowed: { 'in scope': ['SLL'], 'out of scope': [] },
    data: (_app, scope) => Promise.resolve({ subjectId: scopes[scope].recommendationId }),
  },
  {
    verb: 'listPage',
    kind: 'view',
    allowed: canSee,
    data: (_app, scope) =>
      Promise.resolve({ query: { kind: 'service', serviceCode: scopes[scope].serviceCode }, page: 1 }),
  },
  {
    verb: 'openEngagementRequestForm',
    kind: 'view',
    allowed: canSee,
    noRefusal: true,
    data: (_app, scope) => Promise.resolve({ cocId: scopes[scope].cocId }),
  },
  {
    // §20: the SLL or the region's Chief of Staff proposes a revisit.
    verb: 'proposeRevisit',
    kind: 'change',
    allowed: { 'in scope': ['SLL', 'Chief of Staff'], 'out of scope': [] },
    data: (_app, scope) => {
      const day = laterDate('2027-01');
      return Promise.resolve({
        cocId: scopes[scope].cocId,
        formId: randomUUID(),
        firstDay: day,
        lastDay: day,
        purpose: 'Check progress on site.',
        team: 'The SLL and one inspector',
      });
    },
  },
  {
    // §20: the region's Chief of Staff endorses a revisit the SLL proposed.
    verb: 'decideRevisit',
    kind: 'change',
    allowed: { 'in scope': ['Chief of Staff'], 'out of scope': [] },
    data: async (app, scope) => ({
      revisitId: await pendingRevisit(app, scope),
      step: 'cos',
      decision: 'approve',
    }),
  },
  {
    // §27: the service's SLL records that a later inspection found the CoC again.
    verb: 'recordIdentifiedAgain',
    kind: 'change',
    allowed: { 'in scope': ['SLL'], 'out of scope': [] },
    data: (_app, scope) =>
      Promise.resolve({
        cocId: scopes[scope].cocId,
        inspectionDate: nextDate('2026-11'),
        reportLink: 'https://www.hmicfrs.gov.uk/frs-assessment/frs-2026/',
        finding: 'Found again at the inspection.',
        recommendationIds: '',
      }),
  },
  {
    // The SLL or an administrator edits a CoC from its card.
    verb: 'saveCocEdit',
    kind: 'change',
    allowed: { 'in scope': ['SLL', 'admin'], 'out of scope': ['admin'] },
    data: async (app, scope) => {
      const { serviceCode, cocId } = scopes[scope];
      const coc = (await app.store.records.getCoc(serviceCode, cocId))?.value;
      return {
        cocId,
        title: `${coc?.title ?? 'A cause of concern'} (${nextDate('2026-10')})`,
        finding: coc?.finding ?? 'The finding.',
        fieldworkStartDate: coc?.fieldworkStartDate ?? '',
        fieldworkEndDate: coc?.fieldworkEndDate ?? '',
        letterDate: coc?.letterDate ?? '',
        reportPublishedDate: coc?.reportPublishedDate ?? '',
        checkCopySentDate: coc?.checkCopySentDate ?? '',
        websitePublishedDate: coc?.websitePublishedDate ?? '',
      };
    },
  },
  {
    // §22-23: only the region's HM Inspector sets how closely a service is monitored.
    verb: 'setMonitoringLevel',
    kind: 'change',
    allowed: { 'in scope': ['HMI'], 'out of scope': [] },
    data: (_app, scope) =>
      Promise.resolve({
        serviceCode: scopes[scope].serviceCode,
        level: 'enhancedSupport',
        triggers: 'slowProgress',
        support: 'lga',
        note: `Peer support agreed on ${laterDate('2027-03')}.`,
      }),
  },
];

/** What the person sees in an invoke response: the card's text, or the message. */
function answerText(body: unknown): string {
  const response = body as { type?: string; value?: unknown } | undefined;
  if (response?.type === 'application/vnd.microsoft.card.adaptive') return visibleText(response.value);
  if (response?.type === 'application/vnd.microsoft.activity.message') return String(response.value);
  return '';
}

/** A refusal that says why: the policy's "You can't …: <reason>", or who the bot doesn't know. */
const refusalWithReason =
  /You can't [^:\n]+: [^\n]*(you are not|only|as a Service Liaison Officer|it asks the Service Liaison Officers)|not in the CoC Monitor directory/;

interface Row {
  verbCase: VerbCase;
  label: string;
  role: RoleName;
  scope: Scope;
  allowed: boolean;
}

/** Each verb's cases, refusals first: an allowed press may end the state the refusals need. */
function rowsOf(verbCase: VerbCase): Row[] {
  const rows = (['in scope', 'out of scope'] as const).flatMap((scope) =>
    roleNames.map((role): Row => ({
      verbCase,
      label: verbCase.verb,
      role,
      scope,
      allowed: verbCase.allowed[scope].includes(role),
    })),
  );
  return [...rows.filter((row) => !row.allowed), ...rows.filter((row) => row.allowed)];
}

describe.each(verbCases.map((verbCase, index) => [`${verbCase.verb} (${String(index + 1)})`, verbCase]))(
  'the card verb %s',
  (_name, verbCase) => {
    const app = useAppUnderTest();

    it.each(rowsOf(verbCase).map((row) => [row.role, row.scope, row.allowed ? 'allowed' : 'refused', row]))(
      'pressed by %s on a record %s with forged ids: %s',
      async (_role, _scope, _outcome, row) => {
        const data = { ...(await verbCase.data(app, row.scope)), ...forgedIdentity(row.scope) };
        await app.appContext.outbox.idle(); // what the set-up's changes send after they are saved
        const before = await snapshotTables(app.store);

        const turn = await app.client.sendInvoke(verbCase.verb, data, people[row.role]);

        expect(turn.status).toBe(200);
        const said = answerText(turn.body);
        expect(said).not.toMatch(/something went wrong on our side/);
        const changed = changedEntities(before, await snapshotTables(app.store));
        if (verbCase.kind === 'change') {
          if (row.allowed) expect(changed).not.toEqual([]);
          else expect(changed).toEqual([]);
        } else {
          expect(changed).toEqual([]);
        }
        if (row.allowed || verbCase.noRefusal) expect(said).not.toMatch(refusalWithReason);
        else expect(said).toMatch(refusalWithReason);
      },
    );
  },
);
