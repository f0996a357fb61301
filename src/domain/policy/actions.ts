/**
 * What people ask the bot to do, and who may do each (as data). Grants are checked against the
 * target's service and region by authorize.ts.
 */

/** Every action the policy decides on. */
export const actions = [
  'view',
  'viewReport',
  'issueCoc',
  'editCoc',
  'recordIdentifiedAgain',
  'updateRecommendation',
  'addRecommendation',
  'withdrawRecommendation',
  'addProgressNote',
  'reviseTargetDate',
  'recordActionPlan',
  'issueAfi',
  'markAfiComplete',
  'closeAfi',
  'requestClosure',
  'withdrawClosure',
  'decideClosureAsCos',
  'decideClosureAsHmi',
  'requestEngagement',
  'answerEngagement',
  'registerChannel',
  'manageDirectory',
  'runSweep',
  'manageExternalRecommendation',
  // Revisits (§17-21) and closer monitoring (§22-23).
  'proposeRevisit',
  'endorseRevisit',
  'approveRevisit',
  'recordRevisitFindings',
  'recordRevisitLetter',
  'setMonitoringLevel',
  'decideClosureAsSro',
] as const;
export type Action = (typeof actions)[number];

/**
 * Kinds of permission:
 * - `serviceSll` / `serviceSlo`: the SLL or SLO of the target's service (`serviceCodes` includes it).
 * - `regionCos` / `regionHmi`: a CoS or HMI of the target's region, or someone standing in today for
 *   the record's named CoS or HMI. Targets without a service (national, external) match any CoS/HMI.
 * - `nationalInspectorate`: any SLL, CoS or HMI, for targets that belong to no service.
 * - `externalOwner`: the deputy portfolio director, for recommendations to external bodies (§31-32).
 * - `deputyPortfolioDirector` / `admin`: those roles, everywhere.
 * - `sro`: the Senior Responsible Officer, for targets that belong to no service (national views and
 *   recommendations to external bodies, §31-32).
 */
export type Grant =
  | 'admin'
  | 'deputyPortfolioDirector'
  | 'externalOwner'
  | 'serviceSll'
  | 'serviceSlo'
  | 'regionCos'
  | 'regionHmi'
  | 'nationalInspectorate'
  | 'sro';

const everyoneInScope: readonly Grant[] = [
  'admin',
  'deputyPortfolioDirector',
  'serviceSll',
  'serviceSlo',
  'regionCos',
  'regionHmi',
  'nationalInspectorate',
  'sro',
];

/**
 * Who may do what. Administrators correct records (issue, edit) but take no part in the judgement
 * steps (completing, requesting or deciding closure), which the rule book gives to named roles.
 */
export const grantsByAction: Record<Action, readonly Grant[]> = {
  view: everyoneInScope,
  viewReport: everyoneInScope,
  issueCoc: ['serviceSll', 'admin'],
  editCoc: ['serviceSll', 'admin'],
  // §27: the SLL keeps the service's monitoring up to date with what a later inspection found.
  recordIdentifiedAgain: ['serviceSll'],
  updateRecommendation: ['serviceSll', 'externalOwner', 'admin'],
  addRecommendation: ['serviceSll', 'admin'],
  withdrawRecommendation: ['serviceSll', 'admin'],
  addProgressNote: ['serviceSll', 'serviceSlo', 'externalOwner'],
  reviseTargetDate: ['serviceSll', 'externalOwner', 'admin'],
  recordActionPlan: ['serviceSll', 'admin'],
  issueAfi: ['serviceSll', 'admin'],
  markAfiComplete: ['serviceSll'],
  closeAfi: ['regionCos'],
  requestClosure: ['serviceSll', 'externalOwner'],
  withdrawClosure: ['serviceSll', 'externalOwner', 'admin'],
  decideClosureAsCos: ['regionCos'],
  decideClosureAsHmi: ['regionHmi'],
  requestEngagement: ['serviceSll'],
  answerEngagement: ['serviceSlo', 'serviceSll'],
  registerChannel: ['serviceSll', 'admin'],
  manageDirectory: ['admin'],
  runSweep: ['admin'],
  manageExternalRecommendation: ['deputyPortfolioDirector', 'admin'],
  proposeRevisit: ['serviceSll', 'regionCos'],
  endorseRevisit: ['regionCos'],
  approveRevisit: ['regionHmi'],
  recordRevisitFindings: ['serviceSll'],
  recordRevisitLetter: ['regionHmi', 'serviceSll'],
  setMonitoringLevel: ['regionHmi'],
  decideClosureAsSro: ['sro'],
};

/** The action that decides each step of a closure request (§24-25, §30). */
export const stepDecisionActions = {
  cos: 'decideClosureAsCos',
  hmi: 'decideClosureAsHmi',
  sro: 'decideClosureAsSro',
} as const satisfies Record<'cos' | 'hmi' | 'sro', Action>;

/** The action that decides each step of a revisit (§20): the CoS endorses, the HMI approves. */
export const revisitStepActions = {
  cos: 'endorseRevisit',
  hmi: 'approveRevisit',
} as const satisfies Record<'cos' | 'hmi', Action>;

/** How each action reads after "You can't ...". */
export const actionPhrases: Record<Action, string> = {
  view: 'see this',
  viewReport: 'see this report',
  issueCoc: 'issue a cause of concern',
  editCoc: 'change this cause of concern',
  recordIdentifiedAgain: 'record that an inspection found this again',
  updateRecommendation: 'update this recommendation',
  addRecommendation: 'add a recommendation to this cause of concern',
  withdrawRecommendation: 'withdraw this recommendation',
  addProgressNote: 'add a progress note here',
  reviseTargetDate: 'change the target date',
  recordActionPlan: 'record the action plan',
  issueAfi: 'issue an area for improvement',
  markAfiComplete: 'mark this area for improvement complete',
  closeAfi: 'close this area for improvement',
  requestClosure: 'request closure',
  withdrawClosure: 'withdraw this closure request',
  decideClosureAsCos: 'decide this closure as Chief of Staff',
  decideClosureAsHmi: 'sign off this closure as HM Inspector',
  requestEngagement: 'ask this service for an update',
  answerEngagement: 'answer this request for an update',
  registerChannel: 'register a channel for this service',
  manageDirectory: 'manage the directory',
  runSweep: 'run the reminder sweep',
  manageExternalRecommendation: 'manage recommendations to external bodies',
  proposeRevisit: 'propose a revisit of this cause of concern',
  endorseRevisit: 'endorse this revisit as Chief of Staff',
  approveRevisit: 'approve this revisit as HM Inspector',
  recordRevisitFindings: 'record the findings of this revisit',
  recordRevisitLetter: 'record when the revisit letter was sent and published',
  setMonitoringLevel: 'set how closely this service is monitored',
  decideClosureAsSro: 'close this recommendation as Senior Responsible Officer',
};
