/** Builders of records for the clock's tests, with dates taken from real letters. */
import { CauseOfConcern, Recommendation, type TargetDateRevision } from '../../../src/domain/records';

const sll = '00000000-0000-0000-0000-00000000a001';

/** A public-safety CoC whose fieldwork ended 8 September 2023 and letter went 19 October 2023. */
export function aCauseOfConcern(overrides: Partial<CauseOfConcern> = {}): CauseOfConcern {
  return CauseOfConcern.parse({
    id: 'BUC-1',
    serviceCode: 'BUC',
    title: 'Protection: risk-based inspection programme',
    finding: 'The service does not have an effective risk-based inspection programme.',
    pillar: 'effectiveness',
    publicSafetyRisk: true,
    fieldworkEndDate: '2023-09-08',
    letterDate: '2023-10-19',
    actionPlanRule: { kind: 'workingDaysFromLetter', days: 28 },
    owners: { sll, cos: '00000000-0000-0000-0000-00000000a002', hmi: '00000000-0000-0000-0000-00000000a003' },
    status: 'open',
    createdAt: '2023-09-20T09:00:00Z',
    createdBy: sll,
    updatedAt: '2023-10-19T09:00:00Z',
    updatedBy: sll,
    ...overrides,
  });
}

/** An open recommendation of BUC-1. */
export function aRecommendation(overrides: Partial<Recommendation> = {}): Recommendation {
  return Recommendation.parse({
    id: 'BUC-1.1',
    cocId: 'BUC-1',
    serviceCode: 'BUC',
    text: 'By 31 March 2024, the service should put in place a risk-based inspection programme.',
    status: 'open',
    targetDateRevisions: [],
    updatedAt: '2023-10-19T09:00:00Z',
    updatedBy: sll,
    ...overrides,
  });
}

/** A target-date revision agreed at a given moment. */
export function aRevision(date: string, at: string): TargetDateRevision {
  return { date, at, reason: 'Agreed with the service at the improvement board.', by: sll };
}
