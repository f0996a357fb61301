/**
 * A small assertion for what a person sees in a card, with a readable failure message.
 */
import type { Locator } from 'playwright-core';

/** Expectations on a Playwright locator. */
export function expect(locator: Locator): { toShowText(text: string): Promise<void> } {
  return {
    async toShowText(text) {
      const shown = await locator.innerText();
      if (!shown.includes(text)) {
        throw new Error(`Expected the card to show “${text}”, but it shows:\n${shown}`);
      }
    },
  };
}
