/**
 * The letter that closes a cause of concern (§25): from the HM Inspector to the service's chief
 * fire officer and the chair of its fire and rescue authority, tailored to the service, giving the
 * finding, the recommendations and the reasons each was closed. The bot drafts it; the Service
 * Liaison Lead checks it and sends it.
 *
 * Pure: everything comes in as data, and the text is plain (no Markdown), ready to paste.
 */
import { formatLongDate, toLondonDate } from '../clock';
import type { CauseOfConcern, LocalDate, Recommendation, Service } from '../records';

/** Why one recommendation was closed: the Service Liaison Lead's validation and evidence. */
export interface ClosureReason {
  recommendationId: string;
  validationNote: string;
  evidenceLinks: readonly string[];
}

/** What the letter is drafted from. */
export interface ClosureLetterInput {
  service: Service;
  coc: CauseOfConcern;
  recommendations: readonly Recommendation[];
  reasons: readonly ClosureReason[];
  /** The HM Inspector who signs the letter. */
  signedBy: string;
  /** The letter's date. */
  date: LocalDate;
}

/**
 * Who a letter to the service goes to, and how it opens: by name where the service's chief fire
 * officer, chair and authority are known, by title where not.
 *
 * @example
 * letterAddressees({ ...service, chiefFireOfficer: 'Jane Smith', authorityChair: 'Cllr Simon Rouse',
 *   authorityName: 'Buckinghamshire and Milton Keynes Fire Authority' })
 * // { to: ['Jane Smith, Chief Fire Officer', 'Cllr Simon Rouse, Chair of Buckinghamshire and Milton
 * //   Keynes Fire Authority', 'Buckinghamshire Fire and Rescue Service'],
 * //   greeting: 'Dear Jane Smith and Cllr Simon Rouse,' }
 */
export function letterAddressees(
  service: Pick<Service, 'name' | 'chiefFireOfficer' | 'authorityChair' | 'authorityName'>,
): { to: string[]; greeting: string } {
  const named = (value: string | undefined) => (value?.trim() ? value.trim() : undefined);
  const officer = named(service.chiefFireOfficer);
  const chair = named(service.authorityChair);
  const authority = named(service.authorityName) ?? 'the Fire and Rescue Authority';
  return {
    to: [
      officer ? `${officer}, Chief Fire Officer` : 'The Chief Fire Officer',
      chair ? `${chair}, Chair of ${authority}` : `The Chair of ${authority}`,
      service.name,
    ],
    greeting: `Dear ${officer ?? 'Chief Fire Officer'} and ${chair ?? 'Chair'},`,
  };
}

/**
 * The opening lines of a letter to the service: its date, the addressees by name, the greeting and
 * the subject line, each followed by a blank line.
 */
export function letterOpening(
  service: Pick<Service, 'name' | 'chiefFireOfficer' | 'authorityChair' | 'authorityName'>,
  date: LocalDate,
  subject: string,
): string[] {
  const { to, greeting } = letterAddressees(service);
  return [formatLongDate(date), '', ...to, '', greeting, '', `${service.name}: ${subject}`, ''];
}

/** The closing lines of a letter from the HM Inspector who signs it. */
export function letterClosing(signedBy: string): string[] {
  return ['Yours sincerely,', '', signedBy, "His Majesty's Inspector of Fire & Rescue Services"];
}

function inspectedWhen(coc: CauseOfConcern): string {
  const published = coc.reportPublishedDate
    ? ` and set out in our report published on ${formatLongDate(coc.reportPublishedDate)}`
    : '';
  return `In our inspection of your service, whose fieldwork ended on ${formatLongDate(coc.fieldworkEndDate)}${published}, we identified the following cause of concern (${coc.id}): ${coc.title}.`;
}

function recommendationLines(input: ClosureLetterInput): string[] {
  return input.recommendations.map((r) => {
    const signed = r.signedOffAt ? ` Signed off on ${formatLongDate(toLondonDate(r.signedOffAt))}.` : '';
    return `${r.id}: ${r.text}${signed}`;
  });
}

function reasonLines(input: ClosureLetterInput): string[] {
  return input.recommendations.flatMap((r) => {
    const reason = input.reasons.find((x) => x.recommendationId === r.id);
    if (!reason) return [`${r.id}: signed off by the HM Inspector.`];
    const evidence =
      reason.evidenceLinks.length > 0 ? ` Evidence reviewed: ${reason.evidenceLinks.join(', ')}.` : '';
    return [`${r.id}: ${reason.validationNote.trim().replace(/\.?$/, '.')}${evidence}`];
  });
}

/**
 * Drafts the closure letter of a CoC whose recommendations are all signed off.
 *
 * @example
 * draftClosureLetter({ service, coc, recommendations, reasons, signedBy: 'Alex Carter', date: '2024-07-30' })
 * // '30 July 2024\n\nJane Smith, Chief Fire Officer\n...\nAlex Carter\nHis Majesty's Inspector of Fire & Rescue Services'
 */
export function draftClosureLetter(input: ClosureLetterInput): string {
  const { service, coc } = input;
  const lastSignOff = input.recommendations
    .map((r) => r.signedOffAt)
    .filter((at): at is string => at !== undefined)
    .sort()
    .at(-1);
  const closedOn = formatLongDate(lastSignOff ? toLondonDate(lastSignOff) : input.date);
  return [
    ...letterOpening(service, input.date, `closure of cause of concern ${coc.id}, ${coc.title}`),
    inspectedWhen(coc),
    '',
    'Our finding was:',
    coc.finding,
    '',
    input.recommendations.length === 1
      ? 'We made this recommendation:'
      : `We made these ${String(input.recommendations.length)} recommendations:`,
    ...recommendationLines(input).map((line) => `- ${line}`),
    '',
    'Reasons for closure',
    'Your Service Liaison Lead has reviewed the evidence of the improvements you have made and validated it to inspection standard:',
    ...reasonLines(input).map((line) => `- ${line}`),
    '',
    `I am satisfied that the service has made the improvements needed, and I have closed this cause of concern as of ${closedOn}. We will look again at this area at future inspections, and we will continue to monitor your progress through your Service Liaison Lead.`,
    '',
    'Thank you for the work you and your staff have done to address this cause of concern.',
    '',
    ...letterClosing(input.signedBy),
  ].join('\n');
}
