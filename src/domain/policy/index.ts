/** The access policy: who may do what, where, and on whose behalf. */
export {
  actionPhrases,
  actions,
  grantsByAction,
  revisitStepActions,
  stepDecisionActions,
  type Action,
  type Grant,
} from './actions';
export { authorize, can, type Permission, type PolicyContext, type Target } from './authorize';
export { deciderFor, findStandIn, isDelegationActive } from './delegation';
