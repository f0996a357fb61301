import type { Page } from 'playwright-core';
import { newestCard, say, screenshot, usePlaygroundSession } from './support/playground-browser';

/** Opens the team's Service updates channel and @mentions the bot with `text`, as a person posts. */
async function postInServiceChannel(page: Page, text: string): Promise<void> {
  await page.getByText('Service updates').first().click();
  await page.getByRole('textbox').first().click();
  await page.keyboard.type('@CoC');
  await page.getByRole('menuitem', { name: 'CoC Monitor' }).click();
  await page.keyboard.type(` ${text}`);
  await page.getByRole('button', { name: 'Post' }).click();
}

describe('asking a service for an update, walked by the SLL and the service’s SLO', () => {
  const session = usePlaygroundSession(['sll', 'slo']);

  it('posts the request in the service channel, where the SLO answers it', async () => {
    const sll = await session.openAs('sll');
    await postInServiceChannel(sll, 'register service HWF');
    await sll.getByText('Service channel registered').waitFor();

    // The SLO looks at the same channel from their own Playground.
    const slo = await session.openAs('slo');
    await postInServiceChannel(slo, 'help');
    await slo.locator('.ac-adaptiveCard').last().waitFor();

    await sll.getByText('Personal Chat').first().click();
    await say(sll, 'request update HWF-1 by 18 December 2026');
    await newestCard(sll)
      .getByText(/I asked Hereford/)
      .waitFor();
    await screenshot(sll, '20-engagement-requested');

    const request = slo.locator('.ac-adaptiveCard', { hasText: 'Send the update' }).last();
    await request.waitFor({ timeout: 30_000 });
    await request
      .getByLabel('Progress since the last update')
      .first()
      .fill('Recruitment campaign closed; six posts filled.');
    await screenshot(slo, '21-slo-answer-form');
    await request.getByRole('button', { name: 'Send the update' }).first().click();
    await slo
      .getByText(/Jordan Lee answered on/)
      .first()
      .waitFor();
    await screenshot(slo, '22-slo-answered');
  });
});
