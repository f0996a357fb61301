/**
 * The target dates of recommendations to external bodies (§31) are reminded like any other date:
 * the due index learns them when one is added in chat, and the daily sweep posts them to the deputy
 * portfolio director's personal chat (external bodies have no service channel), once a day, with
 * the recommendation's card a click away. (Which dates are indexed, a closed one's not among them:
 * test/app/external-due-entries.test.ts.)
 */
import { demoPeople } from '../../src/demo/people';
import { useAppUnderTest } from '../support/app-under-test';
import { visibleText } from '../support/bot-client';
import { findCardProblems } from '../support/card-validator';
import { action, invokeCard } from '../support/cards';
import { cardsPostedTo, personalChat } from '../support/chats';
import { waitFor, waitLimitMs } from '../support/wait-for';

jest.setTimeout(waitLimitMs + 30_000);

const dpd = demoPeople.deputyPortfolioDirector;

describe('reminders of the target dates of recommendations to external bodies', () => {
  const app = useAppUnderTest();
  let externalId = '';

  const digestsToDirector = (since = 0) =>
    cardsPostedTo(app.connector, personalChat(dpd), since).filter((card) =>
      visibleText(card).startsWith('Reminders for'),
    );

  const sweepNow = async (): Promise<string> =>
    (await app.client.sendMessage('sweep now', demoPeople.admin)).texts.join('\n');

  beforeAll(async () => {
    await app.client.sendMessage('help', dpd); // the director has a chat with the bot
    const form = (await app.client.sendMessage('new external', dpd)).cards[0];
    const add = action(form, 'Add recommendation');
    const added = invokeCard(
      await app.client.sendInvoke(
        add.verb,
        {
          ...add.data,
          externalBody: 'Local Government Association',
          text: 'The LGA should offer peer challenge on culture to every fire and rescue authority.',
          targetDate: '2026-11-25',
          connectedCocId: '',
          hmi: demoPeople.hmi.objectId,
        },
        dpd,
      ),
    );
    externalId = /Added (EXT-\d+)/.exec(visibleText(added))?.[1] ?? '';
    expect(externalId).not.toBe('');
  });

  it('indexes the target date of one added in chat', async () => {
    const entry = await waitFor(`${externalId} in the due index`, async () =>
      (await app.store.dueIndex.listDueUpTo('2026-12-31')).find((e) => e.subjectId === externalId),
    );
    expect(entry).toMatchObject({ serviceCode: 'EXT', kind: 'targetDate', dueDate: '2026-11-25' });
  });

  it('posts the digest to the deputy portfolio director’s chat, once a day, with the card a click away', async () => {
    const since = app.connector.calls.length;
    await sweepNow();
    const digests = digestsToDirector(since);
    expect(digests).toHaveLength(1);
    const digest = digests[0];
    expect(findCardProblems(digest)).toEqual([]);
    const text = visibleText(digest);
    expect(text).toContain('Reminders for recommendations to external bodies');
    expect(text).toContain(externalId);
    expect(text).toContain('25 November 2026 · 3 days left');

    const open = action(digest, `Open ${externalId}`);
    const opened = invokeCard(await app.client.sendInvoke(open.verb, open.data, dpd));
    expect(visibleText(opened)).toContain(`${externalId}`);
    expect(visibleText(opened)).toContain('Local Government Association');

    const again = app.connector.calls.length;
    await sweepNow();
    expect(digestsToDirector(again)).toEqual([]);
  });
});
