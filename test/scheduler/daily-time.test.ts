import { nextDailyRun } from '../../src/scheduler';

describe('when the daily sweep runs next (Europe/London)', () => {
  it('runs at 07:30 GMT in winter and 07:30 BST (06:30 UTC) in summer', () => {
    expect(nextDailyRun(new Date('2026-11-22T06:00:00Z'), '07:30').toISOString()).toBe(
      '2026-11-22T07:30:00.000Z',
    );
    expect(nextDailyRun(new Date('2026-07-01T05:00:00Z'), '07:30').toISOString()).toBe(
      '2026-07-01T06:30:00.000Z',
    );
  });

  it('moves to tomorrow once today’s time has passed, across the change to BST', () => {
    expect(nextDailyRun(new Date('2026-03-28T08:00:00Z'), '07:30').toISOString()).toBe(
      '2026-03-29T06:30:00.000Z',
    );
    expect(nextDailyRun(new Date('2026-11-22T07:30:00Z'), '07:30').toISOString()).toBe(
      '2026-11-23T07:30:00.000Z',
    );
  });
});
