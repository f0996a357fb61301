/**
 * Draws a revisit command's or button's answer (src/app/revisits/revisit-answers.ts): the forms
 * with a message by each field at fault, the revisit card, the decided pair, the letter or a notice.
 */
import type { FieldIssue } from '../../domain/errors';
import type { RevisitAnswer, RevisitDecidedAnswer } from '../../app/revisits/revisit-answers';
import { renderNoticeAnswer } from '../records/record-cards';
import type { AdaptiveCardJson, CardForEveryone } from '../shared/card-renderer';
import {
  fieldSentence,
  renderRevisitCard,
  renderRevisitFindingsForm,
  renderRevisitForm,
  renderRevisitLetterCard,
} from './revisit-cards';

/** The message by each field at fault, by field. */
function sentencesOf(
  issues: readonly FieldIssue[],
  sentence: (field: string, message: string) => string = fieldSentence,
): Record<string, string> {
  return Object.fromEntries(issues.map((issue) => [issue.field, sentence(issue.field, issue.message)]));
}

/** The findings form's sentences: a row's finding or RAG, else the field's label. */
function findingSentence(field: string, message: string): string {
  return /^(finding|rag)\d+$/.test(field)
    ? `${field.startsWith('rag') ? 'RAG' : 'The finding'} ${message}.`
    : fieldSentence(field, message);
}

/** The card (or, after a decision, the pair of cards) a revisit answer is drawn as. */
export function renderRevisitAnswer(answer: RevisitAnswer): AdaptiveCardJson;
export function renderRevisitAnswer(answer: RevisitDecidedAnswer): AdaptiveCardJson | CardForEveryone;
export function renderRevisitAnswer(answer: RevisitDecidedAnswer): AdaptiveCardJson | CardForEveryone {
  switch (answer.kind) {
    case 'notice':
      return renderNoticeAnswer(answer);
    case 'proposalForm': {
      const { kind: _kind, refused, ...form } = answer;
      return renderRevisitForm({
        ...form,
        ...(refused ? { errors: sentencesOf(refused.issues), notice: refused.notice } : {}),
      });
    }
    case 'revisit': {
      const { letterIssues, ...state } = answer.state ?? {};
      return renderRevisitCard(answer.view, {
        ...state,
        ...(letterIssues ? { letterErrors: sentencesOf(letterIssues) } : {}),
      });
    }
    case 'decided':
      return {
        card: renderRevisitCard(answer.view, { notice: answer.notice, actionable: false }),
        forEveryone: () => renderRevisitCard({ ...answer.view, canDecide: false }, { actionable: false }),
      };
    case 'findingsForm': {
      const { kind: _kind, refused, ...form } = answer;
      return renderRevisitFindingsForm({
        ...form,
        ...(refused
          ? {
              values: refused.values,
              errors: sentencesOf(refused.issues, findingSentence),
              notice: refused.notice,
            }
          : {}),
      });
    }
    case 'letter':
      return renderRevisitLetterCard(answer.revisit, answer.serviceName);
  }
}
