/**
 * Builders for store tests: a valid record with sensible defaults, overridden where the story needs.
 * Dates come from a real letter (Buckinghamshire, notified 28 April 2023).
 */
import type {
  AreaForImprovement,
  AuditEvent,
  CauseOfConcern,
  Delegation,
  Person,
  ProgressUpdate,
  Recommendation,
  Service,
} from '../../src/domain/records';
import { createStore, type Store } from '../../src/store';
import { testConnectionString, uniqueTablePrefix } from '../support/storage';

export const sll = '00000000-0000-0000-0000-00000000a001';
export const cos = '00000000-0000-0000-0000-00000000a002';
export const hmi = '00000000-0000-0000-0000-00000000a003';

/** A store over fresh tables in the test Azurite. */
export async function aFreshStore(): Promise<Store> {
  const store = createStore({ connectionString: testConnectionString(), tablePrefix: uniqueTablePrefix() });
  await store.ensureTables();
  return store;
}

export function aCauseOfConcern(overrides: Partial<CauseOfConcern> = {}): CauseOfConcern {
  return {
    id: 'BUC-1',
    serviceCode: 'BUC',
    title: 'Protection: risk-based inspection programme',
    finding: 'The service does not have an effective risk-based inspection programme.',
    pillar: 'effectiveness',
    publicSafetyRisk: false,
    fieldworkEndDate: '2023-03-10',
    letterDate: '2023-04-28',
    actionPlanRule: { kind: 'workingDaysFromLetter', days: 28 },
    owners: { sll, cos, hmi },
    status: 'open',
    createdAt: '2023-04-28T09:00:00.000Z',
    createdBy: sll,
    updatedAt: '2023-04-28T09:00:00.000Z',
    updatedBy: sll,
    ...overrides,
  };
}

export function aRecommendation(overrides: Partial<Recommendation> = {}): Recommendation {
  return {
    id: 'BUC-1.1',
    cocId: 'BUC-1',
    serviceCode: 'BUC',
    text: 'By 31 August 2023, the service should make sure its risk-based inspection programme targets high-risk premises.',
    status: 'open',
    originalTargetDate: '2023-08-31',
    targetDateRevisions: [],
    updatedAt: '2023-04-28T09:00:00.000Z',
    updatedBy: sll,
    ...overrides,
  };
}

export function anAreaForImprovement(overrides: Partial<AreaForImprovement> = {}): AreaForImprovement {
  return {
    id: 'BUC-AFI-1',
    serviceCode: 'BUC',
    questionRef: 'ES1.1',
    text: 'The service should make sure its community risk management plan is informed by a comprehensive understanding of risk.',
    status: 'open',
    sll,
    cos,
    createdAt: '2023-04-28T09:00:00.000Z',
    createdBy: sll,
    updatedAt: '2023-04-28T09:00:00.000Z',
    updatedBy: sll,
    ...overrides,
  };
}

export function anAuditEvent(overrides: Partial<AuditEvent> = {}): AuditEvent {
  return {
    id: 'audit-1',
    at: '2023-04-28T09:00:00.000Z',
    actor: sll,
    action: 'coc.created',
    subject: { kind: 'coc', id: 'BUC-1' },
    serviceCode: 'BUC',
    cocId: 'BUC-1',
    changes: [],
    ...overrides,
  };
}

export function aProgressUpdate(overrides: Partial<ProgressUpdate> = {}): ProgressUpdate {
  return {
    id: 'progress-1',
    subjectId: 'BUC-1.1',
    serviceCode: 'BUC',
    at: '2023-07-14T10:30:00.000Z',
    by: sll,
    rag: 'amber',
    text: 'Inspection programme drafted; awaiting sign-off by the strategic board.',
    evidenceLinks: ['https://example.org/evidence/rbip-draft.pdf'],
    source: 'sllNote',
    ...overrides,
  };
}

export function aPerson(overrides: Partial<Person> = {}): Person {
  return {
    objectId: sll,
    tenantId: '00000000-0000-0000-0000-0000000000aa',
    name: 'Sam Patel',
    email: 'sam.patel@example.org',
    roles: ['sll'],
    regionId: 'central',
    serviceCodes: ['BUC', 'HWF'],
    ...overrides,
  };
}

export function aService(overrides: Partial<Service> = {}): Service {
  return { code: 'BUC', name: 'Buckinghamshire Fire and Rescue Service', regionId: 'central', ...overrides };
}

export function aDelegation(overrides: Partial<Delegation> = {}): Delegation {
  return {
    id: 'leave-1',
    from: cos,
    to: hmi,
    role: 'cos',
    startDate: '2023-08-07',
    endDate: '2023-08-18',
    ...overrides,
  };
}
