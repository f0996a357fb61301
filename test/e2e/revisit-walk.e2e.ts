import type { Page } from 'playwright-core';
import { addCalendarDays, toLondonDate } from '../../src/domain/clock';
import { cardShows, newestCard, say, screenshot, usePlaygroundSession } from './support/playground-browser';

/** Waits until a card with `text` arrives in this person's chat (cards sent by the bot unasked). */
async function cardArrives(page: Page, text: string): Promise<void> {
  await page.locator('.ac-adaptiveCard', { hasText: text }).last().waitFor({ timeout: 30_000 });
}

describe('a revisit, walked by the SLL, the Chief of Staff and the HM Inspector in their own Playgrounds', () => {
  const session = usePlaygroundSession(['sll', 'cos', 'hmi']);

  it('goes from the SLL’s proposal through endorsement and approval to the findings and the HM Inspector’s letter', async () => {
    // The bot runs on the real clock here: the revisit took place in the last few days.
    const today = toLondonDate(new Date());
    const firstDay = addCalendarDays(today, -3);
    const lastDay = addCalendarDays(today, -1);

    const cos = await session.openAs('cos');
    const hmi = await session.openAs('hmi');
    const sll = await session.openAs('sll');

    await say(sll, 'revisit BUC-1');
    const form = newestCard(sll);
    await form.getByText('Propose a revisit of BUC-1').waitFor();
    await form.getByLabel('First day of the revisit').fill(firstDay);
    await form.getByLabel('Last day of the revisit').fill(lastDay);
    await form
      .getByLabel('Purpose of the revisit')
      .fill('Check the risk-based inspection programme now reaches every high-risk premises.');
    await form.getByLabel('Team (who will go)').fill('Sam Patel (SLL) and two protection inspectors');
    await screenshot(sll, '30-revisit-proposal-form');
    await form.getByRole('button', { name: 'Propose the revisit' }).click();
    await newestCard(sll).getByText('Revisit BUC-1-R1 proposed.').waitFor();
    await screenshot(sll, '31-revisit-proposed');

    await cardArrives(cos, 'Revisit BUC-1-R1');
    const endorsement = cos.locator('.ac-adaptiveCard', { hasText: 'Revisit BUC-1-R1' }).last();
    await screenshot(cos, '32-cos-endorsement-card');
    await endorsement.getByRole('button', { name: 'Endorse' }).click();
    await cardShows(cos, endorsement, 'Endorsed: BUC-1-R1 goes to the HM Inspector to approve.');

    await cardArrives(hmi, 'Revisit BUC-1-R1');
    const approval = hmi.locator('.ac-adaptiveCard', { hasText: 'Revisit BUC-1-R1' }).last();
    await screenshot(hmi, '33-hmi-approval-card');
    await approval.getByRole('button', { name: 'Approve' }).click();
    await cardShows(hmi, approval, 'Approved: BUC-1-R1 is now a date the reminders know.');

    // The SLL was told of the approval in their chat; that card offers "Record findings".
    await cardArrives(sll, 'Alex Carter approved revisit BUC-1-R1');
    const approved = sll
      .locator('.ac-adaptiveCard', { hasText: 'Alex Carter approved revisit BUC-1-R1' })
      .last();
    await approved.getByRole('button', { name: 'Record findings' }).click();
    const findings = sll.locator('.ac-adaptiveCard', { hasText: 'Findings of revisit BUC-1-R1' }).last();
    await findings.waitFor();
    await findings.getByLabel('Date the initial findings were given').fill(lastDay);
    await findings
      .getByLabel('Finding for BUC-1.1 (leave empty if none)')
      .fill('High-risk premises are now audited on time; low-risk audits still lag.');
    await findings.getByRole('combobox', { name: 'RAG for BUC-1.1' }).click();
    await sll.getByRole('option', { name: 'Amber' }).click();
    await findings.getByLabel('Next steps (for the letter)').fill('We will revisit in six months.');
    await screenshot(sll, '34-revisit-findings-form');
    await findings.getByRole('button', { name: 'Save findings' }).click();
    await cardShows(sll, newestCard(sll), /Findings saved: 1 finding added/);
    await screenshot(sll, '35-revisit-findings-saved');

    await cardArrives(hmi, 'Revisit letter for BUC-1-R1');
    const letter = hmi.locator('.ac-adaptiveCard', { hasText: 'Revisit letter for BUC-1-R1' }).last();
    await letter.getByText(/low-risk audits still lag\. We assessed progress as amber\./).waitFor();
    await letter.getByText('Recommendations still open').waitFor();
    await letter.getByText('We will revisit in six months.').waitFor();
    await screenshot(hmi, '36-revisit-letter-draft');
  });
});
