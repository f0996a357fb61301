/**
 * The one error the clock throws: a date, instant or day count it cannot use.
 *
 * Callers parse input at the boundary (zod `LocalDate`, `Instant`), so this only fires on a
 * programming mistake; the code is stable so logs and tests can match on it.
 */
export type ClockErrorCode = 'invalidLocalDate' | 'invalidInstant' | 'invalidDayCount';

export class ClockError extends Error {
  override readonly name = 'ClockError';

  constructor(
    readonly code: ClockErrorCode,
    message: string,
  ) {
    super(message);
  }
}
