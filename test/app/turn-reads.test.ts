import { createAppContext, forOneTurn, readOncePerTurn } from '../../src/app/app-context';
import type { Store } from '../../src/store';

describe('reads shared within one turn', () => {
  const context = createAppContext({} as Store);

  it('reads once per key within a turn, and again in the next turn', async () => {
    let reads = 0;
    const read = () => Promise.resolve((reads += 1));
    const turn = forOneTurn(context);

    expect(await readOncePerTurn(turn, 'service|BUC', read)).toBe(1);
    expect(await readOncePerTurn(turn, 'service|BUC', read)).toBe(1);
    expect(await readOncePerTurn(turn, 'service|HWF', read)).toBe(2);
    expect(await readOncePerTurn(forOneTurn(context), 'service|BUC', read)).toBe(3);
  });

  it('shares nothing outside a turn', async () => {
    let reads = 0;
    const read = () => Promise.resolve((reads += 1));

    await readOncePerTurn(context, 'service|BUC', read);
    await readOncePerTurn(context, 'service|BUC', read);

    expect(reads).toBe(2);
  });
});
