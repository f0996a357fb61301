/**
 * Inputs that several card forms share: the five evidence link boxes (`link1` … `link5`).
 */
import { z } from 'zod';

/** One typed value from a form; absurd lengths are refused outright. */
export const typedText = z.string().max(10_000).optional();

/** The five evidence link inputs of a form, as its data sends them. */
export const evidenceLinkInputs = {
  link1: typedText,
  link2: typedText,
  link3: typedText,
  link4: typedText,
  link5: typedText,
};

/** The evidence link inputs in form order, blanks as empty strings. */
export function linksTyped(
  data: Partial<Record<keyof typeof evidenceLinkInputs, string | undefined>>,
): string[] {
  return [data.link1, data.link2, data.link3, data.link4, data.link5].map((link) => link ?? '');
}
