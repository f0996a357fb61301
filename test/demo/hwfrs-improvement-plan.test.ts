import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { hwfActionPlans, hwfAreasForImprovement } from '../../src/demo/hwfrs-improvement-plan';
import { demoProgressUpdates } from '../../src/demo/progress-updates';

/** One section of the seed improvement plan, read straight from the text file. */
interface SeedSection {
  questionRef: string;
  areaForImprovement: string;
  summaryFinding: string;
  actionRows: string[][];
}

/** Reads the improvement plan as published (a copy of shared/seeds/hwfrs-improvement-plan-2021-01.txt). */
function readSeedSections(): SeedSection[] {
  const text = readFileSync(join(__dirname, 'fixtures', 'hwfrs-improvement-plan-2021-01.txt'), 'utf8');
  const sections: SeedSection[] = [];
  for (const line of text.split('\n')) {
    const heading = /^(?:Effectiveness|Efficiency|People)\s*[–-]\s*(\S+)$/.exec(line);
    const current = sections.at(-1);
    if (heading?.[1]) {
      sections.push({ questionRef: heading[1], areaForImprovement: '', summaryFinding: '', actionRows: [] });
    } else if (current && line.includes('\t')) {
      const cells = line.split('\t');
      const [label = '', value = ''] = cells;
      if (label === 'Area for Improvement') current.areaForImprovement = value;
      else if (label === 'Summary Finding') current.summaryFinding = value;
      else if (label !== 'HWFRS Action Proposed' && label !== 'Strategic lead')
        current.actionRows.push(cells);
    }
  }
  return sections;
}

const seed = readSeedSections();

describe('Hereford & Worcester areas for improvement', () => {
  it('takes every area for improvement in the plan, in order, with its question reference', () => {
    expect(seed.map((section) => section.questionRef)).toEqual([
      'ES1.1',
      'ES1.4',
      'ES1.5',
      'EY1.4',
      'EY1.6',
      'P1.8',
      'P1.12',
    ]);
    expect(hwfAreasForImprovement.map((afi) => afi.questionRef)).toEqual(
      seed.map((section) => section.questionRef),
    );
  });

  it.each(seed.map((section, index) => [section.questionRef, index, section] as const))(
    'quotes the area for improvement and summary finding of %s as the plan words them',
    (_ref, index, section) => {
      const afi = hwfAreasForImprovement[index];
      expect(afi?.id).toBe(`HWF-AFI-${String(index + 1)}`);
      expect(afi?.text).toBe(section.areaForImprovement);
      expect(afi?.finding).toBe(section.summaryFinding);
    },
  );

  it.each([
    ['ES1.4', '2021-03-31'],
    ['EY1.4', '2021-04-30'],
    ['P1.8', '2021-03-31'],
    ['ES1.1', undefined],
  ])('sets the target of %s to the latest target of its unfinished actions (%s)', (ref, targetDate) => {
    expect(hwfAreasForImprovement.find((afi) => afi.questionRef === ref)?.targetDate).toBe(targetDate);
  });

  it('keeps ES1.1 open because the 2026 inspection found the problem again', () => {
    const es11 = hwfAreasForImprovement.find((afi) => afi.questionRef === 'ES1.1');
    expect(es11?.status).toBe('open');
    expect(demoProgressUpdates).toContainEqual(
      expect.objectContaining({ subjectId: es11?.id, source: 'laterInspection' }),
    );
  });
});

describe('Hereford & Worcester action plans', () => {
  it.each(seed.map((section, index) => [section.questionRef, index, section] as const))(
    'has one action per row of the plan for %s, with the plan’s statuses',
    (_ref, index, section) => {
      const plan = hwfActionPlans[index];
      expect(plan?.subjectId).toBe(`HWF-AFI-${String(index + 1)}`);
      expect(plan?.actions).toHaveLength(section.actionRows.length);
      const seedTargets = section.actionRows.map((cells) => cells[3] ?? '');
      const statuses = plan?.actions.map((action) => action.status) ?? [];
      seedTargets.forEach((target, row) => {
        if (target.startsWith('Complete')) expect(statuses[row]).toBe('complete');
        else if (target === 'Deferred') expect(statuses[row]).toBe('deferred');
        else expect(statuses[row]).toBe('ongoing');
      });
    },
  );

  it('gives every dated action the last day of the month the plan names', () => {
    const es14 = hwfActionPlans[1]?.actions.map((action) => action.targetDate);
    expect(es14).toEqual(['2021-03-31', undefined, undefined, undefined, undefined, undefined, '2021-02-28']);
  });
});
