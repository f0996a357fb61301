/** Unwraps a successful result, failing the test with the refusal otherwise. */
export function expectOk<T>(
  result: { ok: true; value: T } | { ok: false; error: { code: string; reason: string } },
): T {
  if (!result.ok) throw new Error(`Expected success, got ${result.error.code}: ${result.error.reason}`);
  return result.value;
}

/** Unwraps a failed result, failing the test if it succeeded. */
export function expectError<E>(result: { ok: true } | { ok: false; error: E }): E {
  if (result.ok) throw new Error('Expected a refusal, but it succeeded');
  return result.error;
}
