import { expect as expectPage } from './support/expect-page';
import { newestCard, say, screenshot, usePlaygroundSession } from './support/playground-browser';

describe('an SLL in the Agents Playground', () => {
  const session = usePlaygroundSession(['sll']);

  it('issues a cause of concern from the form and sees it confirmed with its due dates', async () => {
    const page = await session.openAs('sll');

    await say(page, 'new coc');
    const form = newestCard(page);
    await form.getByRole('button', { name: 'Issue cause of concern' }).waitFor();
    await form.getByLabel('Title').fill('Prevention visits backlog [link](https://example.org)');
    await form.getByLabel('Finding').fill('The service has a backlog of safe and well visits.');
    await form.getByText('Effectiveness').click();
    await form.getByLabel('Fieldwork end date').fill('2026-11-06');
    await form.getByLabel('Letter date').fill('2026-11-20');
    await form.getByText('28 working days from the letter').click();
    await form.getByLabel('Recommendation 1', { exact: true }).fill('Clear the backlog of high-risk visits.');
    await screenshot(page, '01-new-coc-form-filled');
    await form.getByRole('button', { name: 'Issue cause of concern' }).click();

    const issued = newestCard(page);
    await issued.getByText(/Cause of concern BUC-\d+ issued/).waitFor();
    await screenshot(page, '02-coc-issued');
    await expectPage(issued).toShowText('Prevention visits backlog [link](https://example.org)');
    // 28 working days from Friday 20 November 2026 skip Christmas, Boxing Day (moved to the 28th) and New Year's Day.
    await expectPage(issued).toShowText('4 January 2027');
  });

  it('opens a cause of concern and changes a recommendation’s RAG in place', async () => {
    const page = await session.openAs('sll');

    await say(page, 'show BUC-1');
    const card = newestCard(page);
    await card.getByText('BUC-1: Risk-based inspection programme').waitFor();
    await card.getByRole('button', { name: 'Update' }).first().click();

    const form = newestCard(page);
    await form.getByText('Update BUC-1.1').waitFor();
    await form.getByText('Green', { exact: true }).click();
    await screenshot(page, '03-update-form');
    await form.getByRole('button', { name: 'Save' }).click();

    const updated = newestCard(page);
    await updated.getByText('BUC-1.1 · In progress · Green').waitFor();
    await screenshot(page, '04-recommendation-updated');
  });
});
