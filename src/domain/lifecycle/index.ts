/**
 * Lifecycles of CoC Monitor's records as data plus pure decisions. Use cases call these after the
 * policy has allowed the action, then save the new state and the audit events.
 */
export {
  auditEvent,
  changedFields,
  systemActorId,
  touched,
  type AuditSubject,
  type Decision,
  type DecisionContext,
} from './decision';
export {
  canMoveRecommendation,
  currentTargetDate,
  decideRecommendation,
  recommendationServiceCode,
  recommendationTransitions,
  withdrawRecommendation,
  type RecommendationCommand,
  type RecommendationDecision,
  type RecommendationMoveKind,
} from './recommendation';
export {
  addRecommendation,
  afterRecommendationsChanged,
  checkCocDates,
  cocDateOrder,
  createCauseOfConcern,
  decideCauseOfConcern,
  editableCocFields,
  nextRecommendationNumber,
  reopenCauseOfConcern,
  recordIdentifiedAgain,
  type IdentifiedAgain,
  type IdentifiedAgainInput,
  type CocCommand,
  type IssuedCauseOfConcern,
  type LaterInspectionFinding,
  type NewCauseOfConcern,
  type NewRecommendation,
  type ReopenedCauseOfConcern,
} from './cause-of-concern';
export {
  afiTransitions,
  createAreaForImprovement,
  decideAreaForImprovement,
  editableAfiFields,
  type AfiCommand,
  type AfiMoveKind,
  type NewAreaForImprovement,
} from './area-for-improvement';
export {
  closureStepRoles,
  closureStepsOf,
  externalClosureStepRoles,
  isExternalRequest,
  isExternalTarget,
  decideClosureRequest,
  isPending,
  pendingStatusOf,
  pendingStep,
  requestClosure,
  separationOfDutiesConflict,
  type ClosureCommand,
  type ClosureDecision,
  type ClosureRequestInput,
  type ClosureTarget,
  type StepRole,
} from './closure-request';
export {
  approvalConflict,
  decideChainStep,
  waitingStepOf,
  type ApprovalChain,
  type ChainWords,
} from './approval-chain';
export {
  cocIdOfRevisit,
  decideRevisit,
  keepRevisitLetter,
  nextRevisitNumber,
  proposeRevisit,
  recordRevisitFindings,
  recordRevisitLetterDates,
  revisitId,
  revisitStatusNames,
  revisitWaitingStep,
  type FindingInput,
  type FindingsInput,
  type FindingsRecorded,
  type LetterDatesInput,
  type RevisitCommand,
  type RevisitProposal,
  type RevisitStepRole,
} from './revisit';
export { letterAddressees } from './closure-letter';
export { draftRevisitLetter, type RevisitLetterInput } from './revisit-letter';
export {
  decideMonitoringLevel,
  isAboveRoutine,
  monitoringLevelDescriptions,
  monitoringLevelInWords,
  monitoringLevelNames,
  monitoringTriggerNames,
  routineLevel,
  supportProviderNames,
  type MonitoringLevelInput,
} from './monitoring-level';
export {
  createExternalRecommendation,
  externalStatusesByHand,
  readExternalDraft,
  recordExternalProgress,
  type ExternalDraft,
  type ExternalDraftInput,
  type ExternalProgressInput,
} from './external-recommendation';
