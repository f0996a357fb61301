/**
 * Issuing records from card forms: `new coc` and `new afi` draw the form; its submit issues the
 * record through the use case and posts a summary to the service channel, or draws the form again
 * with the person's values and a message under each field at fault.
 */
import { z } from 'zod';
import { formText as typed, textInputs } from './form-inputs';
import type { ChannelOutcome } from '../../app/issue/announce-issued';
import { issueAndAnnounce, type IssueKind } from '../../app/issue/issue-answers';
import {
  issueAreaForImprovement,
  type AfiFormInput,
  type IssuedAfi,
} from '../../app/issue/issue-area-for-improvement';
import {
  issueCauseOfConcern,
  recommendationSlots,
  type CocFormInput,
  type IssuedCoc,
} from '../../app/issue/issue-cause-of-concern';
import { loadIssueFormOptions, type IssueFormOptions } from '../../app/issue/issue-form-options';
import type { FieldIssue } from '../../domain/errors';
import { blankAfiForm, renderAfiForm, renderAfiIssuedCard } from '../../views/issue/afi-cards';
import { blankCocForm, renderCocForm, renderCocIssuedCard } from '../../views/issue/coc-cards';
import { renderRefusalCard } from '../../views/issue/issue-card-parts';
import type { AdaptiveCardJson } from '../../views/shared/card-renderer';
import type { BotApplication } from '../create-bot';
import { onCardAction, onCommand, type RouteTools, withArgs } from '../gate';

/** The recommendation slots' inputs: `recommendation1`, `recommendation1TargetDate`, … */
const slotNames = Array.from({ length: recommendationSlots }, (_, i) => `recommendation${String(i + 1)}`);

/** The `issueCoc` form's fields other than the recommendation slots. */
const CocFields = z.object({
  formId: z.string().min(1).max(100),
  publicSafetyRisk: z
    .union([z.boolean(), z.enum(['true', 'false'])])
    .nullish()
    .transform((value) => value === true || value === 'true'),
  ...textInputs(
    'serviceCode',
    'title',
    'finding',
    'pillar',
    'fieldworkEndDate',
    'letterDate',
    'reportPublishedDate',
    'actionPlanRule',
    'actionPlanFixedDate',
    'sll',
    'cos',
    'hmi',
  ),
});

/** The `issueCoc` action data: the form id the card was drawn with, plus the inputs. */
const CocSubmission = z
  .looseObject(CocFields.shape)
  .superRefine((data, context) => {
    for (const name of slotNames.flatMap((slot) => [slot, `${slot}TargetDate`])) {
      if (!typed.safeParse(data[name]).success)
        context.addIssue({ code: 'custom', path: [name], message: 'is not text' });
    }
  })
  .transform((data): CocFormInput => {
    const slot = (name: string) => typed.safeParse(data[name]).data ?? '';
    // The fixed fields, read again without the slots (an object schema drops keys it does not name).
    const { serviceCode, ...fields } = CocFields.parse(data);
    return {
      ...fields,
      serviceCode: serviceCode.trim(),
      recommendations: slotNames.map((name) => ({ text: slot(name), targetDate: slot(`${name}TargetDate`) })),
    };
  });

/** The `issueAfi` action data: the form id the card was drawn with, plus the inputs. */
const AfiSubmission = z
  .object({
    formId: z.string().min(1).max(100),
    ...textInputs('serviceCode', 'questionRef', 'text', 'finding', 'targetDate', 'sll', 'cos'),
  })
  .transform((data): AfiFormInput => ({ ...data, serviceCode: data.serviceCode.trim() }));

/** What differs between the CoC form and the AFI form. */
interface IssueForm<Input, Issued extends { alreadyIssued: boolean }> extends IssueKind<Input, Issued> {
  command: RegExp;
  verb: string;
  heading: string;
  /** `new coc`, to name in "type … for a fresh one". */
  fresh: string;
  data: z.ZodType<Input>;
  blank: (options: IssueFormOptions, formId: string) => Input;
  renderForm: (
    options: IssueFormOptions,
    input: Input,
    issues?: readonly FieldIssue[],
    message?: string,
  ) => AdaptiveCardJson;
  renderIssued: (issued: Issued, channel: ChannelOutcome) => AdaptiveCardJson;
}

const cocForm: IssueForm<CocFormInput, IssuedCoc> = {
  command: /^new\s+coc$/i,
  verb: 'issueCoc',
  heading: 'New cause of concern',
  fresh: 'new coc',
  action: 'issueCoc',
  data: CocSubmission,
  blank: blankCocForm,
  renderForm: renderCocForm,
  issue: issueCauseOfConcern,
  summary: (issued, issuedBy) => ({ kind: 'coc-summary', issued, issuedBy }),
  renderIssued: renderCocIssuedCard,
};

const afiForm: IssueForm<AfiFormInput, IssuedAfi> = {
  command: /^new\s+afi$/i,
  verb: 'issueAfi',
  heading: 'New area for improvement',
  fresh: 'new afi',
  action: 'issueAfi',
  data: AfiSubmission,
  blank: blankAfiForm,
  renderForm: renderAfiForm,
  issue: issueAreaForImprovement,
  summary: (issued, issuedBy) => ({ kind: 'afi-summary', issued, issuedBy }),
  renderIssued: renderAfiIssuedCard,
};

/** Registers one form's command and submit. */
function registerIssueForm<Input, Issued extends { alreadyIssued: boolean }>(
  app: BotApplication,
  tools: RouteTools,
  form: IssueForm<Input, Issued>,
): void {
  const refused = { heading: form.heading };
  const announcing = {
    notifier: tools.notifier,
    onFailure: (error: unknown) =>
      tools.logger.warn({ err: error }, 'could not post the summary to the service channel'),
  };
  onCommand(app, tools, {
    pattern: form.command,
    read: () => withArgs(true),
    refused,
    handle: async ({ person }) => {
      const options = await loadIssueFormOptions(tools.app, person, form.action);
      if (!options.ok) return renderRefusalCard(form.heading, options.error.reason);
      return form.renderForm(options.value, form.blank(options.value, tools.app.newId()));
    },
  });
  onCardAction(app, tools, {
    verb: form.verb,
    data: form.data,
    unreadable: renderRefusalCard(
      form.heading,
      `I could not read this form. Type ${form.fresh} for a fresh one; nothing was saved.`,
    ),
    refused,
    handle: async ({ person }, input) => {
      const answer = await issueAndAnnounce(tools.app, person, input, form, announcing);
      if (answer.kind === 'issued') return form.renderIssued(answer.issued, answer.channel);
      if (answer.kind === 'refused') return renderRefusalCard(form.heading, answer.reason);
      return form.renderForm(answer.options, input, answer.issues, answer.message);
    },
  });
}

/** Registers `new coc`, `new afi` and their forms' submits. */
export function registerIssueRoutes(app: BotApplication, tools: RouteTools): void {
  registerIssueForm(app, tools, cocForm);
  registerIssueForm(app, tools, afiForm);
}
