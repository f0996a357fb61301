/**
 * The demo's progress updates: append-only notes on recommendations, causes of concern and areas
 * for improvement, from the Service Liaison Lead, the service's Service Liaison Officer, a revisit
 * or a later inspection.
 *
 * Fictional: written for the demo, not taken from any real monitoring record.
 */
import type { ProgressUpdate, Recommendation } from '../domain/records';
import { extraDemoPeople } from './extra-people';
import { demoPeople } from './people';

const sll = demoPeople.sll.objectId;
const sloHwf = demoPeople.slo.objectId;
const sloBuc = extraDemoPeople.sloBuckinghamshire.objectId;

/** Every demo progress update, oldest first within each subject. */
export const demoProgressUpdates: ProgressUpdate[] = [
  // Buckinghamshire: risk-based inspection programme (BUC-1)
  {
    id: 'BUC-1.1-U1',
    subjectId: 'BUC-1.1',
    serviceCode: 'BUC',
    at: '2026-02-16T10:20:00Z',
    by: sloBuc,
    rag: 'amber',
    text:
      'Quarterly update: the new premises risk model went live on 5 January 2026 and the risk-based inspection ' +
      'programme has been rebuilt around it. 212 of the 480 highest-risk premises have been audited since ' +
      'December. Two fire safety inspector posts are being advertised.',
    evidenceLinks: ['https://evidence.example.org/buc/rbip-progress-2026-q1.pdf'],
    source: 'sloResponse',
  },
  {
    id: 'BUC-1-U1',
    subjectId: 'BUC-1',
    serviceCode: 'BUC',
    at: '2026-05-14T15:00:00Z',
    by: sll,
    rag: 'amber',
    text:
      'Revisit on 12 May 2026: the programme now audits the highest-risk premises first and audits are quality ' +
      'assured. 298 of 480 premises audited. Two inspector posts are still vacant, so the programme will not be ' +
      'complete by the original date; the HMI agreed a revised date for recommendation 1.1.',
    evidenceLinks: [],
    source: 'revisitFinding',
  },
  {
    id: 'BUC-1.2-U1',
    subjectId: 'BUC-1.2',
    serviceCode: 'BUC',
    at: '2026-06-02T09:40:00Z',
    by: sll,
    rag: 'green',
    text:
      'Evidence validated: all 14 protection staff hold, or are working towards, qualifications in line with the ' +
      'NFCC competency framework for fire safety regulators. I sampled training records against certificates. ' +
      'Ready for closure.',
    evidenceLinks: [
      'https://evidence.example.org/buc/protection-competence-matrix-2026-05.xlsx',
      'https://evidence.example.org/buc/protection-training-records-sample.pdf',
    ],
    source: 'sllNote',
  },
  {
    id: 'BUC-1.1-U2',
    subjectId: 'BUC-1.1',
    serviceCode: 'BUC',
    at: '2026-08-20T11:00:00Z',
    by: sll,
    rag: 'amber',
    text:
      'Both inspectors have been in post since July. 371 of 480 high-risk premises audited; the service expects ' +
      'to finish by the revised date of 27 November 2026 if the autumn audits go to plan.',
    evidenceLinks: [],
    source: 'sllNote',
  },
  {
    id: 'BUC-1.3-U1',
    subjectId: 'BUC-1.3',
    serviceCode: 'BUC',
    at: '2026-10-06T13:15:00Z',
    by: sloBuc,
    rag: 'red',
    text:
      'The business case for four more protection posts has been deferred to the 2027-28 budget. Overtime is ' +
      'covering the gap for now.',
    evidenceLinks: [],
    source: 'sloResponse',
  },
  // Buckinghamshire: values and culture (BUC-2)
  {
    id: 'BUC-2.1-U1',
    subjectId: 'BUC-2.1',
    serviceCode: 'BUC',
    at: '2026-10-14T10:00:00Z',
    by: sloBuc,
    rag: 'green',
    text:
      'An independent reporting line has been procured and will launch on 1 December 2026, with briefings for ' +
      'every watch during November.',
    evidenceLinks: ['https://evidence.example.org/buc/independent-reporting-line-contract-award.pdf'],
    source: 'sloResponse',
  },
  {
    id: 'BUC-2.2-U1',
    subjectId: 'BUC-2.2',
    serviceCode: 'BUC',
    at: '2026-11-09T15:30:00Z',
    by: sll,
    rag: 'amber',
    text:
      '360-degree feedback for the senior leadership team is half done; the service says the rest will be done ' +
      'by 26 November 2026. I will look at the results at the next engagement meeting.',
    evidenceLinks: [],
    source: 'sllNote',
  },
  // Buckinghamshire: area for improvement
  {
    id: 'BUC-AFI-1-U1',
    subjectId: 'BUC-AFI-1',
    serviceCode: 'BUC',
    at: '2026-11-12T10:00:00Z',
    by: sll,
    rag: 'green',
    text:
      'The service has adopted an evaluation framework and published its first evaluations of home fire safety ' +
      'visits and school education. Marked complete for the Chief of Staff to close.',
    evidenceLinks: ['https://evidence.example.org/buc/prevention-evaluation-framework.pdf'],
    source: 'sllNote',
  },
  // Hereford & Worcester: risk information (HWF-1)
  {
    id: 'HWF-AFI-1-U1',
    subjectId: 'HWF-AFI-1',
    serviceCode: 'HWF',
    at: '2026-10-30T12:10:00Z',
    by: sll,
    rag: 'red',
    text:
      'Found again at the 2026 inspection: risk information on the mobile data terminals is still out of date. ' +
      'Now a cause of concern (HWF-1); this area for improvement stays open and the new evidence is recorded there.',
    evidenceLinks: [],
    source: 'laterInspection',
  },
  {
    id: 'HWF-1.2-U1',
    subjectId: 'HWF-1.2',
    serviceCode: 'HWF',
    at: '2026-11-16T09:15:00Z',
    by: sloHwf,
    rag: 'amber',
    text:
      'Backlog down from 640 to 180 records; every very high-risk premises is now uploaded. The remaining ' +
      'records are for medium-risk premises.',
    evidenceLinks: ['https://evidence.example.org/hwf/ssri-backlog-2026-11-13.xlsx'],
    source: 'sloResponse',
  },
  {
    id: 'HWF-1.3-U1',
    subjectId: 'HWF-1.3',
    serviceCode: 'HWF',
    at: '2026-11-18T14:00:00Z',
    by: sll,
    rag: 'red',
    text:
      'The quality assurance process is drafted but the senior management board has not approved it yet; the ' +
      'service expects approval on 3 December 2026.',
    evidenceLinks: [],
    source: 'sllNote',
  },
  // Hereford & Worcester: values and culture (HWF-2)
  {
    id: 'HWF-2.1-U1',
    subjectId: 'HWF-2.1',
    serviceCode: 'HWF',
    at: '2026-07-21T10:00:00Z',
    by: sll,
    rag: 'green',
    text:
      'Validated: 98% of staff have completed training on the values and the Core Code of Ethics, and the staff ' +
      'survey shows 81% understand the values, up from 54%. Ready for closure.',
    evidenceLinks: [
      'https://evidence.example.org/hwf/values-training-completion-2026-07.pdf',
      'https://evidence.example.org/hwf/staff-survey-2026-summary.pdf',
    ],
    source: 'sllNote',
  },
  {
    id: 'HWF-2.3-U1',
    subjectId: 'HWF-2.3',
    serviceCode: 'HWF',
    at: '2026-09-09T13:00:00Z',
    by: sloHwf,
    rag: 'amber',
    text: 'Standard background checks are done for 71% of staff; the rest are booked through to March 2027.',
    evidenceLinks: [],
    source: 'sloResponse',
  },
  {
    id: 'HWF-2.2-U1',
    subjectId: 'HWF-2.2',
    serviceCode: 'HWF',
    at: '2026-10-02T11:30:00Z',
    by: sloHwf,
    rag: 'green',
    text:
      'The independent review has reported: 9 of its 11 recommendations are done and the average time to resolve ' +
      'a case is down from seven months to ten weeks.',
    evidenceLinks: ['https://evidence.example.org/hwf/independent-case-review-report.pdf'],
    source: 'sloResponse',
  },
  // Other regions and services
  {
    id: 'WMF-1.1-U1',
    subjectId: 'WMF-1.1',
    serviceCode: 'WMF',
    at: '2026-09-30T10:00:00Z',
    by: extraDemoPeople.sllCentralWest.objectId,
    rag: 'amber',
    text:
      'Home fire safety visits are now allocated from a risk score, but only 58% of visits this quarter went to ' +
      'the highest-risk households against a target of 75%.',
    evidenceLinks: [],
    source: 'sllNote',
  },
  {
    id: 'CUM-1.1-U1',
    subjectId: 'CUM-1.1',
    serviceCode: 'CUM',
    at: '2026-10-20T14:45:00Z',
    by: extraDemoPeople.sllNorth.objectId,
    rag: 'red',
    text:
      'Daytime on-call availability is still below 60% at six stations. The service is consulting on new ' +
      'on-call contracts but has no date for a decision.',
    evidenceLinks: [],
    source: 'sllNote',
  },
  {
    id: 'LFB-1.1-U1',
    subjectId: 'LFB-1.1',
    serviceCode: 'LFB',
    at: '2026-10-28T09:30:00Z',
    by: extraDemoPeople.sllSouth.objectId,
    rag: 'green',
    text: 'All station managers have completed training on challenging inappropriate behaviour.',
    evidenceLinks: [],
    source: 'sllNote',
  },
  {
    id: 'KEN-1.1-U1',
    subjectId: 'KEN-1.1',
    serviceCode: 'KEN',
    at: '2026-06-18T10:00:00Z',
    by: extraDemoPeople.sllSouth.objectId,
    rag: 'green',
    text: 'Validated: six new protection officers are qualified and the establishment is fully staffed.',
    evidenceLinks: ['https://evidence.example.org/ken/protection-establishment-2026-06.pdf'],
    source: 'sllNote',
  },
  {
    id: 'KEN-1.2-U1',
    subjectId: 'KEN-1.2',
    serviceCode: 'KEN',
    at: '2026-06-18T10:05:00Z',
    by: extraDemoPeople.sllSouth.objectId,
    rag: 'green',
    text: 'Validated: the audit backlog has been cleared and the programme has been on target for two quarters.',
    evidenceLinks: ['https://evidence.example.org/ken/audit-programme-q1-2026-27.pdf'],
    source: 'sllNote',
  },
];

/** The most recent update on a subject, in the shape a recommendation keeps as its `latestUpdate`. */
export function latestUpdateOf(subjectId: string): Recommendation['latestUpdate'] {
  const latest = demoProgressUpdates
    .filter((update) => update.subjectId === subjectId)
    .reduce<ProgressUpdate | undefined>(
      (found, update) => (found && found.at >= update.at ? found : update),
      undefined,
    );
  if (!latest) return undefined;
  const { id, at, by, rag, text, evidenceLinks, source } = latest;
  return { id, at, by, rag, text, evidenceLinks, source };
}
