import { matchService } from '../../src/app/lists/find-service';
import { demoServices } from '../../src/demo/services';

describe('matchService', () => {
  it.each([
    ['BUC', 'BUC'],
    ['buc', 'BUC'],
    ['Buckinghamshire', 'BUC'],
    ['west midlands', 'WMF'],
    ['Hereford & Worcester Fire and Rescue Service', 'HWF'],
    ['London Fire Brigade', 'LFB'],
    ['Cumbria', 'CUM'],
  ])('finds %s as %s', (typed, code) => {
    const match = matchService(typed, demoServices);

    expect(match.found && match.service.code).toBe(code);
  });

  it('suggests the service a typing slip was meant to name', () => {
    const match = matchService('Bukinghamshire', demoServices);

    expect(!match.found && match.suggestions.map((s) => s.code)).toEqual(['BUC']);
  });

  it('suggests every service a shared word names', () => {
    const match = matchService('Yorkshire', demoServices);

    expect(!match.found && match.suggestions.map((s) => s.code)).toEqual(['NYF', 'SYF', 'WYF']);
  });

  it('suggests nothing for text like no service', () => {
    expect(matchService('quarterly figures', demoServices)).toEqual({ found: false, suggestions: [] });
  });
});
