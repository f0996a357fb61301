/**
 * `letters <service>`: an administrator sets the names a service's letters go to (its chief fire
 * officer, the chair of its fire and rescue authority, the authority), on a form.
 */
import { z } from 'zod';
import {
  letterNamesOf,
  serviceForLetters,
  setLetterNames,
  type LetterNames,
} from '../../app/letters/letter-names';
import { renderLetterNamesForm } from '../../views/letters/letter-names-card';
import { renderNoticeCard } from '../../views/records/record-cards';
import type { BotApplication } from '../create-bot';
import { onCardAction, onCommand, type RouteTools, usage, withArgs } from '../gate';

const heading = 'Letter names';

const Names = z.object({
  chiefFireOfficer: z.string().default(''),
  authorityChair: z.string().default(''),
  authorityName: z.string().default(''),
});

/** Registers `letters <service>` and the form's Save. */
export function registerLetterRoutes(app: BotApplication, tools: RouteTools): void {
  onCommand(app, tools, {
    pattern: /^letters(?:\s+(.+?))?\s*$/i,
    read: ([, service]) =>
      service === undefined
        ? usage('Type letters followed by a service, for example letters BUC.')
        : withArgs(service),
    refused: { heading },
    handle: async ({ person }, serviceText) => {
      const service = await serviceForLetters(tools.app, person, serviceText);
      if (!service.ok) return renderNoticeCard(heading, service.error.reason);
      const names = letterNamesOf(service.value);
      return renderLetterNamesForm({ service: service.value, values: names, drawnFrom: names });
    },
  });

  onCardAction(app, tools, {
    verb: 'saveLetterNames',
    data: Names.extend({ serviceCode: z.string().min(1), drawnFrom: Names }),
    refused: { heading },
    handle: async ({ person }, data) => {
      const values: LetterNames = {
        chiefFireOfficer: data.chiefFireOfficer,
        authorityChair: data.authorityChair,
        authorityName: data.authorityName,
      };
      const saved = await setLetterNames(tools.app, person, {
        serviceCode: data.serviceCode,
        drawnFrom: data.drawnFrom,
        names: values,
      });
      if (saved.ok) {
        const names = letterNamesOf(saved.value);
        const notice = { text: 'Saved: letters are addressed to these names.', style: 'good' as const };
        return renderLetterNamesForm({ service: saved.value, values: names, drawnFrom: names, notice });
      }
      const service = await serviceForLetters(tools.app, person, data.serviceCode);
      if (!service.ok) return renderNoticeCard(heading, saved.error.reason);
      const errors =
        saved.error.code === 'validation'
          ? Object.fromEntries(saved.error.issues.map((issue) => [issue.field, issue.message]))
          : {};
      const notice = { text: `Nothing was saved: ${saved.error.reason}`, style: 'attention' as const };
      // The form keeps what was typed, and (after someone else's change) is drawn from the names now stored.
      return renderLetterNamesForm({
        service: service.value,
        values,
        drawnFrom: letterNamesOf(service.value),
        errors,
        notice,
      });
    },
  });
}
