import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { renderHelpCard } from '../../src/views/help-card';
import { renderCard } from '../../src/views/shared/card-renderer';
import { visibleText } from '../support/bot-client';

function cardsFolderWith(name: string, card: object): string {
  const folder = mkdtempSync(path.join(tmpdir(), 'cards-'));
  writeFileSync(path.join(folder, `${name}.json`), JSON.stringify(card));
  return folder;
}

describe('renderCard', () => {
  const folder = cardsFolderWith('title', {
    type: 'AdaptiveCard',
    version: '1.5',
    body: [{ type: 'TextBlock', text: '${title}' }],
  });

  it('binds data into the template', () => {
    expect(renderCard('title', { title: 'Response times' }, folder)).toMatchObject({
      body: [{ type: 'TextBlock', text: 'Response times' }],
    });
  });

  it('renders template expressions found in data literally', () => {
    const card = renderCard('title', { title: '${secret}', secret: 'leaked' }, folder);

    expect(card).toMatchObject({ body: [{ text: '${secret}' }] });
  });

  it('refuses a card name that could reach outside cards/', () => {
    expect(() => renderCard('../package', {}, folder)).toThrow('must be kebab-case');
  });

  it('renders the help card from cards/help.json with every planned command', () => {
    const shown = visibleText(renderHelpCard());

    for (const usage of [
      'new coc',
      'new afi',
      'show <id>',
      'list',
      'list overdue',
      'status <rec id> <rag> <note>',
      'history <id>',
      'help',
    ]) {
      expect(shown).toContain(usage);
    }
  });
});
