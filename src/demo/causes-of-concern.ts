/**
 * The demo's causes of concern and the services' action plans for two of them.
 *
 * Fictional: the findings are modelled on the kinds of concern in the seed documents (a failure to
 * carry out a risk-based inspection programme, the rule book's example in §8; values and culture,
 * the 2023 spotlight report) and are not findings about the real services named.
 *
 * Dates are set against the demo's today of 22 November 2026 (see `demoToday` in records.ts):
 * public-safety letters go within 6 weeks of the end of fieldwork (§8), reports are published later,
 * and each action-plan rule of the §13 table appears once or more.
 */
import type { ActionPlan, CauseOfConcern, Owners } from '../domain/records';
import { extraDemoPeople } from './extra-people';
import { demoPeople } from './people';

const sll = demoPeople.sll.objectId;

/** The demo SLL's services (BUC, HWF): Sam Patel, Morgan Hughes, Alex Carter. */
const centralOwners: Owners = { sll, cos: demoPeople.cos.objectId, hmi: demoPeople.hmi.objectId };
/** Another central SLL's service: the central CoS and HMI see it, the demo SLL does not own it. */
const centralWestOwners: Owners = {
  sll: extraDemoPeople.sllCentralWest.objectId,
  cos: demoPeople.cos.objectId,
  hmi: demoPeople.hmi.objectId,
};
const northOwners: Owners = {
  sll: extraDemoPeople.sllNorth.objectId,
  cos: demoPeople.cosNorth.objectId,
  hmi: extraDemoPeople.hmiNorth.objectId,
};
const southOwners: Owners = {
  sll: extraDemoPeople.sllSouth.objectId,
  cos: extraDemoPeople.cosSouth.objectId,
  hmi: extraDemoPeople.hmiSouth.objectId,
};

/** Every demo cause of concern. */
export const demoCausesOfConcern: CauseOfConcern[] = [
  {
    id: 'BUC-1',
    serviceCode: 'BUC',
    title: 'Risk-based inspection programme',
    finding:
      'The service has not carried out its risk-based inspection programme. Many of the premises it has ' +
      'identified as highest risk, including buildings where people sleep, have not been audited within the ' +
      'timescales the service set itself. This is a potential risk to public safety.',
    pillar: 'effectiveness',
    publicSafetyRisk: true,
    fieldworkEndDate: '2025-10-17',
    letterDate: '2025-11-21',
    checkCopySentDate: '2025-11-28',
    websitePublishedDate: '2025-12-12',
    reportPublishedDate: '2026-06-24',
    actionPlanRule: { kind: 'workingDaysFromLetter', days: 28 },
    actionPlanReceivedDate: '2025-12-19',
    revisitDate: '2026-05-12',
    owners: centralOwners,
    rag: 'amber',
    status: 'open',
    createdAt: '2025-11-21T11:00:00Z',
    createdBy: sll,
    updatedAt: '2026-05-14T15:00:00Z',
    updatedBy: sll,
  },
  {
    id: 'BUC-2',
    serviceCode: 'BUC',
    title: 'Values and culture',
    finding:
      'Staff do not trust the service’s processes for raising concerns about bullying, harassment and ' +
      'discrimination, and some told us they fear the consequences of speaking up. Senior leaders are not ' +
      'consistently seen to act in line with the service’s values. Grievance and misconduct cases take too ' +
      'long to resolve.',
    pillar: 'people',
    publicSafetyRisk: false,
    fieldworkEndDate: '2026-02-13',
    reportPublishedDate: '2026-07-29',
    actionPlanRule: { kind: 'daysFromPublication', days: 28 },
    actionPlanReceivedDate: '2026-08-21',
    owners: centralOwners,
    rag: 'amber',
    status: 'open',
    createdAt: '2026-07-29T10:00:00Z',
    createdBy: sll,
    updatedAt: '2026-09-18T10:00:00Z',
    updatedBy: sll,
  },
  {
    id: 'HWF-1',
    serviceCode: 'HWF',
    title: 'Risk information for operational crews',
    finding:
      'Firefighters do not have reliable access to up-to-date risk information on the mobile data terminals. ' +
      'More than 600 site-specific risk information records were waiting to be uploaded, and some records for ' +
      'high-risk premises were more than three years old. This is a potential risk to the public and to ' +
      'firefighters. We first raised access to risk information as an area for improvement in 2018 (ES1.1).',
    pillar: 'effectiveness',
    publicSafetyRisk: true,
    fieldworkEndDate: '2026-09-25',
    letterDate: '2026-10-30',
    checkCopySentDate: '2026-11-06',
    websitePublishedDate: '2026-11-20',
    actionPlanRule: { kind: 'workingDaysFromLetter', days: 28 },
    owners: centralOwners,
    rag: 'red',
    status: 'open',
    createdAt: '2026-10-30T12:00:00Z',
    createdBy: sll,
    updatedAt: '2026-11-20T16:00:00Z',
    updatedBy: sll,
  },
  {
    id: 'HWF-2',
    serviceCode: 'HWF',
    title: 'Values and culture',
    finding:
      'Some staff told us they had experienced or seen bullying, harassment or discrimination and had not ' +
      'reported it. The service’s processes for dealing with such behaviour are slow and staff do not trust ' +
      'them. Not all staff have had the background checks the service’s own policy requires.',
    pillar: 'people',
    publicSafetyRisk: false,
    fieldworkEndDate: '2025-06-20',
    reportPublishedDate: '2025-12-10',
    actionPlanRule: { kind: 'fixedDate', date: '2026-01-30' },
    actionPlanReceivedDate: '2026-01-28',
    owners: centralOwners,
    rag: 'green',
    status: 'open',
    createdAt: '2025-12-10T10:00:00Z',
    createdBy: sll,
    updatedAt: '2026-05-20T09:00:00Z',
    updatedBy: sll,
  },
  {
    id: 'WMF-1',
    serviceCode: 'WMF',
    title: 'Targeting prevention work',
    finding:
      'The service cannot show that its prevention staff are used productively. Home fire safety visits are not ' +
      'targeted at the people most at risk from fire, and there is a backlog of high-risk referrals from ' +
      'partner agencies.',
    pillar: 'efficiency',
    publicSafetyRisk: false,
    fieldworkEndDate: '2025-11-14',
    reportPublishedDate: '2026-05-20',
    actionPlanRule: { kind: 'daysFromPublication', days: 28 },
    actionPlanReceivedDate: '2026-06-15',
    owners: centralWestOwners,
    rag: 'amber',
    status: 'open',
    createdAt: '2026-05-20T09:00:00Z',
    createdBy: centralWestOwners.sll,
    updatedAt: '2026-09-30T10:00:00Z',
    updatedBy: centralWestOwners.sll,
  },
  {
    id: 'CUM-1',
    serviceCode: 'CUM',
    title: 'Availability of on-call fire engines',
    finding:
      'Too few on-call fire engines are available, especially during the day. Some stations were unavailable ' +
      'for more than half of the time, so response times in rural areas are much longer than the service’s own ' +
      'standards. This is a potential risk to public safety.',
    pillar: 'effectiveness',
    publicSafetyRisk: true,
    fieldworkEndDate: '2026-03-06',
    letterDate: '2026-04-10',
    checkCopySentDate: '2026-04-17',
    websitePublishedDate: '2026-05-01',
    reportPublishedDate: '2026-09-16',
    actionPlanRule: { kind: 'workingDaysFromLetter', days: 28 },
    actionPlanReceivedDate: '2026-05-19',
    revisitDate: '2026-12-03',
    owners: northOwners,
    rag: 'red',
    status: 'open',
    createdAt: '2026-04-10T09:30:00Z',
    createdBy: northOwners.sll,
    updatedAt: '2026-10-20T14:45:00Z',
    updatedBy: northOwners.sll,
  },
  {
    id: 'LFB-1',
    serviceCode: 'LFB',
    title: 'Values and culture',
    finding:
      'Staff from under-represented groups told us about discriminatory behaviour that managers had not ' +
      'challenged. The service does not yet have reliable ways of knowing whether its work to change its ' +
      'culture is having an effect.',
    pillar: 'people',
    publicSafetyRisk: false,
    fieldworkEndDate: '2025-09-26',
    reportPublishedDate: '2026-03-11',
    actionPlanRule: { kind: 'daysFromPublication', days: 28 },
    actionPlanReceivedDate: '2026-04-07',
    owners: southOwners,
    rag: 'green',
    status: 'open',
    createdAt: '2026-03-11T10:00:00Z',
    createdBy: southOwners.sll,
    updatedAt: '2026-10-28T09:30:00Z',
    updatedBy: southOwners.sll,
  },
  {
    id: 'KEN-1',
    serviceCode: 'KEN',
    title: 'Protection resourcing',
    finding:
      'The service does not have enough qualified protection staff to carry out its risk-based inspection ' +
      'programme, and its backlog of audits is growing.',
    pillar: 'efficiency',
    publicSafetyRisk: false,
    fieldworkEndDate: '2025-02-14',
    reportPublishedDate: '2025-07-23',
    actionPlanRule: { kind: 'daysFromPublication', days: 28 },
    actionPlanReceivedDate: '2025-08-19',
    owners: southOwners,
    rag: 'green',
    status: 'closed',
    closedAt: '2026-07-30T15:05:00Z',
    closureLetter:
      'The cause of concern about protection resourcing is now closed. The service has recruited and trained six ' +
      'protection officers, cleared its backlog of audits and kept its risk-based inspection programme on ' +
      'target for two quarters. We will look at protection again at the next inspection.',
    createdAt: '2025-07-23T09:00:00Z',
    createdBy: southOwners.sll,
    updatedAt: '2026-08-04T10:00:00Z',
    updatedBy: southOwners.hmi,
  },
];

/** The services' action plans for BUC-1 and HWF-2, using every action status the plans use. */
export const demoCauseOfConcernActionPlans: ActionPlan[] = [
  {
    subjectId: 'BUC-1',
    serviceCode: 'BUC',
    receivedDate: '2025-12-19',
    actions: [
      {
        id: '1',
        description:
          'Adopt a premises risk model that ranks every non-domestic premises by risk, including where people sleep.',
        owner: 'Head of Protection',
        targetDate: '2026-01-31',
        status: 'complete',
        progress: 'Live from 5 January 2026.',
      },
      {
        id: '2',
        description: 'Recruit two fire safety inspectors.',
        owner: 'Head of Protection',
        targetDate: '2026-06-30',
        status: 'complete',
        progress: 'Both in post from July 2026, later than planned.',
      },
      {
        id: '3',
        description: 'Audit all 480 highest-risk premises.',
        owner: 'Head of Protection',
        targetDate: '2026-11-27',
        status: 'ongoing',
        progress: '371 audited by 20 August 2026.',
      },
      {
        id: '4',
        description: 'Fund four more protection posts from the 2026-27 budget.',
        owner: 'Chief Fire Officer',
        targetDate: '2026-09-30',
        status: 'atRisk',
        progress: 'Business case deferred to the 2027-28 budget.',
      },
      {
        id: '5',
        description: 'Ask the LGA and NFCC for targeted peer support on protection.',
        owner: 'Head of Protection',
        targetDate: '2027-03-31',
        status: 'deferred',
        progress: 'Deferred until the new inspectors are trained.',
      },
    ],
  },
  {
    subjectId: 'HWF-2',
    serviceCode: 'HWF',
    receivedDate: '2026-01-28',
    actions: [
      {
        id: '1',
        description: 'Train all staff on the service’s values and the Core Code of Ethics.',
        owner: 'Director of People',
        targetDate: '2026-05-31',
        status: 'complete',
        progress: '98% of staff trained by July 2026.',
      },
      {
        id: '2',
        description:
          'Commission an independent review of open bullying, harassment and discrimination cases.',
        owner: 'Director of People',
        targetDate: '2026-07-31',
        status: 'complete',
      },
      {
        id: '3',
        description: 'Act on the independent review’s recommendations.',
        owner: 'Director of People',
        targetDate: '2026-12-18',
        status: 'ongoing',
        progress: '9 of 11 recommendations done.',
      },
      {
        id: '4',
        description: 'Complete background checks for all staff.',
        owner: 'Director of People',
        targetDate: '2027-03-31',
        status: 'ongoing',
        progress: '71% done.',
      },
    ],
  },
];
