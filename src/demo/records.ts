/**
 * The whole demo data set: regions, services, people and the records the bot keeps, ready to load
 * into storage for the Agents Playground demo and to drive tests.
 *
 * Everything here parses with the schemas of src/domain/records.ts (test/demo checks it). The
 * Hereford & Worcester areas for improvement come from the service's published improvement plan;
 * the causes of concern, recommendations and updates are fictional. Dates are chosen against
 * `demoToday`, so on that day some things are overdue, some due within 7 days and some later.
 */
import type {
  ActionPlan,
  AreaForImprovement,
  CauseOfConcern,
  LocalDate,
  Person,
  ProgressUpdate,
  Recommendation,
  Region,
} from '../domain/records';
import { demoCauseOfConcernActionPlans, demoCausesOfConcern } from './causes-of-concern';
import { extraDemoDirectory } from './extra-people';
import { hwfActionPlans, hwfAreasForImprovement } from './hwfrs-improvement-plan';
import { demoDirectory, demoPeople } from './people';
import { demoProgressUpdates } from './progress-updates';
import { demoRecommendations } from './recommendations';
import { demoRegions } from './regions';
import { demoServices, type DemoService } from './services';

/** The date the demo is staged for (Europe/London): pass it as `now`'s date when showing the demo. */
export const demoToday: LocalDate = '2026-11-22';

/** Buckinghamshire's one area for improvement: marked complete by the SLL, waiting for the CoS (§30). */
export const bucAreasForImprovement: AreaForImprovement[] = [
  {
    id: 'BUC-AFI-1',
    serviceCode: 'BUC',
    questionRef: 'ES2.3',
    text: 'The service should evaluate its prevention work, so it understands the benefits better.',
    finding:
      'The service does not evaluate its prevention activity, so it cannot tell which activities reduce risk.',
    targetDate: '2026-12-31',
    status: 'complete',
    sll: demoPeople.sll.objectId,
    cos: demoPeople.cos.objectId,
    completedAt: '2026-11-12T10:00:00Z',
    completedBy: demoPeople.sll.objectId,
    createdAt: '2026-07-29T10:05:00Z',
    createdBy: demoPeople.sll.objectId,
    updatedAt: '2026-11-12T10:00:00Z',
    updatedBy: demoPeople.sll.objectId,
  },
];

/** Everyone in the demo: the Playground's mock users plus the owners of other regions' records. */
export const demoPeopleAll: Person[] = [...demoDirectory, ...extraDemoDirectory];

/** Every demo area for improvement. */
export const demoAreasForImprovement: AreaForImprovement[] = [
  ...hwfAreasForImprovement,
  ...bucAreasForImprovement,
];

/** Every demo action plan: Hereford & Worcester's improvement plan, then the causes of concern. */
export const demoActionPlans: ActionPlan[] = [...hwfActionPlans, ...demoCauseOfConcernActionPlans];

/** The shape of the demo data set, one array per kind of record. */
export interface DemoDataSet {
  regions: Region[];
  services: DemoService[];
  people: Person[];
  causesOfConcern: CauseOfConcern[];
  recommendations: Recommendation[];
  areasForImprovement: AreaForImprovement[];
  actionPlans: ActionPlan[];
  progressUpdates: ProgressUpdate[];
}

/** The demo data set, for a seeding script to write to storage. */
export const demoDataSet: DemoDataSet = {
  regions: demoRegions,
  services: demoServices,
  people: demoPeopleAll,
  causesOfConcern: demoCausesOfConcern,
  recommendations: demoRecommendations,
  areasForImprovement: demoAreasForImprovement,
  actionPlans: demoActionPlans,
  progressUpdates: demoProgressUpdates,
};
