import { newestCard, say, screenshot, usePlaygroundSession } from './support/playground-browser';

describe('an SLL edits a cause of concern in the Agents Playground', () => {
  const session = usePlaygroundSession(['sll']);

  it('gives HWF-1 a new letter date from its card, and the action plan deadline moves with it', async () => {
    const page = await session.openAs('sll');

    await say(page, 'show HWF-1');
    const card = newestCard(page);
    await card
      .getByText('Within 28 working days of the letter of 30 October 2026: 9 December 2026')
      .waitFor();
    await card.getByRole('button', { name: 'Edit' }).click();

    const form = newestCard(page);
    await form.getByRole('button', { name: 'Save changes' }).waitFor();
    await form.getByLabel('Letter date').fill('2026-11-06');
    await screenshot(page, '50-edit-coc-form');
    await form.getByRole('button', { name: 'Save changes' }).click();

    const saved = newestCard(page);
    await saved.getByText('Saved: HWF-1 changed. Its deadlines follow the new dates.').waitFor();
    await saved
      .getByText('Within 28 working days of the letter of 6 November 2026: 16 December 2026')
      .waitFor();
    await screenshot(page, '51-edit-coc-saved');
  });
});
