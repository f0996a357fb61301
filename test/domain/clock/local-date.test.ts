import {
  addCalendarDays,
  addCalendarMonths,
  ClockError,
  dayOfWeek,
  daysBetween,
  parseLocalDate,
} from '../../../src/domain/clock';

describe('addCalendarDays', () => {
  it.each([
    // 19 October + 28 days: 12 days to 31 October, 16 more into November.
    ['2023-10-19', 28, '2023-11-16'],
    ['2022-12-30', 3, '2023-01-02'],
    ['2024-02-28', 1, '2024-02-29'],
    ['2023-03-27', -2, '2023-03-25'],
  ])('%s plus %i days is %s', (date, days, expected) => {
    expect(addCalendarDays(date, days)).toBe(expected);
  });
});

describe('addCalendarMonths', () => {
  it.each([
    ['2023-04-28', 3, '2023-07-28'],
    ['2023-10-31', 3, '2024-01-31'],
    // No 30 February: the quarter ends on the last day of February.
    ['2023-11-30', 3, '2024-02-29'],
    ['2022-11-30', 3, '2023-02-28'],
    ['2023-08-31', 6, '2024-02-29'],
    ['2023-01-31', -2, '2022-11-30'],
  ])('%s plus %i months is %s', (date, months, expected) => {
    expect(addCalendarMonths(date, months)).toBe(expected);
  });
});

describe('daysBetween', () => {
  it.each([
    ['2023-11-14', '2023-11-16', 2],
    ['2023-11-16', '2023-11-16', 0],
    ['2023-11-20', '2023-11-16', -4],
    // A 23-hour day (clocks go forward on 26 March 2023) is still one day.
    ['2023-03-25', '2023-03-27', 2],
    ['2023-10-28', '2023-10-30', 2],
    ['2023-12-31', '2024-01-01', 1],
  ])('from %s to %s is %i days', (today, due, expected) => {
    expect(daysBetween(today, due)).toBe(expected);
  });
});

describe('dayOfWeek', () => {
  it.each([
    ['2023-05-08', 1], // coronation: a Monday
    ['2023-10-19', 4], // a Thursday
    ['2023-05-06', 6],
    ['2023-05-07', 0],
  ])('%s falls on day %i', (date, expected) => {
    expect(dayOfWeek(date)).toBe(expected);
  });
});

describe('parseLocalDate', () => {
  it.each(['2023-02-29', '2023-13-01', '28/04/2023', '2023-4-28', ''])('rejects "%s"', (text) => {
    expect(() => parseLocalDate(text)).toThrow(
      expect.objectContaining({ code: 'invalidLocalDate' }) as ClockError,
    );
  });

  it('accepts 29 February in a leap year', () => {
    expect(parseLocalDate('2024-02-29')).toEqual({ year: 2024, month: 2, day: 29 });
  });
});
