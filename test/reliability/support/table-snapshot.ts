/**
 * A fingerprint of everything the bot keeps, to prove a turn changed nothing: every entity of the
 * records, directory and scheduler tables as partition key, row key and ETag (a write changes the
 * ETag). The conversations table is left out on purpose: every turn may refresh the caller's
 * conversation reference, and that is not a change of state a person could see.
 */
import type { Store } from '../../../src/store';

const watchedTables = ['records', 'directory', 'scheduler'] as const;

/** Sorted `table|partition|row|etag` lines for every watched entity. */
export async function snapshotTables(store: Store): Promise<string[]> {
  const lines: string[] = [];
  for (const table of watchedTables) {
    for await (const entity of store.tables[table].listEntities()) {
      lines.push(`${table}|${entity.partitionKey ?? ''}|${entity.rowKey ?? ''}|${entity.etag}`);
    }
  }
  return lines.sort();
}

/** Entities added, removed or rewritten between two snapshots (empty when nothing changed). */
export function changedEntities(before: readonly string[], after: readonly string[]): string[] {
  const was = new Set(before);
  const is = new Set(after);
  return [...after.filter((line) => !was.has(line)), ...before.filter((line) => !is.has(line))];
}
