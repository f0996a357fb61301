import fc from 'fast-check';
import {
  addCalendarDays,
  addWorkingDays,
  bankHolidaysInYear,
  dayOfWeek,
  isBankHoliday,
  isWorkingDay,
  workingDaysBetween,
} from '../../../src/domain/clock';

describe('bankHolidaysInYear', () => {
  // The weekday bank holidays GOV.UK lists for England and Wales.
  it.each([
    [
      2022,
      [
        '2022-01-03',
        '2022-04-15',
        '2022-04-18',
        '2022-05-02',
        '2022-06-02',
        '2022-06-03',
        '2022-08-29',
        '2022-09-19',
        '2022-12-26',
        '2022-12-27',
      ],
    ],
    [
      2023,
      [
        '2023-01-02',
        '2023-04-07',
        '2023-04-10',
        '2023-05-01',
        '2023-05-08',
        '2023-05-29',
        '2023-08-28',
        '2023-12-25',
        '2023-12-26',
      ],
    ],
    [
      2026,
      [
        '2026-01-01',
        '2026-04-03',
        '2026-04-06',
        '2026-05-04',
        '2026-05-25',
        '2026-08-31',
        '2026-12-25',
        '2026-12-28',
      ],
    ],
  ])('matches the GOV.UK list for %i', (year, expected) => {
    const weekdays = [...bankHolidaysInYear(year)].filter(
      (date) => dayOfWeek(date) >= 1 && dayOfWeek(date) <= 5,
    );
    expect(weekdays.sort()).toEqual(expected);
  });

  it('leaves out observances such as Mother’s Day', () => {
    expect(bankHolidaysInYear(2023).has('2023-03-19')).toBe(false);
  });
});

describe('isWorkingDay', () => {
  it.each([
    ['2023-05-08', false, 'coronation of King Charles III (one-off)'],
    ['2022-09-19', false, 'state funeral of Queen Elizabeth II (one-off)'],
    ['2022-06-03', false, 'Platinum Jubilee (one-off)'],
    ['2022-06-02', false, 'spring bank holiday, moved for the jubilee'],
    ['2022-12-27', false, 'Christmas Day substitute (25 December 2022 was a Sunday)'],
    ['2023-01-02', false, 'New Year’s Day substitute'],
    ['2026-12-28', false, 'Boxing Day substitute (26 December 2026 is a Saturday)'],
    ['2023-05-06', false, 'a Saturday'],
    ['2023-05-07', false, 'a Sunday'],
    ['2023-05-09', true, 'the Tuesday after the coronation'],
    ['2023-10-19', true, 'an ordinary Thursday'],
  ])('%s is a working day: %s (%s)', (date, expected) => {
    expect(isWorkingDay(date)).toBe(expected);
  });

  it('treats an extra holiday from configuration as a day off', () => {
    const extraHolidays = ['2026-06-15'];
    expect(isBankHoliday('2026-06-15', { extraHolidays })).toBe(true);
    expect(isWorkingDay('2026-06-15', { extraHolidays })).toBe(false);
    expect(isWorkingDay('2026-06-15')).toBe(true);
  });
});

describe('addWorkingDays', () => {
  it.each([
    // Thu 19 Oct 2023, no holidays: 20 Oct = 1; 23-27 Oct = 2-6; 30 Oct-3 Nov = 7-11;
    // 6-10 Nov = 12-16; 13-17 Nov = 17-21; 20-24 Nov = 22-26; Mon 27 Nov = 27; Tue 28 Nov = 28.
    ['2023-10-19', 28, '2023-11-28'],
    // Thu 20 Apr 2023: 21 Apr = 1; 24-28 Apr = 2-6; [1 May off] 2-5 May = 7-10; [8 May off]
    // 9-12 May = 11-14; 15-19 May = 15-19; 22-26 May = 20-24; [29 May off] 30 May-2 Jun = 25-28.
    ['2023-04-20', 28, '2023-06-02'],
    // Thu 1 Dec 2022: 2 Dec = 1; 5-9 Dec = 2-6; 12-16 Dec = 7-11; 19-23 Dec = 12-16;
    // [26, 27 Dec off] 28-30 Dec = 17-19; [2 Jan off] 3-6 Jan = 20-23; 9-13 Jan = 24-28.
    ['2022-12-01', 28, '2023-01-13'],
    // Thu 1 Sep 2022: 2 Sep = 1; 5-9 Sep = 2-6; 12-16 Sep = 7-11; [19 Sep off] 20-23 Sep = 12-15;
    // 26-30 Sep = 16-20; 3-7 Oct = 21-25; 10, 11, 12 Oct = 26, 27, 28.
    ['2022-09-01', 28, '2022-10-12'],
    // Thu 19 May 2022: 20 May = 1; 23-27 May = 2-6; 30 May-1 Jun = 7-9; [2, 3 Jun off]
    // 6-10 Jun = 10-14; 13-17 Jun = 15-19; 20-24 Jun = 20-24; 27-30 Jun = 25-28.
    ['2022-05-19', 28, '2022-06-30'],
    // Fri 5 May 2023: Sat, Sun, then the coronation Monday; Tue 9 May is the first.
    ['2023-05-05', 1, '2023-05-09'],
    // Thu 24 Dec 2026: [25 Dec off, 26-27 weekend, 28 Dec substitute off] Tue 29 Dec = 1.
    ['2026-12-24', 1, '2026-12-29'],
    // Backwards from Tue 9 May 2023: [8 May off, 6-7 weekend] Fri 5 May = -1.
    ['2023-05-09', -1, '2023-05-05'],
    ['2023-05-08', 0, '2023-05-08'],
  ])('%s plus %i working days is %s', (date, n, expected) => {
    expect(addWorkingDays(date, n)).toBe(expected);
  });

  it('skips an extra holiday from configuration', () => {
    // As above, 1 working day after 24 Dec 2026 is 29 Dec; if 29 Dec were declared a holiday, 30 Dec.
    expect(addWorkingDays('2026-12-24', 1, { extraHolidays: ['2026-12-29'] })).toBe('2026-12-30');
  });

  it('rejects a fractional number of days', () => {
    expect(() => addWorkingDays('2023-10-19', 1.5)).toThrow(/must be whole/);
  });
});

describe('workingDaysBetween', () => {
  it.each([
    ['2023-10-19', '2023-11-28', 28],
    ['2023-11-28', '2023-10-19', -28],
    ['2023-04-20', '2023-06-02', 28], // counted by hand under addWorkingDays
    ['2022-12-23', '2022-12-28', 1], // 24-25 weekend, 26-27 bank holidays, 28 Dec counts
    ['2023-05-08', '2023-05-08', 0],
  ])('from %s to %s is %i working days', (from, to, expected) => {
    expect(workingDaysBetween(from, to)).toBe(expected);
  });

  it('undoes addWorkingDays for any date and count', () => {
    const dates = fc.integer({ min: 0, max: 6 * 366 }).map((offset) => addCalendarDays('2022-01-01', offset));
    fc.assert(
      fc.property(dates, fc.integer({ min: -60, max: 60 }), (date, n) => {
        const target = addWorkingDays(date, n);
        return workingDaysBetween(date, target) === n && (n === 0 || isWorkingDay(target));
      }),
    );
  });
});
