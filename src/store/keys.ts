/**
 * Building PartitionKeys, RowKeys and key-range filters.
 *
 * Keys are made of parts joined by `|`. Each part is escaped so that no value can break out of its
 * slot: the characters Table Storage forbids in keys (`/ \ # ?`, control characters), our
 * separator `|` and the escape character `%` itself become `%XX`. Ordinary ids such as `BUC-1.2`
 * are left as they are, so keys stay readable in Storage Explorer.
 *
 * Every filter is built with the SDK's `odata` tagged template, which quotes values and doubles
 * any `'` inside them: user text can never change the shape of a query.
 */
import { odata } from '@azure/data-tables';
import { InvalidStoreInputError } from './errors';

const separator = '|';
/** The character right after `|`: `prefix|` <= key < `prefix}` selects every key starting with `prefix|`. */
const afterSeparator = '}';

// Control characters are matched on purpose: Table Storage rejects them in keys.
// eslint-disable-next-line no-control-regex
const unsafeInKey = /[%/\\#?|\u0000-\u001f\u007f-\u009f]/g;

/** Escapes one key part (see the module comment). */
export function encodeKeyPart(part: string): string {
  if (part.length === 0) throw new InvalidStoreInputError('A key part cannot be empty.');
  return part.replace(unsafeInKey, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
}

/** Joins escaped parts into a key; Table Storage allows at most 1 KiB per key. */
export function keyOf(...parts: string[]): string {
  const key = parts.map(encodeKeyPart).join(separator);
  if (Buffer.byteLength(key, 'utf8') > 1024) {
    throw new InvalidStoreInputError(`A table key may be at most 1 KiB; "${key.slice(0, 60)}…" is longer.`);
  }
  return key;
}

/** Bounds for `RowKey ge from and RowKey lt to`: every key that starts with the given parts then `|`. */
export function rowKeyRange(...prefixParts: string[]): { from: string; to: string } {
  const prefix = keyOf(...prefixParts);
  return { from: `${prefix}${separator}`, to: `${prefix}${afterSeparator}` };
}

/** The filter for every row of `partitionKey` whose RowKey starts with the given parts. */
export function rowKeyPrefixFilter(partitionKey: string, ...prefixParts: string[]): string {
  const { from, to } = rowKeyRange(...prefixParts);
  return odata`PartitionKey eq ${partitionKey} and RowKey ge ${from} and RowKey lt ${to}`;
}

/** The filter for a whole partition. */
export function partitionFilter(partitionKey: string): string {
  return odata`PartitionKey eq ${partitionKey}`;
}

const timeDigits = 15; // milliseconds since 1970 up to the year 9999 fit in 15 digits
const latestTime = 10 ** timeDigits - 1;

function millisecondsOf(instant: string): number {
  const ms = Date.parse(instant);
  if (Number.isNaN(ms) || ms < 0)
    throw new InvalidStoreInputError(`"${instant}" is not a time the store can key on.`);
  return ms;
}

/** A key part that sorts oldest first (fixed-width milliseconds, so offsets in the ISO text do not matter). */
export function sortableTime(instant: string): string {
  return String(millisecondsOf(instant)).padStart(timeDigits, '0');
}

/** A key part that sorts newest first, so one range query reads history from the latest event. */
export function reverseSortableTime(instant: string): string {
  return String(latestTime - millisecondsOf(instant)).padStart(timeDigits, '0');
}
