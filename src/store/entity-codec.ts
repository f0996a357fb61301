/**
 * Turns a record into a table entity and back.
 *
 * Top-level strings, numbers and booleans become ordinary properties (so they show up, and can be
 * filtered on, in Storage Explorer). Nested values (arrays, objects) become JSON strings in a
 * property named `<field>Json`. Reading reverses that and parses the result with the record's zod
 * schema: a row that does not fit raises a {@link CorruptEntityError} naming the table and keys.
 *
 * Limits: a string property holds at most 64 KiB (32 K UTF-16 characters) and an entity at most
 * 1 MiB; writes over the property limit are refused here rather than by the service.
 */
import type { TableEntity, TableEntityResult } from '@azure/data-tables';
import type { z } from 'zod';
import { CorruptEntityError, InvalidStoreInputError, type EntityRef } from './errors';

/** The property that says which kind of record a row holds. */
export const recordTypeProperty = 'recordType';
const jsonSuffix = 'Json';
const maxStringLength = 32 * 1024; // UTF-16 code units: 64 KiB
const systemProperties = new Set(['partitionKey', 'rowKey', 'etag', 'timestamp', recordTypeProperty]);

/** A value read from storage with the ETag to write it back conditionally. */
export interface Versioned<T> {
  value: T;
  etag: string;
}

/** Table properties are flat: every property is a scalar. */
export type EntityProperties = Record<string, string | number | boolean>;

/** Builds the entity for a record; `recordType` tags the row so a mixed partition can be read safely. */
export function toEntity(
  where: EntityRef,
  recordType: string,
  value: Record<string, unknown>,
): TableEntity<EntityProperties> {
  const entity: TableEntity<EntityProperties> = {
    partitionKey: where.partitionKey,
    rowKey: where.rowKey,
    [recordTypeProperty]: recordType,
  };
  for (const [field, fieldValue] of Object.entries(value)) {
    if (fieldValue === undefined || fieldValue === null) continue;
    if (systemProperties.has(field) || field.endsWith(jsonSuffix)) {
      throw new InvalidStoreInputError(`The field name "${field}" is reserved by the store.`);
    }
    const isScalar =
      typeof fieldValue === 'string' || typeof fieldValue === 'number' || typeof fieldValue === 'boolean';
    const stored = isScalar ? fieldValue : JSON.stringify(fieldValue);
    const name = isScalar ? field : `${field}${jsonSuffix}`;
    if (typeof stored === 'string' && stored.length > maxStringLength) {
      throw new InvalidStoreInputError(
        `"${field}" of ${where.table}/${where.partitionKey}/${where.rowKey} is longer than the 64 KiB a table property can hold.`,
      );
    }
    entity[name] = stored;
  }
  return entity;
}

/** Rebuilds a record from an entity and parses it; throws {@link CorruptEntityError} if it does not fit. */
export function fromEntity<S extends z.ZodType>(
  table: string,
  entity: TableEntityResult<Record<string, unknown>>,
  recordType: string,
  schema: S,
): Versioned<z.output<S>> {
  const where: EntityRef = { table, partitionKey: entity.partitionKey ?? '', rowKey: entity.rowKey ?? '' };
  if (entity[recordTypeProperty] !== recordType) {
    throw new CorruptEntityError(where, [
      `expected a "${recordType}" row, found "${String(entity[recordTypeProperty])}"`,
    ]);
  }
  const raw: Record<string, unknown> = {};
  for (const [name, stored] of Object.entries(entity)) {
    if (systemProperties.has(name) || name.startsWith('odata.')) continue;
    if (name.endsWith(jsonSuffix) && typeof stored === 'string') {
      raw[name.slice(0, -jsonSuffix.length)] = parseJson(where, name, stored);
    } else {
      raw[name] = stored;
    }
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    throw new CorruptEntityError(
      where,
      parsed.error.issues.map((issue) => `${issue.path.join('.') || '(row)'}: ${issue.message}`),
    );
  }
  if (!entity.etag) throw new CorruptEntityError(where, ['the service returned the row without an ETag']);
  return { value: parsed.data, etag: entity.etag };
}

function parseJson(where: EntityRef, property: string, text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new CorruptEntityError(where, [`${property} is not valid JSON`], { cause: error });
  }
}
