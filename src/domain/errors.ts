/**
 * Domain errors and the `Result` type every decision returns.
 *
 * A decision never throws for a business reason: it returns `{ ok: false, error }` with a stable
 * `code` (for code to branch on) and a `reason` a person can read on a card, in British English.
 */
import type { z } from 'zod';
import type { Instant, ObjectId } from './records';

/** Stable error codes; adapters map them to card messages or HTTP statuses. */
export type DomainErrorCode =
  | 'not-allowed'
  | 'invalid-transition'
  | 'separation-of-duties'
  | 'validation'
  | 'not-found'
  | 'conflict'
  | 'already-decided';

/** One field that failed validation, named by its path (e.g. `recommendations.0.text`). */
export interface FieldIssue {
  field: string;
  message: string;
}

/** Why something was refused. `already-decided` also says by whom and when, for "Already approved by X at T". */
export type DomainError =
  | {
      code: 'not-allowed' | 'invalid-transition' | 'separation-of-duties' | 'not-found' | 'conflict';
      reason: string;
    }
  | { code: 'validation'; reason: string; issues: FieldIssue[] }
  | {
      code: 'already-decided';
      reason: string;
      decision: 'approved' | 'rejected' | 'withdrawn';
      by?: ObjectId;
      onBehalfOf?: ObjectId;
      at?: Instant;
    };

/** The outcome of a decision: the value, or the reason it was refused. */
export type Result<T, E = DomainError> = { ok: true; value: T } | { ok: false; error: E };

/** A successful result. */
export function ok<T>(value: T): Result<T, never> {
  return { ok: true, value };
}

/** A failed result. */
export function err<E = DomainError>(error: E): Result<never, E> {
  return { ok: false, error };
}

/** A failed result with one of the simple codes. */
export function fail(
  code: 'not-allowed' | 'invalid-transition' | 'separation-of-duties' | 'not-found' | 'conflict',
  reason: string,
): Result<never> {
  return err({ code, reason });
}

/** A validation failure listing the fields at fault; the reason names the first one. */
export function invalid(issues: FieldIssue[], reason?: string): Result<never> {
  const first = issues[0];
  const summary = reason ?? (first ? `${first.field}: ${first.message}` : 'The details are not valid.');
  return err({ code: 'validation', reason: summary, issues });
}

/** Turns a zod failure into a `validation` error, so card input problems read as sentences. */
export function invalidFromZod(error: z.ZodError, reason?: string): Result<never> {
  const issues = error.issues.map((issue) => ({
    field: issue.path.map(String).join('.') || '(input)',
    message: issue.message,
  }));
  return invalid(issues, reason);
}

/** Applies `next` to a successful value; passes a failure through unchanged. */
export function andThen<T, U, E>(result: Result<T, E>, next: (value: T) => Result<U, E>): Result<U, E> {
  return result.ok ? next(result.value) : result;
}

/** A zod parse as a `Result`: the data, or a `validation` error naming each field. */
export function fromParse<T>(
  parsed: { success: true; data: T } | { success: false; error: z.ZodError },
  reason?: string,
): Result<T> {
  return parsed.success ? ok(parsed.data) : invalidFromZod(parsed.error, reason);
}

/** Maps a successful value; passes a failure through unchanged. */
export function mapOk<T, U, E>(result: Result<T, E>, map: (value: T) => U): Result<U, E> {
  return result.ok ? ok(map(result.value)) : result;
}
