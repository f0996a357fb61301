import { ClockError, formatLondonDateTime, formatLongDate, toLondonDate } from '../../../src/domain/clock';

describe('toLondonDate', () => {
  // Clocks went forward at 01:00 UTC on 26 March 2023 and back at 01:00 UTC on 29 October 2023.
  it.each([
    ['2023-03-25T23:30:00Z', '2023-03-25', '23:30 GMT, the night before clocks go forward'],
    ['2023-03-26T00:30:00Z', '2023-03-26', '00:30 GMT, still winter time'],
    ['2023-03-26T22:59:00Z', '2023-03-26', '23:59 BST'],
    ['2023-03-26T23:30:00Z', '2023-03-27', '00:30 BST, already the next day in London'],
    ['2023-06-30T23:30:00Z', '2023-07-01', '00:30 BST in midsummer'],
    ['2023-10-28T22:59:00Z', '2023-10-28', '23:59 BST'],
    ['2023-10-28T23:30:00Z', '2023-10-29', '00:30 BST, the night clocks go back'],
    ['2023-10-29T23:30:00Z', '2023-10-29', '23:30 GMT, after clocks went back'],
    ['2023-12-31T23:30:00Z', '2023-12-31', '23:30 GMT on New Year’s Eve'],
    ['2023-07-01T00:30:00+01:00', '2023-07-01', 'an instant written with a BST offset'],
  ])('reads %s as %s (%s)', (instant, expected) => {
    expect(toLondonDate(instant)).toBe(expected);
  });

  it('accepts a Date as well as a string', () => {
    expect(toLondonDate(new Date('2023-10-28T23:30:00Z'))).toBe('2023-10-29');
  });

  it('rejects text that is not an instant', () => {
    expect(() => toLondonDate('next Tuesday')).toThrow(
      expect.objectContaining({ code: 'invalidInstant' }) as ClockError,
    );
  });
});

describe('formatLongDate', () => {
  it.each([
    ['2023-04-28', '28 April 2023'],
    ['2023-05-01', '1 May 2023'],
    ['2022-09-19', '19 September 2022'],
    ['2024-02-29', '29 February 2024'],
    ['2023-03-26', '26 March 2023'], // the day clocks go forward
  ])('writes %s as "%s"', (date, expected) => {
    expect(formatLongDate(date)).toBe(expected);
  });
});

describe('formatLondonDateTime', () => {
  it.each([
    ['2023-04-28T13:05:00Z', '28 April 2023 at 14:05'], // BST
    ['2023-01-05T09:07:00Z', '5 January 2023 at 09:07'], // GMT
    ['2023-10-28T23:30:00Z', '29 October 2023 at 00:30'], // BST, after midnight in London
    ['2023-10-29T01:30:00Z', '29 October 2023 at 01:30'], // GMT, clocks have gone back
    ['2023-11-16T17:45:00Z', '16 November 2023 at 17:45'], // 24-hour clock
  ])('writes %s as "%s"', (instant, expected) => {
    expect(formatLondonDateTime(instant)).toBe(expected);
  });
});
