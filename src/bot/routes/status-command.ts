/**
 * Reads the quick status update typed in chat: `status BUC-1.3 [in progress] amber <note>`.
 * Pure, so the grammar is tested on its own.
 */
import type { RecommendationStatus } from '../../domain/records';

/** What the shortcut says, once read. */
export interface StatusShortcut {
  recommendationId: string;
  status?: RecommendationStatus;
  rag: 'red' | 'amber' | 'green';
  text: string;
}

/** Whether a message is a status shortcut at all (well formed or not). */
export const statusCommand = /^status(?:\s+|$)/i;
const shape =
  /^status\s+(\S+)\s+(?:(in progress|evidence complete|open)\s+)?(red|amber|green)\s+(\S[\s\S]*)$/i;
const statusWords: Record<string, RecommendationStatus> = {
  'in progress': 'inProgress',
  'evidence complete': 'evidenceComplete',
  open: 'open',
};

/** The hint shown for a shortcut that can't be read. */
export const statusUsage =
  'Type: status <recommendation id> [open | in progress | evidence complete] <red | amber | green> <note>. ' +
  'For example: status BUC-1.3 amber referral backlog halved since March';

/**
 * Reads the shortcut; null when it does not fit.
 * @example parseStatusShortcut('status BUC-1.3 in progress amber half done') // { recommendationId: 'BUC-1.3', status: 'inProgress', rag: 'amber', text: 'half done' }
 */
export function parseStatusShortcut(text: string): StatusShortcut | null {
  const match = shape.exec(text.trim());
  if (!match) return null;
  const [, id = '', statusWord, rag = '', note = ''] = match;
  const parsed: StatusShortcut = {
    recommendationId: id.toUpperCase(),
    rag: rag.toLowerCase() as StatusShortcut['rag'],
    text: note.trim(),
  };
  const status =
    statusWord === undefined ? undefined : statusWords[statusWord.toLowerCase().replace(/\s+/g, ' ')];
  if (status) parsed.status = status;
  return parsed;
}
