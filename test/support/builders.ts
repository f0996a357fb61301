/**
 * Builders for every test: sensible Buckinghamshire records from spring 2023 (the HMI update
 * letter is dated 28 April 2023), overridable field by field. A test whose story needs other
 * values (other dates, another person) passes them explicitly.
 */
import { randomUUID } from 'node:crypto';
import { demoPeople } from '../../src/demo/people';
import type { DecisionContext, NewCauseOfConcern } from '../../src/domain/lifecycle';
import type {
  AreaForImprovement,
  AuditEvent,
  CauseOfConcern,
  ClosureRequest,
  Delegation,
  Person,
  ProgressUpdate,
  Recommendation,
  Region,
  Service,
  TargetDateRevision,
} from '../../src/domain/records';

/** A person in the directory; an SLL for Buckinghamshire unless told otherwise. */
export function aPerson(overrides: Partial<Person> = {}): Person {
  return {
    objectId: 'person-1',
    tenantId: 'tenant-1',
    name: 'A Person',
    roles: ['sll'],
    serviceCodes: ['BUC'],
    ...overrides,
  };
}

/** One person per role, plus people out of scope, to build matrices from. */
export const people = {
  sll: aPerson({
    objectId: 'sll-sam',
    name: 'Sam Patel',
    roles: ['sll'],
    regionId: 'central',
    serviceCodes: ['BUC', 'HWF'],
  }),
  otherSll: aPerson({
    objectId: 'sll-kim',
    name: 'Kim Ng',
    roles: ['sll'],
    regionId: 'north',
    serviceCodes: ['CUM'],
  }),
  cos: aPerson({
    objectId: 'cos-morgan',
    name: 'Morgan Hughes',
    roles: ['cos'],
    regionId: 'central',
    serviceCodes: [],
  }),
  otherCos: aPerson({
    objectId: 'cos-robin',
    name: 'Robin Clarke',
    roles: ['cos'],
    regionId: 'north',
    serviceCodes: [],
  }),
  hmi: aPerson({
    objectId: 'hmi-alex',
    name: 'Alex Carter',
    roles: ['hmi'],
    regionId: 'central',
    serviceCodes: [],
  }),
  otherHmi: aPerson({
    objectId: 'hmi-jo',
    name: 'Jo Evans',
    roles: ['hmi'],
    regionId: 'north',
    serviceCodes: [],
  }),
  slo: aPerson({ objectId: 'slo-jordan', name: 'Jordan Lee', roles: ['slo'], serviceCodes: ['BUC'] }),
  otherSlo: aPerson({ objectId: 'slo-chris', name: 'Chris Moss', roles: ['slo'], serviceCodes: ['CUM'] }),
  admin: aPerson({ objectId: 'admin-priya', name: 'Priya Shah', roles: ['admin'], serviceCodes: [] }),
  deputyPortfolioDirector: aPerson({
    objectId: 'dpd-dana',
    name: 'Dana Brooks',
    roles: ['deputyPortfolioDirector'],
    serviceCodes: [],
  }),
} satisfies Record<string, Person>;

/** Buckinghamshire, as a policy target would describe it. */
export const buckinghamshire = {
  serviceCode: 'BUC',
  serviceName: 'Buckinghamshire Fire and Rescue Service',
  regionId: 'central',
  regionName: 'Central',
} as const;

/** The named owners of the Buckinghamshire records. */
export const owners = { sll: people.sll.objectId, cos: people.cos.objectId, hmi: people.hmi.objectId };

/** What the Buckinghamshire cause of concern is issued with, stored or not. */
function asIssued(): Omit<NewCauseOfConcern, 'recommendations'> {
  return {
    id: 'BUC-1',
    serviceCode: 'BUC',
    title: 'Risk information for crews',
    finding: 'Operational crews do not have up-to-date risk information.',
    pillar: 'effectiveness',
    publicSafetyRisk: true,
    fieldworkEndDate: '2023-03-10',
    letterDate: '2023-04-06',
    actionPlanRule: { kind: 'workingDaysFromLetter', days: 28 },
    owners,
  };
}

/** The Buckinghamshire cause of concern as the form issues it, with a dated and an undated recommendation. */
export function aNewCauseOfConcern(overrides: Partial<NewCauseOfConcern> = {}): NewCauseOfConcern {
  return {
    ...asIssued(),
    recommendations: [
      { text: 'Make risk information available to crews.', targetDate: '2023-12-31' },
      { text: 'Audit the quality of risk information.' },
    ],
    ...overrides,
  };
}

/** A cause of concern for Buckinghamshire, open, with public-safety dates in order. */
export function aCauseOfConcern(overrides: Partial<CauseOfConcern> = {}): CauseOfConcern {
  return {
    ...asIssued(),
    checkCopySentDate: '2023-04-14',
    websitePublishedDate: '2023-04-28',
    status: 'open',
    createdAt: '2023-04-06T09:00:00.000Z',
    createdBy: people.sll.objectId,
    updatedAt: '2023-04-06T09:00:00.000Z',
    updatedBy: people.sll.objectId,
    ...overrides,
  };
}

/** A recommendation of BUC-1, in progress unless told otherwise. */
export function aRecommendation(overrides: Partial<Recommendation> = {}): Recommendation {
  return {
    id: 'BUC-1.1',
    cocId: 'BUC-1',
    serviceCode: 'BUC',
    text: 'The service should make sure crews can get risk information quickly.',
    status: 'inProgress',
    targetDateRevisions: [],
    updatedAt: '2023-04-06T09:00:00.000Z',
    updatedBy: people.sll.objectId,
    ...overrides,
  };
}

/** An area for improvement for Buckinghamshire, open unless told otherwise. */
export function anAreaForImprovement(overrides: Partial<AreaForImprovement> = {}): AreaForImprovement {
  return {
    id: 'BUC-AFI-3',
    serviceCode: 'BUC',
    questionRef: 'ES1.1',
    text: 'The service should make sure its prevention work is evaluated.',
    status: 'open',
    sll: people.sll.objectId,
    cos: people.cos.objectId,
    createdAt: '2023-04-06T09:00:00.000Z',
    createdBy: people.sll.objectId,
    updatedAt: '2023-04-06T09:00:00.000Z',
    updatedBy: people.sll.objectId,
    ...overrides,
  };
}

/** A closure request for BUC-1.1 raised by the SLL, waiting for the Chief of Staff. */
export function aClosureRequest(overrides: Partial<ClosureRequest> = {}): ClosureRequest {
  return {
    id: 'closure-1',
    subject: { kind: 'recommendation', id: 'BUC-1.1' },
    serviceCode: 'BUC',
    cocId: 'BUC-1',
    requestedBy: people.sll.objectId,
    requestedAt: '2023-09-01T09:00:00.000Z',
    evidenceLinks: ['https://example.org/evidence/risk-info-audit.pdf'],
    validationNote: 'Dip-sampled 20 premises; all risk information on the MDTs within 24 hours.',
    steps: [{ role: 'cos' }, { role: 'hmi' }],
    status: 'pendingCos',
    ...overrides,
  };
}

/** Leave cover: the central HMI's sign-off goes to the central CoS over the late May bank holiday week. */
export function aDelegation(overrides: Partial<Delegation> = {}): Delegation {
  return {
    id: 'delegation-1',
    from: people.hmi.objectId,
    to: people.cos.objectId,
    role: 'hmi',
    startDate: '2023-05-26',
    endDate: '2023-06-02',
    ...overrides,
  };
}

/** A decision context for `actor` with sequential ids (`id-1`, `id-2`, ...). */
export function aContext(
  actor: Person,
  overrides: Partial<Omit<DecisionContext, 'actor'>> = {},
): DecisionContext {
  let next = 0;
  return {
    actor,
    now: '2023-09-04T10:00:00.000Z',
    newId: () => `id-${++next}`,
    ...overrides,
  };
}

/** A service in the directory; Buckinghamshire unless told otherwise. */
export function aService(overrides: Partial<Service> = {}): Service {
  return {
    code: buckinghamshire.serviceCode,
    name: buckinghamshire.serviceName,
    regionId: buckinghamshire.regionId,
    ...overrides,
  };
}

/** A region of the directory; Central (Buckinghamshire's) unless told otherwise. */
export function aRegion(overrides: Partial<Region> = {}): Region {
  return { id: buckinghamshire.regionId, name: buckinghamshire.regionName, ...overrides };
}

/** The audit event of BUC-1's creation by the SLL. */
export function anAuditEvent(overrides: Partial<AuditEvent> = {}): AuditEvent {
  return {
    id: 'audit-1',
    at: '2023-04-06T09:00:00.000Z',
    actor: people.sll.objectId,
    action: 'coc.created',
    subject: { kind: 'coc', id: 'BUC-1' },
    serviceCode: 'BUC',
    cocId: 'BUC-1',
    changes: [],
    ...overrides,
  };
}

/** The SLL's amber progress note on BUC-1.1, with one evidence link. */
export function aProgressUpdate(overrides: Partial<ProgressUpdate> = {}): ProgressUpdate {
  return {
    id: 'progress-1',
    subjectId: 'BUC-1.1',
    serviceCode: 'BUC',
    at: '2023-07-14T10:30:00.000Z',
    by: people.sll.objectId,
    rag: 'amber',
    text: 'Risk information reviewed; awaiting sign-off by the strategic board.',
    evidenceLinks: ['https://example.org/evidence/risk-info-review.pdf'],
    source: 'sllNote',
    ...overrides,
  };
}

/** A target-date revision agreed by the SLL at a given moment. */
export function aRevision(date: string, at: string): TargetDateRevision {
  return { date, at, reason: 'Agreed with the service at the improvement board.', by: people.sll.objectId };
}

/**
 * The data Teams sends when the `new coc` form is submitted: a CoC for Buckinghamshire with one
 * recommendation, owned by the demo's central SLL, CoS and HMI, with `overrides` typed over it.
 */
export function aCocFormSubmission(overrides: Record<string, string> = {}): Record<string, string> {
  return {
    formId: randomUUID(),
    serviceCode: 'BUC',
    title: 'Safe and well visits are not targeted',
    finding: 'Visits do not go to the people most at risk.',
    pillar: 'effectiveness',
    publicSafetyRisk: 'false',
    fieldworkEndDate: '2026-09-25',
    letterDate: '2026-10-20',
    reportPublishedDate: '',
    actionPlanRule: 'workingDaysFromLetter',
    actionPlanFixedDate: '',
    recommendation1: 'Target safe and well visits at the people most at risk.',
    recommendation1TargetDate: '2027-06-30',
    sll: demoPeople.sll.objectId,
    cos: demoPeople.cos.objectId,
    hmi: demoPeople.hmi.objectId,
    ...overrides,
  };
}
