/**
 * The records CoC Monitor keeps, as zod schemas with their inferred types.
 *
 * These are the shapes the domain reasons about. Storage maps them to table entities and back
 * (parsing on the way in); cards render them. See docs/domain-glossary.md for the terms.
 *
 * Conventions:
 * - `LocalDate` is a calendar date in Europe/London written `YYYY-MM-DD` (letters, target dates).
 * - `Instant` is an ISO 8601 timestamp in UTC (when something happened).
 * - People are referred to by their Entra object id (`ObjectId`).
 */
import { z } from 'zod';

/** A calendar date in Europe/London, `YYYY-MM-DD`. */
export const LocalDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date written YYYY-MM-DD')
  .refine((s) => {
    const [y, m, d] = s.split('-').map(Number) as [number, number, number];
    const date = new Date(Date.UTC(y, m - 1, d));
    return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
  }, 'is not a real date');
export type LocalDate = z.infer<typeof LocalDate>;

/** A moment in time, ISO 8601 in UTC. */
export const Instant = z.iso.datetime({ offset: true });
export type Instant = z.infer<typeof Instant>;

/** An Entra (Azure AD) object id. */
export const ObjectId = z.string().min(1).max(64);
export type ObjectId = z.infer<typeof ObjectId>;

/** An https link to evidence. */
export const EvidenceLink = z
  .string()
  .max(2000, 'must be at most 2000 characters')
  .url('must be a web address')
  .refine((s) => s.startsWith('https://'), 'must start with https://');

export const Role = z.enum(['sll', 'cos', 'hmi', 'slo', 'deputyPortfolioDirector', 'admin', 'sro']);
export type Role = z.infer<typeof Role>;

export const roleNames: Record<Role, string> = {
  sll: 'Service Liaison Lead',
  cos: 'Chief of Staff',
  hmi: 'HM Inspector',
  slo: 'Service Liaison Officer',
  deputyPortfolioDirector: 'Deputy portfolio director',
  admin: 'Administrator',
  sro: 'Senior Responsible Officer',
};

/** Short code of a fire and rescue service, e.g. `BUC`; also the prefix of its record ids. */
export const ServiceCode = z.string().regex(/^[A-Z]{2,5}$/, 'must be 2 to 5 capital letters');
export type ServiceCode = z.infer<typeof ServiceCode>;

export const RegionId = z.string().regex(/^[a-z][a-z-]*$/);
export type RegionId = z.infer<typeof RegionId>;

export const Region = z.object({ id: RegionId, name: z.string().min(1) });
export type Region = z.infer<typeof Region>;

/** A fire and rescue service in England. */
export const Service = z.object({
  code: ServiceCode,
  name: z.string().min(1).max(200),
  regionId: RegionId,
  /** Named in letters (§25): the chief fire officer, the chair of the authority, the authority. */
  chiefFireOfficer: z.string().max(200).optional(),
  authorityChair: z.string().max(200).optional(),
  authorityName: z.string().max(200).optional(),
});
export type Service = z.infer<typeof Service>;

/** An entry of the bot's own directory: who someone is and what they may do. */
export const Person = z.object({
  objectId: ObjectId,
  tenantId: z.string().min(1),
  name: z.string().min(1).max(200),
  email: z.string().email().optional(),
  roles: z.array(Role),
  /** Inspectorate roles (CoS, HMI) work for a region. */
  regionId: RegionId.optional(),
  /** SLL: the services assigned to them. SLO: the service they work for. */
  serviceCodes: z.array(ServiceCode).default([]),
});
export type Person = z.infer<typeof Person>;

/** A CoS or HMI covering for another over a date range (leave cover). */
export const Delegation = z.object({
  id: z.string().min(1),
  from: ObjectId,
  to: ObjectId,
  role: z.enum(['cos', 'hmi']),
  startDate: LocalDate,
  endDate: LocalDate,
});
export type Delegation = z.infer<typeof Delegation>;

export const Pillar = z.enum(['effectiveness', 'efficiency', 'people']);
export type Pillar = z.infer<typeof Pillar>;

export const Rag = z.enum(['red', 'amber', 'green']);
export type Rag = z.infer<typeof Rag>;

/** How the service's action-plan due date is worked out; chosen per CoC (§13 table). */
export const ActionPlanRule = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('workingDaysFromLetter'), days: z.number().int().positive().default(28) }),
  z.object({ kind: z.literal('daysFromPublication'), days: z.number().int().positive().default(28) }),
  /** "Within 28 days of the letter": calendar days from the letter date. */
  z.object({ kind: z.literal('daysFromLetter'), days: z.number().int().positive().default(28) }),
  z.object({ kind: z.literal('fixedDate'), date: LocalDate }),
]);
export type ActionPlanRule = z.infer<typeof ActionPlanRule>;

export const Owners = z.object({ sll: ObjectId, cos: ObjectId, hmi: ObjectId });
export type Owners = z.infer<typeof Owners>;

export const CocId = z.string().regex(/^[A-Z]{2,5}-\d+$/, 'must look like BUC-1');
export const RecommendationId = z.string().regex(/^[A-Z]{2,5}-\d+\.\d+$|^EXT-\d+$/, 'must look like BUC-1.2');
export const AfiId = z.string().regex(/^[A-Z]{2,5}-AFI-\d+$/, 'must look like BUC-AFI-3');

export const CocStatus = z.enum(['open', 'closed']);
export type CocStatus = z.infer<typeof CocStatus>;

/** A later inspection that found an open (or closed) CoC or some of its recommendations again (§27). */
export const LaterInspection = z.object({
  inspectionDate: LocalDate,
  reportLink: EvidenceLink,
  finding: z.string().min(1).max(4000),
  /** The recommendations it found again; empty when it found the cause of concern as a whole. */
  recommendationIds: z.array(RecommendationId).max(50).default([]),
  by: ObjectId,
  at: Instant,
});
export type LaterInspection = z.infer<typeof LaterInspection>;

/** A cause of concern (§5): a serious, critical or systemic shortcoming with recommendations. */
export const CauseOfConcern = z.object({
  id: CocId,
  serviceCode: ServiceCode,
  title: z.string().min(1).max(200),
  finding: z.string().min(1).max(4000),
  pillar: Pillar,
  publicSafetyRisk: z.boolean(),
  /** When the inspection's fieldwork began; optional (older records do not have it). */
  fieldworkStartDate: LocalDate.optional(),
  fieldworkEndDate: LocalDate,
  letterDate: LocalDate.optional(),
  reportPublishedDate: LocalDate.optional(),
  /** Public-safety CoCs: when the factual-accuracy check copy went to the service. */
  checkCopySentDate: LocalDate.optional(),
  /** Public-safety CoCs: when it was published on the inspectorate's website. */
  websitePublishedDate: LocalDate.optional(),
  actionPlanRule: ActionPlanRule,
  actionPlanReceivedDate: LocalDate.optional(),
  revisitDate: LocalDate.optional(),
  /** §27: later inspections that found it again, oldest first, each with its evidence. */
  identifiedAgain: z.array(LaterInspection).max(50).optional(),
  owners: Owners,
  rag: Rag.optional(),
  status: CocStatus,
  closedAt: Instant.optional(),
  closureLetter: z.string().optional(),
  createdAt: Instant,
  createdBy: ObjectId,
  updatedAt: Instant,
  updatedBy: ObjectId,
});
export type CauseOfConcern = z.infer<typeof CauseOfConcern>;

export const RecommendationStatus = z.enum([
  'open',
  'inProgress',
  'evidenceComplete',
  'cosRecommendedClosure',
  'closed',
]);
export type RecommendationStatus = z.infer<typeof RecommendationStatus>;

export const recommendationStatusNames: Record<RecommendationStatus, string> = {
  open: 'Open',
  inProgress: 'In progress',
  evidenceComplete: 'Evidence complete',
  cosRecommendedClosure: 'Closure recommended by CoS',
  closed: 'Signed off (closed)',
};

/** A revision of a target date; the original date is kept on the recommendation. */
export const TargetDateRevision = z.object({
  date: LocalDate,
  reason: z.string().min(1).max(1000),
  by: ObjectId,
  at: Instant,
});
export type TargetDateRevision = z.infer<typeof TargetDateRevision>;

export const ProgressSource = z.enum(['sllNote', 'sloResponse', 'revisitFinding', 'laterInspection']);
export type ProgressSource = z.infer<typeof ProgressSource>;

/** An append-only progress update on a recommendation, AFI or CoC. */
export const ProgressUpdate = z.object({
  id: z.string().min(1),
  subjectId: z.string().min(1),
  serviceCode: ServiceCode,
  at: Instant,
  by: ObjectId,
  rag: Rag.optional(),
  text: z.string().min(1).max(4000),
  evidenceLinks: z.array(EvidenceLink).max(20).default([]),
  source: ProgressSource,
});
export type ProgressUpdate = z.infer<typeof ProgressUpdate>;

/** A recommendation of a CoC, or to an external body (§31) when `cocId` is absent. */
export const Recommendation = z.object({
  id: RecommendationId,
  cocId: CocId.optional(),
  serviceCode: ServiceCode.optional(),
  externalBody: z.string().max(200).optional(),
  /** External recommendations (§31): the cause of concern it is connected to, if any. */
  connectedCocId: CocId.optional(),
  /** External recommendations (§31): the HM Inspector asked to agree its closure. */
  hmi: ObjectId.optional(),
  text: z.string().min(1).max(2000),
  status: RecommendationStatus,
  rag: Rag.optional(),
  originalTargetDate: LocalDate.optional(),
  targetDateRevisions: z.array(TargetDateRevision).default([]),
  latestUpdate: ProgressUpdate.omit({ subjectId: true, serviceCode: true }).optional(),
  /** The reason given when closure was last rejected. */
  lastRejection: z.object({ reason: z.string(), by: ObjectId, at: Instant }).optional(),
  /** Taken off an open CoC by its SLL, with the reason; kept, never counted again (not deleted). */
  withdrawn: z.object({ reason: z.string().min(1).max(2000), by: ObjectId, at: Instant }).optional(),
  signedOffAt: Instant.optional(),
  signedOffBy: ObjectId.optional(),
  updatedAt: Instant,
  updatedBy: ObjectId,
});
export type Recommendation = z.infer<typeof Recommendation>;

export const AfiStatus = z.enum(['open', 'complete', 'closed']);
export type AfiStatus = z.infer<typeof AfiStatus>;

/** An inspection question reference such as `ES1.1` or `P1.12`. */
export const QuestionRef = z.string().regex(/^[A-Z]{1,3}\d+\.\d+$/, 'must look like ES1.1');

/** An area for improvement (§28-30). */
export const AreaForImprovement = z.object({
  id: AfiId,
  serviceCode: ServiceCode,
  questionRef: QuestionRef,
  text: z.string().min(1).max(2000),
  finding: z.string().max(4000).optional(),
  targetDate: LocalDate.optional(),
  status: AfiStatus,
  sll: ObjectId,
  cos: ObjectId,
  completedAt: Instant.optional(),
  completedBy: ObjectId.optional(),
  closedAt: Instant.optional(),
  closedBy: ObjectId.optional(),
  createdAt: Instant,
  createdBy: ObjectId,
  updatedAt: Instant,
  updatedBy: ObjectId,
});
export type AreaForImprovement = z.infer<typeof AreaForImprovement>;

export const ActionStatus = z.enum(['complete', 'ongoing', 'deferred', 'atRisk']);
export type ActionStatus = z.infer<typeof ActionStatus>;

/** The service's plan to address a CoC (or AFI), as in the improvement plan seed. */
export const ActionPlan = z.object({
  subjectId: z.string().min(1),
  serviceCode: ServiceCode,
  receivedDate: LocalDate.optional(),
  actions: z.array(
    z.object({
      id: z.string().min(1),
      description: z.string().min(1).max(2000),
      owner: z.string().max(200).optional(),
      targetDate: LocalDate.optional(),
      status: ActionStatus,
      progress: z.string().max(4000).optional(),
    }),
  ),
});
export type ActionPlan = z.infer<typeof ActionPlan>;

export const EngagementStatus = z.enum(['open', 'answered', 'cancelled']);

/** An SLL asking a service's SLOs for an update by a date (§13-14). */
export const EngagementRequest = z.object({
  id: z.string().min(1),
  serviceCode: ServiceCode,
  cocId: CocId,
  requestedBy: ObjectId,
  requestedAt: Instant,
  dueDate: LocalDate,
  status: EngagementStatus,
  answeredBy: ObjectId.optional(),
  answeredAt: Instant.optional(),
  /** The day the service channel was last reminded that the answer is late (once a week). */
  lastChasedOn: LocalDate.optional(),
});
export type EngagementRequest = z.infer<typeof EngagementRequest>;

export const ClosureSubject = z.object({
  kind: z.enum(['recommendation', 'afi']),
  id: z.string().min(1),
});
export type ClosureSubject = z.infer<typeof ClosureSubject>;

export const ApprovalStep = z.object({
  /** `sro`: the Senior Responsible Officer's step of an external recommendation's closure (§31-32). */
  role: z.enum(['cos', 'hmi', 'sro']),
  decision: z.enum(['approved', 'rejected']).optional(),
  by: ObjectId.optional(),
  /** Set when a delegate decided for the named approver. */
  onBehalfOf: ObjectId.optional(),
  at: Instant.optional(),
  reason: z.string().max(2000).optional(),
});
export type ApprovalStep = z.infer<typeof ApprovalStep>;

export const ClosureStatus = z.enum([
  'pendingCos',
  'pendingHmi',
  'approved',
  'rejected',
  'withdrawn',
  'pendingSro',
]);
export type ClosureStatus = z.infer<typeof ClosureStatus>;

/**
 * The approval chain to close one recommendation (SLL → CoS → HMI), AFI (SLL → CoS) or
 * recommendation to an external body (deputy portfolio director → HMI → SRO, §31-32).
 */
export const ClosureRequest = z.object({
  id: z.string().min(1),
  subject: ClosureSubject,
  serviceCode: ServiceCode,
  cocId: CocId.optional(),
  requestedBy: ObjectId,
  requestedAt: Instant,
  evidenceLinks: z.array(EvidenceLink).max(20),
  validationNote: z.string().max(4000),
  steps: z.array(ApprovalStep).min(1),
  status: ClosureStatus,
  /** The read-only status card posted in the service channel, updated in place at each step. */
  channelActivityId: z.string().min(1).max(300).optional(),
  /** Approval chasers already sent, so a rerun on the same day sends nothing twice. */
  chasers: z
    .array(
      z.object({
        role: z.enum(['cos', 'hmi', 'sro']),
        kind: z.enum(['reminder', 'escalation']),
        on: LocalDate,
      }),
    )
    .max(20)
    .optional(),
});
export type ClosureRequest = z.infer<typeof ClosureRequest>;

export const FieldChange = z.object({
  field: z.string().min(1),
  from: z.unknown().optional(),
  to: z.unknown().optional(),
});
export type FieldChange = z.infer<typeof FieldChange>;

/** Every change, by whom and when. Nothing is overwritten without one of these. */
export const AuditEvent = z.object({
  id: z.string().min(1),
  at: Instant,
  actor: ObjectId,
  /** When a delegate acted for someone else. */
  onBehalfOf: ObjectId.optional(),
  action: z.string().min(1),
  subject: z.object({ kind: z.string().min(1), id: z.string().min(1), about: z.string().optional() }),
  serviceCode: ServiceCode.optional(),
  cocId: CocId.optional(),
  changes: z.array(FieldChange).default([]),
  note: z.string().max(4000).optional(),
});
export type AuditEvent = z.infer<typeof AuditEvent>;

// ---- Revisits (§17-21) ----------------------------------------------------------------------

/** A revisit of a cause of concern: `BUC-1-R1` is the first revisit of BUC-1. */
export const RevisitId = z.string().regex(/^[A-Z]{2,5}-\d+-R\d+$/, 'must look like BUC-1-R1');

/**
 * Where a revisit's approval stands: proposed (waiting for the Chief of Staff to endorse it),
 * endorsed (waiting for the HM Inspector to approve it), approved, or refused at either step.
 */
export const RevisitStatus = z.enum(['pendingCos', 'pendingHmi', 'approved', 'refused']);
export type RevisitStatus = z.infer<typeof RevisitStatus>;

/** One finding of a revisit about one recommendation; it is also added to the recommendation's progress. */
export const RevisitFinding = z.object({
  recommendationId: RecommendationId,
  rag: Rag,
  text: z.string().min(1).max(4000),
  /** The progress update the finding was recorded as. */
  progressUpdateId: z.string().min(1),
});
export type RevisitFinding = z.infer<typeof RevisitFinding>;

/**
 * A revisit (§17-21): proposed by the SLL or the Chief of Staff, overseen (endorsed) by the Chief of
 * Staff and approved by the HM Inspector (§20); after it the SLL records the initial findings and
 * the HM Inspector writes to the service, and the letter is published (§21). Every revisit is kept.
 */
export const Revisit = z.object({
  id: RevisitId,
  cocId: CocId,
  serviceCode: ServiceCode,
  firstDay: LocalDate,
  lastDay: LocalDate,
  purpose: z.string().min(1).max(2000),
  team: z.string().min(1).max(1000),
  proposedBy: ObjectId,
  proposedAt: Instant,
  /** The Chief of Staff's endorsement, then the HM Inspector's approval. */
  steps: z.array(ApprovalStep).min(1),
  status: RevisitStatus,
  /** The day the service was given the initial findings. */
  initialFindingsDate: LocalDate.optional(),
  findings: z.array(RevisitFinding).max(50).default([]),
  nextSteps: z.string().max(4000).optional(),
  /** The HM Inspector's letter to the service, drafted from the findings (§21). */
  letter: z.string().max(30_000).optional(),
  letterSentDate: LocalDate.optional(),
  letterPublishedDate: LocalDate.optional(),
  updatedAt: Instant,
  updatedBy: ObjectId,
});
export type Revisit = z.infer<typeof Revisit>;

// ---- Closer monitoring (§22-23) -------------------------------------------------------------

/**
 * How closely a service is monitored (§23): routine, enhanced support (NFCC, LGA peer support or
 * other services), a Fire Performance Oversight Group meeting, or discussion with the Home Office.
 */
export const MonitoringLevelKind = z.enum(['routine', 'enhancedSupport', 'oversightGroup', 'homeOffice']);
export type MonitoringLevelKind = z.infer<typeof MonitoringLevelKind>;

/** The §22 triggers for closer monitoring. */
export const MonitoringTrigger = z.enum([
  'slowProgress',
  'publicSafety',
  'reportingLine',
  'intervention',
  'seriousFindings',
]);
export type MonitoringTrigger = z.infer<typeof MonitoringTrigger>;

/** Who gives a service enhanced support (§23; lga-inspection-peer-support.txt). */
export const SupportProvider = z.enum(['nfcc', 'lga', 'otherServices']);
export type SupportProvider = z.infer<typeof SupportProvider>;

/** A service's monitoring level as the region's HM Inspector last set it; no row means routine. */
export const MonitoringLevel = z.object({
  serviceCode: ServiceCode,
  level: MonitoringLevelKind,
  triggers: z.array(MonitoringTrigger).max(5).default([]),
  support: z.array(SupportProvider).max(3).default([]),
  note: z.string().max(2000).optional(),
  updatedAt: Instant,
  updatedBy: ObjectId,
});
export type MonitoringLevel = z.infer<typeof MonitoringLevel>;
