import { isSummaryDue, orderForBoard, periodStart } from '../../src/app/boards/board-summary';
import { isDueForChasing, overdueEngagementRequests } from '../../src/app/engagement/chase-late-answers';
import type { EngagementRequest, Recommendation } from '../../src/domain/records';

function recommendation(id: string, status: Recommendation['status'], target?: string): Recommendation {
  return {
    id,
    cocId: 'BUC-1',
    serviceCode: 'BUC',
    text: 'Do it',
    status,
    targetDateRevisions: [],
    updatedAt: '2026-01-01T00:00:00Z',
    updatedBy: 'x',
    ...(target === undefined ? {} : { originalTargetDate: target }),
  };
}

describe('the board’s order of open recommendations', () => {
  it('puts overdue ones first, most late first, then by target date, undated last, closed left out', () => {
    const rows = orderForBoard(
      [
        recommendation('BUC-1.1', 'inProgress', '2026-12-31'),
        recommendation('BUC-1.2', 'open'),
        recommendation('BUC-1.3', 'inProgress', '2026-10-01'),
        recommendation('BUC-1.4', 'closed', '2026-01-01'),
        recommendation('BUC-1.5', 'open', '2026-03-31'),
        // Evidence complete is waiting for approval, not overdue.
        recommendation('BUC-1.6', 'evidenceComplete', '2026-02-01'),
      ].map((r) => ({ recommendation: r, cocTitle: 'T' })),
      '2026-11-22',
    );
    expect(rows.map((r) => [r.recommendation.id, r.overdue])).toEqual([
      ['BUC-1.5', true],
      ['BUC-1.3', true],
      ['BUC-1.6', false],
      ['BUC-1.1', false],
      ['BUC-1.2', false],
    ]);
  });
});

describe('when a board summary is due', () => {
  it('starts monthly periods on the 1st and weekly ones on Monday', () => {
    expect(periodStart('monthly', '2026-11-22')).toBe('2026-11-01');
    expect(periodStart('weekly', '2026-11-22')).toBe('2026-11-16'); // a Sunday
    expect(periodStart('weekly', '2026-11-23')).toBe('2026-11-23'); // a Monday
  });

  it('is due once the period has begun since the last summary, and never when off', () => {
    const last = '2026-11-22T10:00:00Z';
    expect(isSummaryDue({ lastSummaryAt: last }, new Date('2026-11-30T12:00:00Z'))).toBe(false);
    expect(isSummaryDue({ lastSummaryAt: last }, new Date('2026-12-01T00:30:00Z'))).toBe(true);
    expect(
      isSummaryDue({ summarySchedule: 'weekly', lastSummaryAt: last }, new Date('2026-11-23T07:00:00Z')),
    ).toBe(true);
    expect(
      isSummaryDue({ summarySchedule: 'off', lastSummaryAt: last }, new Date('2027-06-01T07:00:00Z')),
    ).toBe(false);
  });

  it('counts the day in London: 11.30pm on 30 June (UTC) is already 1 July in summer time', () => {
    expect(isSummaryDue({ lastSummaryAt: '2026-06-15T10:00:00Z' }, new Date('2026-06-30T23:30:00Z'))).toBe(
      true,
    );
  });
});

describe('late answers to requests for an update', () => {
  const request = (
    id: string,
    dueDate: string,
    extra: Partial<EngagementRequest> = {},
  ): EngagementRequest => ({
    id,
    serviceCode: 'BUC',
    cocId: 'BUC-1',
    requestedBy: 'sll',
    requestedAt: '2026-10-01T09:00:00Z',
    dueDate,
    status: 'open',
    ...extra,
  });

  it('lists open requests past their date, most overdue first', () => {
    const list = overdueEngagementRequests(
      [
        request('a', '2026-11-20'),
        request('b', '2026-11-22'),
        request('c', '2026-11-01'),
        request('d', '2026-11-01', { status: 'answered' }),
      ],
      '2026-11-22',
    );
    expect(list.map((r) => r.id)).toEqual(['c', 'a']);
  });

  it('chases a late request once a week', () => {
    expect(isDueForChasing(request('a', '2026-11-20'), '2026-11-22')).toBe(true);
    expect(isDueForChasing(request('a', '2026-11-20', { lastChasedOn: '2026-11-18' }), '2026-11-22')).toBe(
      false,
    );
    expect(isDueForChasing(request('a', '2026-11-20', { lastChasedOn: '2026-11-15' }), '2026-11-22')).toBe(
      true,
    );
    expect(isDueForChasing(request('a', '2026-11-25'), '2026-11-22')).toBe(false);
  });
});
