/**
 * Which date of a recommendation to an external body (§31) the due index holds: its target date in
 * force (the latest revision, else the original) until its evidence is complete, reminded in the
 * deputy portfolio director's chat (partition EXT) and naming whoever last changed it.
 */
import { dueEntriesOfExternal } from '../../src/app/reminders/due-index';
import type { Recommendation } from '../../src/domain/records';
import { aRecommendation, aRevision } from '../support/builders';

const external = (overrides: Partial<Recommendation>): Recommendation => {
  const {
    cocId: _coc,
    serviceCode: _service,
    ...rest
  } = aRecommendation({
    id: 'EXT-2',
    externalBody: 'Local Government Association',
    originalTargetDate: '2027-03-31',
    status: 'open',
    updatedBy: '00000000-0000-0000-0000-00000000d001',
  });
  return { ...rest, ...overrides };
};

describe('the due index row of a recommendation to an external body', () => {
  it.each<[string, string, Partial<Recommendation>]>([
    ['open, with its original target date', '2027-03-31', {}],
    ['in progress', '2027-03-31', { status: 'inProgress' }],
    ['with its evidence complete', 'never', { status: 'evidenceComplete' }],
    [
      'with a revised target date',
      '2027-06-30',
      { targetDateRevisions: [aRevision('2027-06-30', '2026-11-01T09:00:00Z')] },
    ],
    ['closed', 'never', { status: 'closed' }],
    ['without a target date', 'never', { originalTargetDate: undefined }],
  ])('when %s, it is due %s', (_case, dueDate, overrides) => {
    const entries = dueEntriesOfExternal(external(overrides));
    expect(entries[0]?.dueDate ?? 'never').toBe(dueDate);
    if (dueDate !== 'never')
      expect(entries[0]).toMatchObject({
        serviceCode: 'EXT',
        recordId: 'EXT-2',
        subjectId: 'EXT-2',
        kind: 'targetDate',
        ownerObjectId: '00000000-0000-0000-0000-00000000d001',
      });
    else expect(entries).toEqual([]);
  });
});
