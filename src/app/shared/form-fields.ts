/** Field rules several forms share, with the messages their cards show under the field. */
import { z } from 'zod';

/**
 * Required text, trimmed, of at most `max` characters.
 * @example requiredText(10).safeParse('  ').error?.issues[0]?.message // 'is required'
 */
export function requiredText(max: number): z.ZodString {
  return z
    .string()
    .trim()
    .min(1, 'is required')
    .max(max, `must be at most ${String(max)} characters`);
}
