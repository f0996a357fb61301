/**
 * The demo's recommendations: two to three per cause of concern, and one to an external body (§31).
 *
 * Fictional, like the causes of concern they belong to. On the demo's today (22 November 2026) some
 * are overdue (BUC-1.3, BUC-2.3, HWF-1.3, CUM-1.1), some due within 7 days (HWF-1.2, BUC-2.2, BUC-1.1)
 * and the rest later. Each `latestUpdate` is the newest entry of progress-updates.ts for it.
 */
import type { Recommendation } from '../domain/records';
import { extraDemoPeople } from './extra-people';
import { demoPeople } from './people';
import { latestUpdateOf } from './progress-updates';

const sll = demoPeople.sll.objectId;
const hmi = demoPeople.hmi.objectId;

/** Every demo recommendation. */
export const demoRecommendations: Recommendation[] = [
  // BUC-1: risk-based inspection programme
  {
    id: 'BUC-1.1',
    cocId: 'BUC-1',
    serviceCode: 'BUC',
    text:
      'The service should make sure its risk-based inspection programme targets the premises that present the ' +
      'highest risk, and that it audits them within the timescales it has set.',
    status: 'inProgress',
    rag: 'amber',
    originalTargetDate: '2026-03-31',
    targetDateRevisions: [
      {
        date: '2026-11-27',
        reason:
          'At the revisit on 12 May 2026 two inspector posts were still vacant; the HMI agreed a later date for ' +
          'the remaining audits.',
        by: sll,
        at: '2026-05-15T09:30:00Z',
      },
    ],
    latestUpdate: latestUpdateOf('BUC-1.1'),
    updatedAt: '2026-08-20T11:00:00Z',
    updatedBy: sll,
  },
  {
    id: 'BUC-1.2',
    cocId: 'BUC-1',
    serviceCode: 'BUC',
    text: 'The service should make sure the staff who carry out fire safety audits are competent and suitably qualified.',
    status: 'closed',
    rag: 'green',
    originalTargetDate: '2026-06-30',
    targetDateRevisions: [],
    latestUpdate: latestUpdateOf('BUC-1.2'),
    signedOffAt: '2026-07-08T16:00:00Z',
    signedOffBy: hmi,
    updatedAt: '2026-07-08T16:00:00Z',
    updatedBy: hmi,
  },
  {
    id: 'BUC-1.3',
    cocId: 'BUC-1',
    serviceCode: 'BUC',
    text: 'The service should make sure it has enough qualified protection staff to deliver its risk-based inspection programme.',
    status: 'inProgress',
    rag: 'red',
    originalTargetDate: '2026-09-30',
    targetDateRevisions: [],
    latestUpdate: latestUpdateOf('BUC-1.3'),
    updatedAt: '2026-10-06T13:15:00Z',
    updatedBy: sll,
  },
  // BUC-2: values and culture
  {
    id: 'BUC-2.1',
    cocId: 'BUC-2',
    serviceCode: 'BUC',
    text: 'The service should make sure staff have a confidential and independent way to raise concerns, and that they trust it.',
    status: 'inProgress',
    rag: 'green',
    originalTargetDate: '2026-12-31',
    targetDateRevisions: [],
    latestUpdate: latestUpdateOf('BUC-2.1'),
    updatedAt: '2026-10-14T10:00:00Z',
    updatedBy: sll,
  },
  {
    id: 'BUC-2.2',
    cocId: 'BUC-2',
    serviceCode: 'BUC',
    text:
      'The service should make sure its senior leaders act as role models of its values and the Core Code of ' +
      'Ethics, and seek feedback from staff on how well they do so.',
    status: 'inProgress',
    rag: 'amber',
    originalTargetDate: '2026-11-26',
    targetDateRevisions: [],
    latestUpdate: latestUpdateOf('BUC-2.2'),
    updatedAt: '2026-11-09T15:30:00Z',
    updatedBy: sll,
  },
  {
    id: 'BUC-2.3',
    cocId: 'BUC-2',
    serviceCode: 'BUC',
    text: 'The service should make sure grievance and misconduct cases are handled fairly and promptly.',
    status: 'open',
    originalTargetDate: '2026-09-30',
    targetDateRevisions: [
      {
        date: '2026-10-30',
        reason: 'The representative bodies asked for four more weeks of consultation on the revised policy.',
        by: sll,
        at: '2026-09-18T10:00:00Z',
      },
    ],
    updatedAt: '2026-09-18T10:00:00Z',
    updatedBy: sll,
  },
  // HWF-1: risk information for operational crews
  {
    id: 'HWF-1.1',
    cocId: 'HWF-1',
    serviceCode: 'HWF',
    text: 'The service should make sure its firefighters have good access to relevant and up-to-date risk information.',
    status: 'open',
    originalTargetDate: '2027-01-31',
    targetDateRevisions: [],
    updatedAt: '2026-10-30T12:00:00Z',
    updatedBy: sll,
  },
  {
    id: 'HWF-1.2',
    cocId: 'HWF-1',
    serviceCode: 'HWF',
    text:
      'The service should clear its backlog of site-specific risk information records waiting to be uploaded, ' +
      'starting with the highest-risk premises.',
    status: 'inProgress',
    rag: 'amber',
    originalTargetDate: '2026-11-25',
    targetDateRevisions: [],
    latestUpdate: latestUpdateOf('HWF-1.2'),
    updatedAt: '2026-11-16T09:15:00Z',
    updatedBy: sll,
  },
  {
    id: 'HWF-1.3',
    cocId: 'HWF-1',
    serviceCode: 'HWF',
    text: 'The service should put in place a process to quality assure risk information before it reaches crews.',
    status: 'inProgress',
    rag: 'red',
    originalTargetDate: '2026-11-13',
    targetDateRevisions: [],
    latestUpdate: latestUpdateOf('HWF-1.3'),
    updatedAt: '2026-11-18T14:00:00Z',
    updatedBy: sll,
  },
  // HWF-2: values and culture
  {
    id: 'HWF-2.1',
    cocId: 'HWF-2',
    serviceCode: 'HWF',
    text: 'The service should make sure all staff understand and show its values and the Core Code of Ethics.',
    status: 'closed',
    rag: 'green',
    originalTargetDate: '2026-06-01',
    targetDateRevisions: [],
    latestUpdate: latestUpdateOf('HWF-2.1'),
    signedOffAt: '2026-09-15T11:00:00Z',
    signedOffBy: hmi,
    updatedAt: '2026-09-15T11:00:00Z',
    updatedBy: hmi,
  },
  {
    id: 'HWF-2.2',
    cocId: 'HWF-2',
    serviceCode: 'HWF',
    text:
      'The service should make sure its processes for dealing with bullying, harassment and discrimination are ' +
      'timely and that staff trust them.',
    status: 'inProgress',
    rag: 'green',
    originalTargetDate: '2026-06-01',
    targetDateRevisions: [
      {
        date: '2026-12-18',
        reason:
          'The service commissioned an independent review of open cases; the new date lets the review report first.',
        by: sll,
        at: '2026-05-20T09:00:00Z',
      },
    ],
    latestUpdate: latestUpdateOf('HWF-2.2'),
    updatedAt: '2026-10-02T11:30:00Z',
    updatedBy: sll,
  },
  {
    id: 'HWF-2.3',
    cocId: 'HWF-2',
    serviceCode: 'HWF',
    text:
      'The service should make sure all staff have the background checks its policy requires, and that checks ' +
      'are repeated when they fall due.',
    status: 'inProgress',
    rag: 'amber',
    originalTargetDate: '2027-03-31',
    targetDateRevisions: [],
    latestUpdate: latestUpdateOf('HWF-2.3'),
    updatedAt: '2026-09-09T13:00:00Z',
    updatedBy: sll,
  },
  // Other services
  {
    id: 'WMF-1.1',
    cocId: 'WMF-1',
    serviceCode: 'WMF',
    text: 'The service should make sure its prevention activity is targeted at the people most at risk from fire.',
    status: 'inProgress',
    rag: 'amber',
    originalTargetDate: '2026-12-31',
    targetDateRevisions: [],
    latestUpdate: latestUpdateOf('WMF-1.1'),
    updatedAt: '2026-09-30T10:00:00Z',
    updatedBy: extraDemoPeople.sllCentralWest.objectId,
  },
  {
    id: 'WMF-1.2',
    cocId: 'WMF-1',
    serviceCode: 'WMF',
    text: 'The service should clear its backlog of high-risk referrals from partner agencies.',
    status: 'open',
    originalTargetDate: '2027-02-26',
    targetDateRevisions: [],
    updatedAt: '2026-05-20T09:00:00Z',
    updatedBy: extraDemoPeople.sllCentralWest.objectId,
  },
  {
    id: 'CUM-1.1',
    cocId: 'CUM-1',
    serviceCode: 'CUM',
    text:
      'The service should make sure enough on-call fire engines are available to meet the risk set out in its ' +
      'community risk management plan.',
    status: 'inProgress',
    rag: 'red',
    originalTargetDate: '2026-10-31',
    targetDateRevisions: [],
    latestUpdate: latestUpdateOf('CUM-1.1'),
    updatedAt: '2026-10-20T14:45:00Z',
    updatedBy: extraDemoPeople.sllNorth.objectId,
  },
  {
    id: 'CUM-1.2',
    cocId: 'CUM-1',
    serviceCode: 'CUM',
    text: 'The service should monitor on-call availability and act promptly when it falls.',
    status: 'open',
    originalTargetDate: '2027-02-26',
    targetDateRevisions: [],
    updatedAt: '2026-04-10T09:30:00Z',
    updatedBy: extraDemoPeople.sllNorth.objectId,
  },
  {
    id: 'LFB-1.1',
    cocId: 'LFB-1',
    serviceCode: 'LFB',
    text: 'The service should make sure managers challenge inappropriate behaviour, and that staff see it challenged.',
    status: 'inProgress',
    rag: 'green',
    originalTargetDate: '2026-12-04',
    targetDateRevisions: [],
    latestUpdate: latestUpdateOf('LFB-1.1'),
    updatedAt: '2026-10-28T09:30:00Z',
    updatedBy: extraDemoPeople.sllSouth.objectId,
  },
  {
    id: 'LFB-1.2',
    cocId: 'LFB-1',
    serviceCode: 'LFB',
    text: 'The service should put in place measures that show whether its work to change its culture is working.',
    status: 'open',
    originalTargetDate: '2027-03-31',
    targetDateRevisions: [],
    updatedAt: '2026-03-11T10:00:00Z',
    updatedBy: extraDemoPeople.sllSouth.objectId,
  },
  {
    id: 'KEN-1.1',
    cocId: 'KEN-1',
    serviceCode: 'KEN',
    text: 'The service should make sure it has enough qualified protection staff to carry out its risk-based inspection programme.',
    status: 'closed',
    rag: 'green',
    originalTargetDate: '2026-06-30',
    targetDateRevisions: [],
    latestUpdate: latestUpdateOf('KEN-1.1'),
    signedOffAt: '2026-07-30T15:00:00Z',
    signedOffBy: extraDemoPeople.hmiSouth.objectId,
    updatedAt: '2026-07-30T15:00:00Z',
    updatedBy: extraDemoPeople.hmiSouth.objectId,
  },
  {
    id: 'KEN-1.2',
    cocId: 'KEN-1',
    serviceCode: 'KEN',
    text: 'The service should clear its backlog of fire safety audits.',
    status: 'closed',
    rag: 'green',
    originalTargetDate: '2026-06-30',
    targetDateRevisions: [],
    latestUpdate: latestUpdateOf('KEN-1.2'),
    signedOffAt: '2026-07-30T15:05:00Z',
    signedOffBy: extraDemoPeople.hmiSouth.objectId,
    updatedAt: '2026-07-30T15:05:00Z',
    updatedBy: extraDemoPeople.hmiSouth.objectId,
  },
  // To an external body (§31-32): owned by the deputy portfolio director, no cause of concern.
  {
    id: 'EXT-1',
    externalBody: 'National Fire Chiefs Council',
    connectedCocId: 'BUC-2',
    hmi: demoPeople.hmi.objectId,
    text:
      'The National Fire Chiefs Council should publish guidance for services on independent ways for staff to ' +
      'raise concerns.',
    status: 'open',
    originalTargetDate: '2027-06-30',
    targetDateRevisions: [],
    updatedAt: '2026-07-01T09:00:00Z',
    updatedBy: demoPeople.deputyPortfolioDirector.objectId,
  },
];
