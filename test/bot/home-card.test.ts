/**
 * The home card: `help`, a greeting or the install in a personal chat shows each person what needs
 * them now, with buttons for their everyday commands and every command one click away; in a channel
 * `help` shows the list of commands. Every command the app package lists for the personal chat is
 * understood.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { demoPeople } from '../../src/demo/people';
import { extraDemoPeople } from '../../src/demo/extra-people';
import { useAppUnderTest } from '../support/app-under-test';
import { raisedClosure } from '../support/closures';
import { testBot, visibleText } from '../support/bot-client';
import { findCardProblems } from '../support/card-validator';

type Card = Record<string, unknown>;

interface Action {
  type: string;
  title: string;
  data?: { msteams?: { type: string; value: string } };
}

const actionsOf = (card: Card | undefined): Action[] => (card?.actions ?? []) as Action[];
const typedBy = (card: Card | undefined, title: string): string | undefined =>
  actionsOf(card).find((action) => action.title === title)?.data?.msteams?.value;

describe('the home card', () => {
  const app = useAppUnderTest();

  beforeAll(async () => {
    await raisedClosure(app, 'BUC-1.1');
    await app.client.sendMessage('register service BUC', demoPeople.sll, {
      conversationType: 'channel',
      mentionBot: true,
    });
    const asked = await app.client.sendMessage('request update BUC-1 by 15 December 2026', demoPeople.sll);
    expect(asked.cards.map(visibleText).join('\n')).toContain('Request for an update sent');
    await app.appContext.outbox.idle();
  });

  it('shows the Chief of Staff the closure request waiting, with Approvals one press away', async () => {
    const card = (await app.client.sendMessage('help', demoPeople.cos)).cards[0];

    expect(findCardProblems(card)).toEqual([]);
    const text = visibleText(card);
    expect(text).toContain('Hello, Morgan Hughes');
    expect(text).toContain('You are: Chief of Staff.');
    expect(text).toContain('1 closure request waits for your decision');
    expect(typedBy(card, 'Approvals')).toBe('approvals');
    expect(actionsOf(card).map((action) => action.title)).toContain('All commands');
    expect(text).toContain('new coc'); // under All commands
  });

  it('shows the SLL their overdue records and the request for an update they are waiting for', async () => {
    const card = (await app.client.sendMessage('hi', demoPeople.sll)).cards[0];

    const text = visibleText(card);
    expect(text).toContain('Hello, Sam Patel');
    expect(text).toMatch(/\d+ of your records (is|are) overdue/);
    expect(text).toContain('You asked for an update on BUC-1 by 15 December 2026; no answer yet.');
    expect(typedBy(card, 'New cause of concern')).toBe('new coc');
    expect(typedBy(card, 'Overdue')).toBe('list overdue');
  });

  it('tells the service’s liaison officer there is a request to answer', async () => {
    const card = (await app.client.sendMessage('hello', extraDemoPeople.sloBuckinghamshire)).cards[0];

    expect(visibleText(card)).toContain('The inspectorate asks for an update on BUC-1 by 15 December 2026');
  });

  it('greets a person with their home card when they install the bot', async () => {
    const added = await app.client.sendActivity(
      {
        type: 'conversationUpdate',
        membersAdded: [{ id: `29:${demoPeople.hmi.objectId}`, name: '' }, testBot],
      },
      demoPeople.hmi,
    );

    expect(added.cards).toHaveLength(1);
    expect(visibleText(added.cards[0])).toContain('Hello, Alex Carter');
  });

  it('answers help in a channel with the list of commands, not anyone’s home card', async () => {
    const turn = await app.client.sendMessage('help', demoPeople.cos, {
      conversationType: 'channel',
      mentionBot: true,
    });

    const text = visibleText(turn.cards[0]);
    expect(text).toContain('new coc');
    expect(text).not.toContain('Hello,');
  });

  it('understands every command the app package lists for the personal chat', async () => {
    const manifest = JSON.parse(
      readFileSync(path.join(__dirname, '..', '..', 'appPackage', 'manifest.json'), 'utf8'),
    ) as { bots: { commandLists: { scopes: string[]; commands: { title: string }[] }[] }[] };
    const personal = manifest.bots[0]?.commandLists.find((list) => list.scopes.includes('personal'));
    expect(personal?.commands.length).toBeGreaterThan(0);
    for (const { title } of personal?.commands ?? []) {
      const turn = await app.client.sendMessage(title, demoPeople.sll);
      const said = [...turn.texts, ...turn.cards.map(visibleText)].join('\n');
      expect([title, said]).not.toEqual([title, expect.stringContaining("I didn't understand")]);
    }
  });
});
