/**
 * `delegate <cos|hmi> [for <person>] to <person> from <date> to <date>`: a Chief of Staff or HM
 * Inspector names a stand-in for leave cover; an administrator can do it for them with `for`.
 */
import { delegateRole, type DelegateInput } from '../../app/closure/delegate-role';
import { cardAttachment } from '../card-attachment';
import { commandText, type BotApplication } from '../create-bot';
import { renderDelegationCard } from '../../views/closure/closure-cards';
import { renderNoticeCard } from '../../views/records/record-cards';
import type { FeatureContext } from './feature-context';
import { personOf } from './identify';

const delegateStart = /^delegate\b/i;
const delegateCommand =
  /^delegate\s+(cos|hmi)\s+(?:for\s+(.+?)\s+)?to\s+(.+?)\s+from\s+(.+?)\s+to\s+(.+?)\s*$/i;

const usage =
  'Type, for example: delegate cos to Robin Clarke from 1 December 2026 to 18 December 2026. An administrator adds whose role it is: delegate hmi for Alex Carter to Jamie Foster from 2026-12-01 to 2026-12-18.';

/** Reads the command; null when it does not follow the pattern. */
export function parseDelegateCommand(text: string): DelegateInput | null {
  const match = delegateCommand.exec(text.trim());
  if (!match) return null;
  const [, role = '', forText, toText = '', startText = '', endText = ''] = match;
  const input: DelegateInput = {
    role: role.toLowerCase() === 'hmi' ? 'hmi' : 'cos',
    toText,
    startText,
    endText,
  };
  if (forText !== undefined) input.forText = forText;
  return input;
}

/** Registers the `delegate` command. */
export function registerDelegation(app: BotApplication, features: FeatureContext): void {
  app.message(
    (context) =>
      Promise.resolve(context.activity.type === 'message' && delegateStart.test(commandText(context))),
    async (context) => {
      const input = parseDelegateCommand(commandText(context));
      const person = await personOf(context, features);
      let card;
      if (!person.ok) card = renderNoticeCard("You can't do that", person.error.reason);
      else if (!input) card = renderNoticeCard('How to name a stand-in', usage);
      else {
        const saved = await delegateRole(features.app, person.value, input);
        card = saved.ok
          ? renderDelegationCard(saved.value)
          : renderNoticeCard('Stand-in not saved', saved.error.reason);
      }
      await context.sendActivity({ attachments: [cardAttachment(card)] });
    },
  );
}
