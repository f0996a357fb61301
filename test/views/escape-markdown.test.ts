import { escapeMarkdown, shorten } from '../../src/views/shared/escape-markdown';

/** What CommonMark shows for escaped text: each backslash-escaped punctuation mark, literally. */
function rendered(escaped: string): string {
  return escaped.replace(/\\([!-/:-@[-`{-~])/g, '$1');
}

describe('escapeMarkdown', () => {
  it('shows a Markdown link literally instead of linking it', () => {
    expect(escapeMarkdown('[link](https://x)')).toBe('\\[link\\]\\(https://x\\)');
  });

  it.each([
    ['bold', '**urgent**'],
    ['italic', '_note_'],
    ['heading', '# Title'],
    ['quote', '> quoted'],
    ['code', '`rm -rf`'],
    ['list item', '- item'],
    ['plus list item', '+ item'],
    ['numbered list', '1. first'],
    ['strike-through', '~~gone~~'],
    ['table', '| a | b |'],
    ['HTML', '<b>bold</b>'],
    ['backslash', 'C:\\temp'],
  ])('neutralises %s', (_kind, text) => {
    const escaped = escapeMarkdown(text);

    expect(escaped).not.toBe(text);
    expect(rendered(escaped)).toBe(text);
    expect(escaped).not.toMatch(/(^|[^\\])[*_#>`+~|<[\]()-]/);
  });

  it('leaves ordinary words alone', () => {
    expect(escapeMarkdown('Response times in Worcester')).toBe('Response times in Worcester');
  });
});

describe('shorten', () => {
  it('keeps short text as typed, with spaces collapsed', () => {
    expect(shorten('  list   overdue ')).toBe('list overdue');
  });

  it('cuts long text and ends it with an ellipsis', () => {
    expect(shorten('abcdefghij', 5)).toBe('abcd…');
  });
});
