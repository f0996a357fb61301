/**
 * Draws the closure chain's answers (src/app/closure/closure-answers.ts): the form with a message
 * by each field at fault, the closure card, the decided pair, what waits for a decision, a notice.
 */
import type { FieldIssue } from '../../domain/errors';
import type { ApprovalsAnswer, ClosureAnswer, ClosureDecidedAnswer } from '../../app/closure/closure-answers';
import { fieldMessages } from '../records/recommendation-forms';
import { renderNoticeAnswer } from '../records/record-cards';
import { renderRevisitCard } from '../revisits/revisit-cards';
import type { AdaptiveCardJson, CardForEveryone } from '../shared/card-renderer';
import { closureLinkInputId, renderClosureCard, renderClosureForm } from './closure-cards';

/** The closure form's messages, by input: the evidence links by their box, the fields in words. */
function closureFormErrors(issues: readonly FieldIssue[]): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const [field, message] of Object.entries(fieldMessages(issues))) {
    const linkInput = /^link(\d+)$/.exec(field);
    errors[linkInput ? closureLinkInputId(Number(linkInput[1])) : field] = message
      .replace(/^evidenceLinks /, 'Evidence links ')
      .replace(/^validationNote /, 'How you validated the improvement ');
  }
  return errors;
}

/** The card (or, after a decision, the pair of cards) a closure answer is drawn as. */
export function renderClosureAnswer(answer: ClosureAnswer): AdaptiveCardJson;
export function renderClosureAnswer(answer: ClosureDecidedAnswer): AdaptiveCardJson | CardForEveryone;
export function renderClosureAnswer(answer: ClosureDecidedAnswer): AdaptiveCardJson | CardForEveryone {
  switch (answer.kind) {
    case 'notice':
      return renderNoticeAnswer(answer);
    case 'form': {
      const { subject, values, refused } = answer;
      return renderClosureForm({
        ...subject,
        values,
        ...(refused ? { errors: closureFormErrors(refused.issues), notice: refused.notice } : {}),
      });
    }
    case 'closure':
      return renderClosureCard(answer.view, answer.state);
    case 'decided':
      return {
        card: renderClosureCard(answer.view, { notice: answer.notice, actionable: false }),
        forEveryone: () => renderClosureCard({ ...answer.view, canDecide: false }, { actionable: false }),
      };
  }
}

/** `approvals` drawn: a card for each closure request and revisit waiting, or the notice. */
export function renderApprovalsAnswer(answer: ApprovalsAnswer): AdaptiveCardJson | AdaptiveCardJson[] {
  if (answer.kind === 'notice') return renderNoticeAnswer(answer);
  return [
    ...answer.closures.map((view) => renderClosureCard(view)),
    ...answer.revisits.map((view) => renderRevisitCard(view)),
  ];
}
