import {
  afiId,
  cocId,
  externalRecommendationId,
  parseRecordId,
  recommendationId,
} from '../../../src/domain/ids';

describe('record ids', () => {
  it.each([
    [cocId('BUC', 1), 'BUC-1'],
    [recommendationId('BUC-1', 2), 'BUC-1.2'],
    [afiId('BUC', 3), 'BUC-AFI-3'],
    [externalRecommendationId(4), 'EXT-4'],
  ])('builds %s', (built, expected) => {
    expect(built).toBe(expected);
  });

  it('refuses a record number below 1', () => {
    expect(() => cocId('BUC', 0)).toThrow(RangeError);
  });

  it.each([
    ['BUC-1', { kind: 'coc', id: 'BUC-1', serviceCode: 'BUC', cocNumber: 1 }],
    [
      'buc-1.2',
      {
        kind: 'recommendation',
        id: 'BUC-1.2',
        serviceCode: 'BUC',
        cocId: 'BUC-1',
        cocNumber: 1,
        recommendationNumber: 2,
      },
    ],
    [' Buc-Afi-3 ', { kind: 'afi', id: 'BUC-AFI-3', serviceCode: 'BUC', afiNumber: 3 }],
    [
      'hwf-02.01',
      {
        kind: 'recommendation',
        id: 'HWF-2.1',
        serviceCode: 'HWF',
        cocId: 'HWF-2',
        cocNumber: 2,
        recommendationNumber: 1,
      },
    ],
    ['ext-4', { kind: 'externalRecommendation', id: 'EXT-4', number: 4 }],
  ])('reads %p', (text, expected) => {
    expect(parseRecordId(text)).toEqual(expected);
  });

  it.each([
    '',
    'BUC',
    'BUC-',
    'BUC-0',
    'BUC-1.0',
    'B-1',
    'BUCKSX-1',
    'BUC-1.2.3',
    'BUC-AFI-1.2',
    'EXT-1.2',
    'EXT-AFI-1',
    'BUC 1',
  ])('does not read %p as a record id', (text) => {
    expect(parseRecordId(text)).toBeNull();
  });
});
