/**
 * The storage errors callers can act on, each with a stable `code` and a `reason` a person can read.
 *
 * Modelled on Agents-for-js blobsStorage: a missing row is not an error (reads return `null`), a
 * lost race is a typed {@link ConflictError} the use case can retry, and an unreachable account is a
 * {@link StorageUnavailableError} the host can report on /readyz. Anything else the service rejects
 * becomes a {@link StorageRequestError}; we never swallow an error.
 */
import { RestError } from '@azure/data-tables';

/** Where a row lives: enough to find it in Storage Explorer. */
export interface EntityRef {
  table: string;
  partitionKey: string;
  rowKey: string;
}

/** Describes a row for messages, e.g. `records/BUC/coc|BUC-1|coc`. */
export function describeEntity(entity: EntityRef): string {
  return `${entity.table}/${entity.partitionKey}/${entity.rowKey}`;
}

/** The stable codes of every error this folder raises. */
export type StoreErrorCode =
  'conflict' | 'storage-unavailable' | 'corrupt-entity' | 'invalid-input' | 'storage-rejected';

/** Base of every store error: a stable code plus a readable reason. */
export abstract class StoreError extends Error {
  abstract readonly code: StoreErrorCode;
  constructor(
    readonly reason: string,
    options?: { cause?: unknown },
  ) {
    super(reason, options);
    this.name = new.target.name;
  }
}

/** Why a write lost: the key was taken, the row changed since it was read, or it is gone. */
export type ConflictKind = 'already-exists' | 'changed' | 'missing';

const conflictReasons: Record<ConflictKind, string> = {
  'already-exists': 'already exists',
  changed: 'was changed by someone else after it was read',
  missing: 'no longer exists',
};

/** A write lost a race (HTTP 409 on create, 412 on a conditional update, 404 on update). Re-read and retry. */
export class ConflictError extends StoreError {
  readonly code = 'conflict';
  constructor(
    readonly entity: EntityRef,
    readonly kind: ConflictKind,
    options?: { cause?: unknown },
  ) {
    super(
      `${describeEntity(entity)} ${conflictReasons[kind]}; nothing was saved, please try again.`,
      options,
    );
  }
}

/** The storage account could not be reached or answered with a server error (network, 5xx, throttling). */
export class StorageUnavailableError extends StoreError {
  readonly code = 'storage-unavailable';
  constructor(
    readonly detail: string,
    options?: { cause?: unknown },
  ) {
    super(`Storage is unavailable at the moment (${detail}); nothing was saved.`, options);
  }
}

/** A stored row does not match its schema; names the table and keys so someone can fix it. */
export class CorruptEntityError extends StoreError {
  readonly code = 'corrupt-entity';
  constructor(
    readonly entity: EntityRef,
    readonly problems: string[],
    options?: { cause?: unknown },
  ) {
    super(`Stored row ${describeEntity(entity)} is not valid: ${problems.join('; ')}`, options);
  }
}

/** The caller asked for something the store cannot do (bad key, wrong partition, batch too big). */
export class InvalidStoreInputError extends StoreError {
  readonly code = 'invalid-input';
}

/** The service refused a request for a reason other than a conflict (for example 400 or 403). */
export class StorageRequestError extends StoreError {
  readonly code = 'storage-rejected';
  constructor(
    readonly statusCode: number,
    detail: string,
    options?: { cause?: unknown },
  ) {
    super(`Storage refused the request (HTTP ${String(statusCode)}): ${detail}`, options);
  }
}

/** The HTTP status of an error the Azure SDK raised, if it got that far. */
export function statusOf(error: unknown): number | undefined {
  return error instanceof RestError ? error.statusCode : undefined;
}

/** True when the SDK reports "not found" (a missing row or table). */
export function isNotFound(error: unknown): boolean {
  return statusOf(error) === 404;
}

function firstLine(message: string): string {
  return (message.split('\n')[0] ?? message).trim();
}

/**
 * Maps an SDK error to a store error. `entity` names the row a write was about: with it, 409, 412
 * and 404 become a {@link ConflictError}. Reads handle 404 themselves (they return `null`).
 */
export function translateStorageError(error: unknown, entity?: EntityRef): Error {
  if (error instanceof StoreError) return error;
  const status = statusOf(error);
  const message = error instanceof Error ? firstLine(error.message) : String(error);
  if (status === undefined || status >= 500 || status === 408 || status === 429) {
    const code = error instanceof RestError && error.code ? error.code : message;
    return new StorageUnavailableError(status === undefined ? code : `HTTP ${String(status)}, ${message}`, {
      cause: error,
    });
  }
  if (entity && status === 409) return new ConflictError(entity, 'already-exists', { cause: error });
  if (entity && status === 412) return new ConflictError(entity, 'changed', { cause: error });
  if (entity && status === 404) return new ConflictError(entity, 'missing', { cause: error });
  return new StorageRequestError(status, message, { cause: error });
}
