/**
 * After a record is issued: a read-only summary card in the service's registered channel.
 *
 * Posting is a courtesy: the record is already saved, so a channel that can't be reached (the bot
 * was removed, Teams is down, the stored reference is unusable) is reported on the confirmation
 * card, never turned into a failure of the issue.
 */
import type { Person } from '../../domain/records';
import type { AppContext } from '../shared/app-context';
import { serviceChannelAddress } from '../shared/deliver';
import type { Notifier } from '../shared/notifier';
import type { IssuedAfi } from './issue-area-for-improvement';
import type { IssuedCoc } from './issue-cause-of-concern';

/** The summary of a newly issued record, for its service channel. */
export type IssueMessage =
  | { kind: 'coc-summary'; issued: IssuedCoc; issuedBy: Person }
  | { kind: 'afi-summary'; issued: IssuedAfi; issuedBy: Person };

/** What happened to the summary for the service channel. */
export type ChannelOutcome =
  | { kind: 'none'; serviceCode: string }
  | { kind: 'posted'; serviceName: string }
  | { kind: 'failed'; serviceName: string }
  | { kind: 'skipped' };

/** Posts the summary to the service's channel when one is registered, and says how it went. */
export async function announceIssued(
  context: AppContext,
  notifier: Notifier<IssueMessage>,
  message: IssueMessage,
  onFailure: (error: unknown) => void,
): Promise<ChannelOutcome> {
  const { service, alreadyIssued } = message.issued;
  if (alreadyIssued) return { kind: 'skipped' };
  try {
    const channel = await serviceChannelAddress(context, service.code);
    if (!channel) return { kind: 'none', serviceCode: service.code };
    await notifier.post(channel, message);
    return { kind: 'posted', serviceName: service.name };
  } catch (error) {
    onFailure(error);
    return { kind: 'failed', serviceName: service.name };
  }
}
