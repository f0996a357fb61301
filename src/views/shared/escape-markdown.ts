/**
 * Neutralises Markdown in text a person typed, before it goes into an Adaptive Card TextBlock.
 *
 * Teams renders a subset of Markdown in TextBlocks (and in FactSet values), so `[link](https://x)`
 * would become a live link and `**` would turn text bold. A backslash before each punctuation mark
 * is CommonMark's escape: the reader sees the characters exactly as typed.
 */

/** `\ * _ [ ] ( ) # > ` + - ~ |` and `<`: each gets a backslash in front. */
const markdownPunctuation = /[\\*_[\]()#>`+\-~|<]/g;

/** "1." at the start of a line would start a numbered list. */
const numberedListMarker = /^(\s*\d+)\./gm;

/**
 * Escapes Markdown so user text shows literally.
 *
 * The full stop of a numbered-list marker (`1.` at the start of a line) is escaped as well.
 *
 * @example escapeMarkdown('[link](https://x)') // '\\[link\\]\\(https://x\\)'
 */
export function escapeMarkdown(text: string): string {
  return text
    .replace(markdownPunctuation, (character) => `\\${character}`)
    .replace(numberedListMarker, '$1\\.');
}

/** Shortens text for a one-line quote, ending it with an ellipsis when cut. */
export function shorten(text: string, maxLength = 80): string {
  const characters = Array.from(text.replace(/\s+/g, ' ').trim());
  return characters.length <= maxLength
    ? characters.join('')
    : `${characters.slice(0, maxLength - 1).join('')}…`;
}
