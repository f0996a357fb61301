/**
 * Which records a commit touches whose dated obligations may have moved, with the contacts with the
 * service it made (a progress update, a request for an update or its answer). Every commit turns
 * these into `index` jobs of its outbox entry (src/app/shared/outbox.ts), which the due index
 * (src/app/reminders/due-index.ts) does after the answer: so every write path keeps the index the
 * same way.
 */
import { z } from 'zod';
import { cocIdOfRecommendation, parseRecordId } from '../../domain/ids';
import { ProgressSource } from '../../domain/records';
import type { RecordChange } from '../../store';

/** A contact with the service a change made, dated: it moves the recurring obligations on. */
export const ContactHint = z.object({
  at: z.string().min(1),
  source: z.union([ProgressSource, z.literal('engagementRequest')]),
});
export type ContactHint = z.infer<typeof ContactHint>;

/** One record to re-index after a change, with the contacts the change made. */
export interface IndexJob {
  serviceCode: string;
  recordId: string;
  contacts: ContactHint[];
}

/** The records a commit touches whose obligations may have moved, with the contacts it made. */
export function indexJobsOf(serviceCode: string, changes: readonly RecordChange[]): IndexJob[] {
  const jobs = new Map<string, IndexJob>();
  const touch = (recordId: string | undefined, hint?: ContactHint): void => {
    if (!recordId) return;
    const job = jobs.get(recordId) ?? { serviceCode, recordId, contacts: [] };
    if (hint) job.contacts.push(hint);
    jobs.set(recordId, job);
  };
  for (const { entity } of changes) {
    switch (entity.type) {
      case 'coc':
      case 'afi':
        touch(entity.value.id);
        break;
      case 'recommendation':
        // A recommendation to an external body (§31) has no CoC: it is a record of its own.
        touch(entity.value.cocId ?? entity.value.id);
        break;
      case 'revisit':
        touch(entity.value.cocId);
        break;
      case 'progress': {
        const { subjectId, at, source } = entity.value;
        touch(recordOfSubject(subjectId), { at, source });
        break;
      }
      case 'engagement': {
        const { cocId, requestedAt, answeredAt } = entity.value;
        touch(
          cocId,
          answeredAt
            ? { at: answeredAt, source: 'sloResponse' }
            : { at: requestedAt, source: 'engagementRequest' },
        );
        break;
      }
      default:
        break;
    }
  }
  return [...jobs.values()];
}

/** The CoC, AFI or recommendation to an external body a progress update's subject belongs to. */
export function recordOfSubject(subjectId: string): string | undefined {
  const parsed = parseRecordId(subjectId);
  if (parsed?.kind === 'coc' || parsed?.kind === 'afi' || parsed?.kind === 'externalRecommendation')
    return parsed.id;
  return parsed?.kind === 'recommendation' ? cocIdOfRecommendation(parsed.id) : undefined;
}
