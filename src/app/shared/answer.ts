/**
 * What a command or button answers, as data: a feature's answer is its own cards' views or this
 * notice, and src/views draws it (as with the notifier's messages, this layer draws no card).
 */
import type { DomainError, FieldIssue } from '../../domain/errors';
import type { Notice } from './notifier';

/** A notice card: a heading, a sentence, and the cause of concern it offers to open (if any). */
export interface NoticeAnswer {
  kind: 'notice';
  heading: string;
  text: string;
  cocId?: string;
}

/** The notice with this heading and sentence. */
export function noticeAnswer(heading: string, text: string, cocId?: string): NoticeAnswer {
  return { kind: 'notice', heading, text, ...(cocId === undefined ? {} : { cocId }) };
}

/**
 * An approval card's decision refused: why; or, when only the reason was missing, the reason as
 * typed with a message by it.
 */
export function refusedDecision(
  error: DomainError,
  typedReason: string | undefined,
  refusal: { verb: 'reject' | 'refuse'; what: string },
): { notice: Notice; reason?: string; reasonError?: string } {
  if (error.code !== 'validation') return { notice: { text: error.reason, tone: 'attention' } };
  return {
    notice: {
      text: `Nothing was saved. Give a reason to ${refusal.verb} ${refusal.what}.`,
      tone: 'attention',
    },
    reason: typedReason ?? '',
    reasonError: `Reason is required to ${refusal.verb}.`,
  };
}

/** The fields a refused save names (none unless it was refused for what was typed). */
export function issuesOf(error: DomainError): readonly FieldIssue[] {
  return error.code === 'validation' ? error.issues : [];
}
