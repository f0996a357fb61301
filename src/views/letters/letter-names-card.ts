/**
 * The form of the names a service's letters go to (`cards/letter-names.json`), with how a letter
 * would open. Names are people's own text: escaped, never Markdown.
 */
import { letterAddressees } from '../../domain/lifecycle/closure-letter';
import type { LetterNamesFormState } from '../../app/letters/letter-names';
import { renderCard, type AdaptiveCardJson } from '../shared/card-renderer';
import { escapeMarkdown } from '../shared/escape-markdown';

/** Renders the form; the preview is the letter's opening as the stored names give it. */
export function renderLetterNamesForm(form: LetterNamesFormState): AdaptiveCardJson {
  const { service, values, drawnFrom, errors = {}, notice } = form;
  const { to, greeting } = letterAddressees(service);
  return renderCard('letter-names', {
    notice: notice ? escapeMarkdown(notice.text) : '',
    noticeStyle: notice?.style ?? 'default',
    heading: escapeMarkdown(`Who letters to ${service.name} go to`),
    values,
    drawnFrom,
    errors: {
      chiefFireOfficer: errors.chiefFireOfficer ?? '',
      authorityChair: errors.authorityChair ?? '',
      authorityName: errors.authorityName ?? '',
    },
    preview: escapeMarkdown(`Letters now go to: ${to.join('; ')}. They open “${greeting}”`),
    serviceCode: service.code,
  });
}
