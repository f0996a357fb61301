/**
 * Inputs that several card forms share: text inputs, and the five evidence link boxes (`link1` … `link5`).
 */
import { z } from 'zod';

/** One typed value from a form; absurd lengths are refused outright. */
export const typedText = z.string().max(10_000).optional();

/** A {@link typedText}, '' when the card leaves it out. */
export const typedOrEmpty = typedText.transform((value) => value ?? '');

/** A form's text input: text, '' when the card leaves it out. */
export const formText = z
  .string()
  .max(20_000)
  .nullish()
  .transform((value) => value ?? '');

/** A form's text inputs, each read as {@link formText}. */
export function textInputs<K extends string>(...names: K[]): Record<K, typeof formText> {
  return Object.fromEntries(names.map((name) => [name, formText])) as Record<K, typeof formText>;
}

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
