/**
 * The letter the HM Inspector writes to the service after every revisit (§21): our findings, the
 * recommendations still open, and the next steps. It is addressed by name to the service's chief
 * fire officer and the chair of its fire and rescue authority, and it will be published.
 *
 * Pure: everything comes in as data, and the text is plain (no Markdown), ready to paste.
 */
import { formatLongDate } from '../clock';
import { letterClosing, letterOpening } from './closure-letter';
import {
  recommendationStatusNames,
  type CauseOfConcern,
  type LocalDate,
  type Rag,
  type Recommendation,
  type Revisit,
  type Service,
} from '../records';

const ragWords: Record<Rag, string> = { red: 'red', amber: 'amber', green: 'green' };

/** What the letter is drafted from. */
export interface RevisitLetterInput {
  service: Pick<Service, 'name' | 'chiefFireOfficer' | 'authorityChair' | 'authorityName'>;
  coc: Pick<CauseOfConcern, 'id' | 'title'>;
  revisit: Revisit;
  /** The CoC's recommendations as the findings left them. */
  recommendations: readonly Recommendation[];
  /** The HM Inspector who signs it. */
  signedBy: string;
  /** The letter's date. */
  date: LocalDate;
}

function visitDays(revisit: Revisit): string {
  return revisit.firstDay === revisit.lastDay
    ? `on ${formatLongDate(revisit.firstDay)}`
    : `from ${formatLongDate(revisit.firstDay)} to ${formatLongDate(revisit.lastDay)}`;
}

/** A recommendation's text as the letter quotes it: whole up to 300 characters, else cut there. */
function quoted(text: string): string {
  const trimmed = text.trim().replace(/\s+/g, ' ');
  return trimmed.length <= 300 ? trimmed : `${trimmed.slice(0, 299).trimEnd()}…`;
}

/**
 * Drafts the revisit letter. It stays within what a revisit keeps (30,000 characters): the findings
 * are limited where they are typed, and the recommendations are quoted up to 300 characters.

 *
 * @example
 * draftRevisitLetter({ service, coc, revisit, recommendations, signedBy: 'Alex Carter', date: '2024-03-05' })
 * // '5 March 2024\n\nLouise Harrison, Chief Fire Officer\n...\nAlex Carter\nHis Majesty's Inspector of Fire & Rescue Services'
 */
export function draftRevisitLetter(input: RevisitLetterInput): string {
  const { coc, revisit } = input;
  const findings = revisit.findings.map((finding) => {
    const recommendation = input.recommendations.find((r) => r.id === finding.recommendationId);
    const about = recommendation ? ` (${quoted(recommendation.text).replace(/\.?$/, '')})` : '';
    return `- ${finding.recommendationId}${about}: ${finding.text.trim().replace(/\.?$/, '.')} We assessed progress as ${ragWords[finding.rag]}.`;
  });
  const open = input.recommendations.filter((r) => r.withdrawn === undefined && r.status !== 'closed');
  const openLines =
    open.length === 0
      ? ['Every recommendation of this cause of concern has now been signed off.']
      : [
          open.length === 1
            ? 'This recommendation remains open:'
            : `These ${String(open.length)} recommendations remain open:`,
          ...open.map(
            (r) => `- ${r.id}: ${quoted(r.text)} (${recommendationStatusNames[r.status].toLowerCase()})`,
          ),
        ];
  const nextSteps = revisit.nextSteps?.trim()
    ? revisit.nextSteps.trim()
    : 'We will continue to monitor your progress through your Service Liaison Lead, and we will consider whether a further revisit is needed.';
  return [
    ...letterOpening(input.service, input.date, `revisit of cause of concern ${coc.id}, ${coc.title}`),
    `We revisited your service ${visitDays(revisit)} to review your progress against the cause of concern ${coc.id}. The purpose of the revisit was: ${revisit.purpose.trim().replace(/\.?$/, '.')}`,
    '',
    `We gave you our initial findings on ${formatLongDate(revisit.initialFindingsDate ?? input.date)}.`,
    '',
    'Our findings',
    ...findings,
    '',
    'Recommendations still open',
    ...openLines,
    '',
    'Next steps',
    nextSteps,
    '',
    'This letter will be published on our website.',
    '',
    ...letterClosing(input.signedBy),
  ].join('\n');
}
