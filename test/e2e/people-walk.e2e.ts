import type { Locator, Page } from 'playwright-core';
import { expect as expectPage } from './support/expect-page';
import { newestCard, say, screenshot, usePlaygroundSession } from './support/playground-browser';

/** Waits until a card with `text` arrives in this person's chat (cards sent by the bot unasked). */
async function cardArrives(page: Page, text: string): Promise<void> {
  await page.locator('.ac-adaptiveCard', { hasText: text }).last().waitFor({ timeout: 30_000 });
}

/** Opens a drop-down list (a compact choice set) and picks the choice titled `title`. */
async function chooseIn(page: Page, list: Locator, title: string): Promise<void> {
  await list.click();
  await page.getByRole('option', { name: title, exact: true }).click();
}

describe('an administrator gives someone a role in the Agents Playground', () => {
  const session = usePlaygroundSession(['admin', 'deputyPortfolioDirector']);

  it('makes Dana Brooks SLL for Oxfordshire on the form, and she then issues a CoC for it', async () => {
    const dana = await session.openAs('deputyPortfolioDirector');
    const admin = await session.openAs('admin');

    await say(admin, 'people');
    const people = newestCard(admin);
    await people.getByText('Who is who').first().waitFor();
    await screenshot(admin, '40-people');
    await people.getByRole('button', { name: 'Give someone a role' }).click();

    const form = newestCard(admin);
    await form.getByText('Give someone a role').first().waitFor();
    // Teams' people picker: type a name, pick the person it suggests.
    await form.getByRole('combobox', { name: 'People Picker' }).fill('Dana');
    await admin
      .getByRole('option', { name: /Dana Brooks/ })
      .first()
      .click();
    await chooseIn(admin, form.getByRole('combobox', { name: /^Role/ }), 'Service Liaison Lead');
    await chooseIn(
      admin,
      form.getByRole('combobox', { name: /^For/ }),
      'Oxfordshire Fire and Rescue Service (OXF, Central)',
    );
    await screenshot(admin, '41-role-form-filled');
    await form.getByRole('button', { name: 'Give the role' }).click();

    await newestCard(admin)
      .getByText('Dana Brooks is now Service Liaison Lead for Oxfordshire Fire and Rescue Service.')
      .waitFor();
    await screenshot(admin, '42-role-given');

    await cardArrives(dana, 'Your roles in CoC Monitor changed');
    await say(dana, 'new coc');
    const coc = newestCard(dana);
    await coc.getByRole('button', { name: 'Issue cause of concern' }).waitFor();
    await chooseIn(
      dana,
      coc.getByRole('combobox', { name: /^Service\b/ }).first(),
      'Oxfordshire Fire and Rescue Service (OXF)',
    );
    await coc.getByLabel('Title').fill('Protection audits are behind');
    await coc.getByLabel('Finding').fill('The service has not met its risk-based inspection programme.');
    await coc.getByText('Effectiveness').click();
    await coc.getByLabel('Fieldwork end date').fill('2026-11-06');
    await coc.getByLabel('Letter date').fill('2026-11-20');
    await coc.getByText('28 working days from the letter').click();
    await coc
      .getByLabel('Recommendation 1', { exact: true })
      .fill('Bring the inspection programme up to date.');
    await screenshot(dana, '43-dana-new-coc');
    await coc.getByRole('button', { name: 'Issue cause of concern' }).click();

    const issued = newestCard(dana);
    await issued.getByText(/Cause of concern OXF-\d+ issued/).waitFor();
    await expectPage(issued).toShowText('Protection audits are behind');
    await screenshot(dana, '44-dana-issued-oxf');
  });
});
