/**
 * What a submitted `new coc` or `new afi` form answers: the record issued, with how its summary
 * for the service channel went; the form again (with fresh choices) with the fields at fault; or,
 * when the person may no longer issue at all, the reason. The bot draws it with the form's cards.
 */
import type { FieldIssue, Result } from '../../domain/errors';
import type { Person } from '../../domain/records';
import { issuesOf } from '../shared/answer';
import type { AppContext } from '../shared/app-context';
import type { Notifier } from '../shared/notifier';
import { announceIssued, type ChannelOutcome, type IssueMessage } from './announce-issued';
import { loadIssueFormOptions, type IssueFormOptions } from './issue-form-options';

/** A submitted issue form's answer. */
export type IssueSubmitAnswer<Issued> =
  | { kind: 'issued'; issued: Issued; channel: ChannelOutcome }
  | { kind: 'form'; options: IssueFormOptions; issues: readonly FieldIssue[]; message: string }
  | { kind: 'refused'; reason: string };

/** How the summary reaches the service channel; a failure to post it is only reported. */
export interface IssueAnnouncing {
  notifier: Notifier<IssueMessage>;
  onFailure: (error: unknown) => void;
}

/** What differs between issuing a CoC and an AFI: the action, the use case and the channel's summary. */
export interface IssueKind<Input, Issued> {
  action: 'issueCoc' | 'issueAfi';
  issue: (context: AppContext, person: Person, input: Input) => Promise<Result<Issued>>;
  summary: (issued: Issued, issuedBy: Person) => IssueMessage;
}

/** Issues the record the form describes and announces it, or says what to draw instead. */
export async function issueAndAnnounce<Input, Issued>(
  context: AppContext,
  person: Person,
  input: Input,
  kind: IssueKind<Input, Issued>,
  announcing: IssueAnnouncing,
): Promise<IssueSubmitAnswer<Issued>> {
  const result = await kind.issue(context, person, input);
  if (result.ok) {
    const summary = kind.summary(result.value, person);
    const channel = await announceIssued(context, announcing.notifier, summary, announcing.onFailure);
    return { kind: 'issued', issued: result.value, channel };
  }
  const options = await loadIssueFormOptions(context, person, kind.action);
  if (!options.ok) return { kind: 'refused', reason: result.error.reason };
  const { error } = result;
  const message =
    error.code === 'validation'
      ? 'Nothing was saved. Please correct the fields marked below.'
      : `${error.reason} Nothing was saved.`;
  return { kind: 'form', options: options.value, issues: issuesOf(error), message };
}
