import {
  decideMonitoringLevel,
  monitoringLevelInWords,
  routineLevel,
  type MonitoringLevelInput,
} from '../../../src/domain/lifecycle';
import type { MonitoringLevel } from '../../../src/domain/records';
import { aContext, people } from '../../support/builders';
import { expectError, expectOk } from '../../support/results';

const routine = routineLevel('BUC', '2023-01-01T00:00:00.000Z', 'coc-monitor');
const enhanced: MonitoringLevel = {
  serviceCode: 'BUC',
  level: 'enhancedSupport',
  triggers: ['slowProgress'],
  support: ['lga'],
  note: 'Peer challenge booked.',
  updatedAt: '2023-06-01T10:00:00.000Z',
  updatedBy: people.hmi.objectId,
};
const input = (overrides: Partial<MonitoringLevelInput>): MonitoringLevelInput => ({
  level: 'routine',
  triggers: [],
  support: [],
  note: '',
  ...overrides,
});

describe('decideMonitoringLevel (§22-23)', () => {
  it.each<[string, MonitoringLevel, Partial<MonitoringLevelInput>, string, Partial<MonitoringLevel>]>([
    [
      'raises routine to enhanced support',
      routine,
      { level: 'enhancedSupport', triggers: ['slowProgress'], support: ['nfcc', 'lga'] },
      'monitoring.raised',
      { level: 'enhancedSupport', triggers: ['slowProgress'], support: ['nfcc', 'lga'] },
    ],
    [
      'moves enhanced support to an oversight group, dropping the supporters',
      enhanced,
      { level: 'oversightGroup', triggers: ['slowProgress', 'intervention'], support: ['lga'] },
      'monitoring.changed',
      { level: 'oversightGroup', support: [] },
    ],
    [
      'lifts it back to routine, clearing the triggers',
      enhanced,
      { level: 'routine', triggers: ['slowProgress'] },
      'monitoring.lifted',
      { level: 'routine', triggers: [], support: [] },
    ],
    [
      'goes straight to the Home Office on serious findings',
      routine,
      { level: 'homeOffice', triggers: ['seriousFindings'], note: 'Multiple causes of concern.' },
      'monitoring.raised',
      { level: 'homeOffice', note: 'Multiple causes of concern.' },
    ],
  ])('%s', (_case, current, change, action, expected) => {
    const { state, events } = expectOk(decideMonitoringLevel(current, input(change), aContext(people.hmi)));
    expect(state).toMatchObject({ ...expected, updatedBy: people.hmi.objectId });
    expect(events.map((e) => e.action)).toEqual([action]);
    expect(events[0]?.subject).toEqual({ kind: 'monitoring', id: 'BUC' });
  });

  it.each<[string, Partial<MonitoringLevelInput>, string[]]>([
    ['a closer level without a trigger', { level: 'oversightGroup' }, ['triggers']],
    [
      'enhanced support without a supporter',
      { level: 'enhancedSupport', triggers: ['publicSafety'] },
      ['support'],
    ],
    ['a level not offered', { level: 'special measures' }, ['level']],
    ['a trigger not offered', { level: 'homeOffice', triggers: ['gossip'] }, ['triggers', 'triggers']],
    ['a note too long', { note: 'x'.repeat(2001) }, ['note']],
  ])('refuses %s', (_case, change, fields) => {
    const error = expectError(decideMonitoringLevel(routine, input(change), aContext(people.hmi)));
    expect(error.code === 'validation' ? error.issues.map((i) => i.field) : []).toEqual(fields);
  });

  it('changes nothing when the same level is set again', () => {
    const again = decideMonitoringLevel(
      enhanced,
      input({
        level: 'enhancedSupport',
        triggers: ['slowProgress'],
        support: ['lga'],
        note: 'Peer challenge booked.',
      }),
      aContext(people.hmi),
    );
    expect(expectOk(again)).toEqual({ state: enhanced, events: [] });
  });

  it.each<[Pick<MonitoringLevel, 'level' | 'support'>, string]>([
    [{ level: 'routine', support: [] }, 'Routine monitoring'],
    [
      { level: 'enhancedSupport', support: ['nfcc', 'otherServices'] },
      'Enhanced support (NFCC, Other services)',
    ],
    [{ level: 'oversightGroup', support: [] }, 'Fire Performance Oversight Group'],
    [{ level: 'homeOffice', support: [] }, 'Discussion with the Home Office'],
  ])('says %j as "%s"', (level, words) => {
    expect(monitoringLevelInWords(level)).toBe(words);
  });
});
