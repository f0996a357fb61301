import type { Page } from 'playwright-core';
import { newestCard, say, screenshot, usePlaygroundSession } from './support/playground-browser';

/** Waits until a card with `text` arrives in this person's chat (cards sent by the bot unasked). */
async function cardArrives(page: Page, text: string): Promise<void> {
  await page.locator('.ac-adaptiveCard', { hasText: text }).last().waitFor({ timeout: 30_000 });
}

describe('closing a recommendation, walked by three people in their own Playgrounds', () => {
  const session = usePlaygroundSession(['sll', 'cos', 'hmi']);

  it('goes from the SLL’s request to the Chief of Staff’s approval and the HM Inspector’s sign-off', async () => {
    // The approvers open the bot first, as they would install it, so it can reach them.
    const cos = await session.openAs('cos');
    const hmi = await session.openAs('hmi');
    const sll = await session.openAs('sll');

    await say(sll, 'close BUC-1.1');
    const form = newestCard(sll);
    await form.getByText('Request closure of BUC-1.1').waitFor();
    await form.getByLabel('Evidence link 1 (https)').fill('https://evidence.example.org/buc/audits.xlsx');
    await form
      .getByLabel('How you validated the improvement')
      .fill('Sampled 40 audits against the risk register; all within timescale.');
    await screenshot(sll, '10-closure-requested-form');
    await form.getByRole('button', { name: 'Send for approval' }).click();
    await newestCard(sll)
      .getByText(/Closure request: BUC-1\.1/)
      .waitFor();
    await screenshot(sll, '11-closure-request-sent');

    await cardArrives(cos, 'Closure request: BUC-1.1');
    const approval = cos.locator('.ac-adaptiveCard', { hasText: 'Closure request: BUC-1.1' }).last();
    await screenshot(cos, '12-cos-approval-card');
    await approval.getByRole('button', { name: 'Approve' }).click();
    await approval
      .getByText(/Approved by Morgan Hughes|approved by Morgan Hughes/i)
      .first()
      .waitFor();
    await screenshot(cos, '13-cos-approved');

    await cardArrives(hmi, 'Closure request: BUC-1.1');
    const signOff = hmi.locator('.ac-adaptiveCard', { hasText: 'Closure request: BUC-1.1' }).last();
    await screenshot(hmi, '14-hmi-sign-off-card');
    await signOff.getByRole('button', { name: 'Sign off' }).click();
    await signOff.getByText('Signed off: BUC-1.1 is closed.').waitFor();
    await screenshot(hmi, '15-hmi-signed-off');

    await say(sll, 'show BUC-1');
    await newestCard(sll).getByText('BUC-1.1 · Signed off (closed)').first().waitFor();
    await screenshot(sll, '16-recommendation-closed');
  });
});
