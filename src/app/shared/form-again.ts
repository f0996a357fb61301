/**
 * A form drawn again after its save was refused for what was typed or lost a race: what the person
 * typed, each field's message, the reason on top, and which version it is drawn from.
 */
import type { DomainError } from '../../domain/errors';

/** The form's values, messages, notice and version after `error` refused what was `sent`. */
export function formAfterRefusal<V>(
  error: DomainError,
  sent: { values: V; updatedAt: string | undefined },
  sentence: (field: string, message: string) => string = (_field, message) => message,
): { values: V; errors: Record<string, string>; notice: string; updatedAt?: string } {
  const errors =
    error.code === 'validation'
      ? Object.fromEntries(error.issues.map((i) => [i.field, sentence(i.field, i.message)]))
      : {};
  // After someone else's change the form is drawn from the new version (the caller's default), still
  // keeping what was typed; after bad input, from the version it was drawn from.
  return {
    values: sent.values,
    errors,
    notice: `Nothing was saved: ${error.reason}`,
    ...(error.code === 'validation' && sent.updatedAt ? { updatedAt: sent.updatedAt } : {}),
  };
}
