/**
 * Parses what a caller hands the store with zod, so bad input fails here with a readable
 * {@link InvalidStoreInputError} instead of as a bad row or a malformed request.
 */
import type { z } from 'zod';
import { InvalidStoreInputError } from './errors';

/** Returns the parsed value (defaults filled in) or throws naming `what` and every problem. */
export function parseInput<T>(schema: z.ZodType<T>, value: unknown, what: string): T {
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    const problems = parsed.error.issues.map(
      (issue) => `${issue.path.join('.') || '(value)'}: ${issue.message}`,
    );
    throw new InvalidStoreInputError(`The ${what} is not valid: ${problems.join('; ')}`);
  }
  return parsed.data;
}
