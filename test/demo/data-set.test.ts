import type { z } from 'zod';
import {
  ActionPlan,
  AreaForImprovement,
  CauseOfConcern,
  Person,
  ProgressUpdate,
  Recommendation,
  Region,
  Service,
  type LocalDate,
  type Role,
} from '../../src/domain/records';
import { demoPeople } from '../../src/demo/people';
import { demoDataSet, demoToday } from '../../src/demo/records';

const data = demoDataSet;

/** Whole days from one `YYYY-MM-DD` to another. */
function daysBetween(from: LocalDate, to: LocalDate): number {
  return (Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000;
}

/** The target a recommendation is held to now: its latest revision, or the original. */
function currentTarget(recommendation: Recommendation): LocalDate | undefined {
  return recommendation.targetDateRevisions.at(-1)?.date ?? recommendation.originalTargetDate;
}

function personWith(objectId: string): Person | undefined {
  return data.people.find((person) => person.objectId === objectId);
}

function regionOf(serviceCode: string): string | undefined {
  return data.services.find((service) => service.code === serviceCode)?.regionId;
}

/** Problems with one record, as "id: path message" lines, so a failure says which record is wrong. */
function schemaProblems(
  schema: z.ZodType,
  records: readonly object[],
  idOf: (record: object) => string,
): string[] {
  return records.flatMap((record) => {
    const result = schema.safeParse(record);
    return result.success
      ? []
      : result.error.issues.map((issue) => `${idOf(record)}: ${issue.path.join('.')} ${issue.message}`);
  });
}

describe('demo data set', () => {
  describe('schemas', () => {
    const idOf = (record: object): string => JSON.stringify(record).slice(0, 60);
    it.each([
      ['regions', Region, data.regions],
      ['services', Service, data.services],
      ['people', Person, data.people],
      ['causes of concern', CauseOfConcern, data.causesOfConcern],
      ['recommendations', Recommendation, data.recommendations],
      ['areas for improvement', AreaForImprovement, data.areasForImprovement],
      ['action plans', ActionPlan, data.actionPlans],
      ['progress updates', ProgressUpdate, data.progressUpdates],
    ] as const)('parses every one of the %s with its schema', (_kind, schema, records) => {
      expect(records.length).toBeGreaterThan(0);
      expect(schemaProblems(schema, records, idOf)).toEqual([]);
    });
  });

  describe('identity', () => {
    it.each([
      ['causes of concern', data.causesOfConcern.map((record) => record.id)],
      ['recommendations', data.recommendations.map((record) => record.id)],
      ['areas for improvement', data.areasForImprovement.map((record) => record.id)],
      ['progress updates', data.progressUpdates.map((record) => record.id)],
      ['action plan subjects', data.actionPlans.map((record) => record.subjectId)],
      ['people', data.people.map((record) => record.objectId)],
    ])('never reuses an id among the %s', (_kind, ids) => {
      expect(new Set(ids).size).toBe(ids.length);
    });

    it('keeps the demo directory’s ids and includes everyone in it', () => {
      expect(demoPeople.sll.objectId).toBe('00000000-0000-0000-0000-00000000a001');
      for (const person of Object.values(demoPeople)) expect(personWith(person.objectId)).toEqual(person);
    });

    it('names every record after its service', () => {
      for (const record of [...data.causesOfConcern, ...data.areasForImprovement]) {
        expect(record.id.startsWith(`${record.serviceCode}-`)).toBe(true);
        expect(regionOf(record.serviceCode)).toBeDefined();
      }
    });
  });

  describe('recommendations', () => {
    it.each(data.recommendations.filter((r) => r.cocId).map((r) => [r.id, r] as const))(
      '%s belongs to a cause of concern of the same service',
      (id, recommendation) => {
        const coc = data.causesOfConcern.find((candidate) => candidate.id === recommendation.cocId);
        expect(coc).toBeDefined();
        expect(recommendation.serviceCode).toBe(coc?.serviceCode);
        expect(id.startsWith(`${String(coc?.id)}.`)).toBe(true);
      },
    );

    it('makes recommendations without a cause of concern only to external bodies', () => {
      const external = data.recommendations.filter((recommendation) => !recommendation.cocId);
      expect(external.length).toBeGreaterThan(0);
      for (const recommendation of external) {
        expect(recommendation.externalBody).toBeTruthy();
        expect(personWith(recommendation.updatedBy)?.roles).toContain('deputyPortfolioDirector');
      }
    });

    it.each(data.causesOfConcern.map((coc) => [coc.id, coc] as const))(
      '%s has at least one recommendation',
      (_id, coc) => {
        expect(
          data.recommendations.filter((recommendation) => recommendation.cocId === coc.id).length,
        ).toBeGreaterThan(0);
      },
    );

    it('keeps as latest update the newest progress update, with the same RAG', () => {
      for (const recommendation of data.recommendations) {
        const newest = data.progressUpdates
          .filter((update) => update.subjectId === recommendation.id)
          .sort((a, b) => a.at.localeCompare(b.at))
          .at(-1);
        expect(recommendation.latestUpdate?.id).toBe(newest?.id);
        if (newest) expect(recommendation.rag).toBe(newest.rag);
      }
    });

    it('gives every revised target a reason, a new date and a time after the cause of concern was raised', () => {
      const revised = data.recommendations.filter(
        (recommendation) => recommendation.targetDateRevisions.length > 0,
      );
      expect(revised.length).toBeGreaterThanOrEqual(2);
      for (const recommendation of revised) {
        const coc = data.causesOfConcern.find((candidate) => candidate.id === recommendation.cocId);
        for (const revision of recommendation.targetDateRevisions) {
          expect(revision.reason.length).toBeGreaterThan(10);
          expect(revision.date).not.toBe(recommendation.originalTargetDate);
          expect(revision.at > String(coc?.createdAt)).toBe(true);
        }
      }
    });

    it('records who signed off each closed recommendation: the HM Inspector of its cause of concern', () => {
      for (const recommendation of data.recommendations.filter((r) => r.status === 'closed')) {
        const coc = data.causesOfConcern.find((candidate) => candidate.id === recommendation.cocId);
        expect(recommendation.signedOffBy).toBe(coc?.owners.hmi);
        expect(recommendation.signedOffAt).toBeDefined();
      }
    });
  });

  describe('causes of concern', () => {
    it('closes a cause of concern only when all its recommendations are signed off', () => {
      for (const coc of data.causesOfConcern) {
        const statuses = data.recommendations.filter((r) => r.cocId === coc.id).map((r) => r.status);
        if (coc.status === 'closed') {
          expect(statuses.every((status) => status === 'closed')).toBe(true);
          expect(coc.closedAt).toBeDefined();
          expect(coc.closureLetter).toBeTruthy();
        } else {
          expect(statuses.some((status) => status !== 'closed')).toBe(true);
        }
      }
    });

    it.each(data.causesOfConcern.filter((coc) => coc.publicSafetyRisk).map((coc) => [coc.id, coc] as const))(
      'tells the service of public-safety concern %s within 6 weeks of fieldwork, then checks and publishes it',
      (_id, coc) => {
        expect(coc.letterDate).toBeDefined();
        const letter = String(coc.letterDate);
        expect(daysBetween(coc.fieldworkEndDate, letter)).toBeGreaterThan(0);
        expect(daysBetween(coc.fieldworkEndDate, letter)).toBeLessThanOrEqual(42);
        expect(String(coc.checkCopySentDate) > letter).toBe(true);
        expect(String(coc.websitePublishedDate) > String(coc.checkCopySentDate)).toBe(true);
        if (coc.reportPublishedDate)
          expect(coc.reportPublishedDate > String(coc.websitePublishedDate)).toBe(true);
      },
    );

    it('publishes every report after its fieldwork, and uses dates in 2025 and 2026', () => {
      for (const coc of data.causesOfConcern) {
        if (coc.reportPublishedDate) expect(coc.reportPublishedDate > coc.fieldworkEndDate).toBe(true);
        expect(coc.fieldworkEndDate >= '2025-01-01').toBe(true);
        expect(coc.createdAt.slice(0, 10) >= coc.fieldworkEndDate).toBe(true);
      }
    });

    it('uses each action-plan rule of the §13 table at least once', () => {
      const kinds = new Set(data.causesOfConcern.map((coc) => coc.actionPlanRule.kind));
      expect([...kinds].sort()).toEqual(['daysFromPublication', 'fixedDate', 'workingDaysFromLetter']);
      const byLetter = data.causesOfConcern.filter(
        (coc) => coc.actionPlanRule.kind === 'workingDaysFromLetter',
      );
      const byPublication = data.causesOfConcern.filter(
        (coc) => coc.actionPlanRule.kind === 'daysFromPublication',
      );
      expect(byLetter.every((coc) => coc.letterDate)).toBe(true);
      expect(byPublication.every((coc) => coc.reportPublishedDate)).toBe(true);
    });

    it('gives the demo SLL a public-safety and a people concern in each of their services', () => {
      for (const serviceCode of demoPeople.sll.serviceCodes) {
        const cocs = data.causesOfConcern.filter((coc) => coc.serviceCode === serviceCode);
        expect(cocs.some((coc) => coc.publicSafetyRisk && coc.pillar === 'effectiveness')).toBe(true);
        expect(cocs.some((coc) => coc.pillar === 'people')).toBe(true);
      }
    });

    it('has concerns outside the central region, which the central Chief of Staff must not see', () => {
      const elsewhere = data.causesOfConcern.filter(
        (coc) => regionOf(coc.serviceCode) !== demoPeople.cos.regionId,
      );
      expect(new Set(elsewhere.map((coc) => regionOf(coc.serviceCode)))).toEqual(new Set(['north', 'south']));
    });
  });

  describe('owners and authors', () => {
    /** Fails with a readable line when the person is missing or lacks the role for this service. */
    function ownerProblem(objectId: string, role: Role, serviceCode: string): string | undefined {
      const person = personWith(objectId);
      if (!person) return `${objectId} is not in the directory`;
      if (!person.roles.includes(role)) return `${person.name} is not a ${role}`;
      if (role === 'sll' && !person.serviceCodes.includes(serviceCode))
        return `${person.name} does not own ${serviceCode}`;
      if (role !== 'sll' && person.regionId !== regionOf(serviceCode))
        return `${person.name} works outside ${serviceCode}’s region`;
      return undefined;
    }

    it('gives every cause of concern an SLL of its service and a CoS and HMI of its region', () => {
      const problems = data.causesOfConcern.flatMap((coc) =>
        (['sll', 'cos', 'hmi'] as const).flatMap(
          (role) => ownerProblem(coc.owners[role], role, coc.serviceCode) ?? [],
        ),
      );
      expect(problems).toEqual([]);
    });

    it('gives every area for improvement an SLL of its service and a CoS of its region', () => {
      const problems = data.areasForImprovement.flatMap((afi) => [
        ...(ownerProblem(afi.sll, 'sll', afi.serviceCode) ?? []),
        ...(ownerProblem(afi.cos, 'cos', afi.serviceCode) ?? []),
      ]);
      expect(problems).toEqual([]);
    });

    it('has the demo SLL create the records of their services', () => {
      const theirs = [...data.causesOfConcern, ...data.areasForImprovement].filter((record) =>
        demoPeople.sll.serviceCodes.includes(record.serviceCode),
      );
      expect(theirs.every((record) => record.createdBy === demoPeople.sll.objectId)).toBe(true);
    });

    it('has every progress update written by an SLL of the service or an SLO of it', () => {
      for (const update of data.progressUpdates) {
        const author = personWith(update.by);
        expect(author?.serviceCodes).toContain(update.serviceCode);
        expect(author?.roles.some((role) => role === 'sll' || role === 'slo')).toBe(true);
      }
    });

    it('has every change made by someone in the directory', () => {
      const actors = [
        ...data.causesOfConcern.flatMap((coc) => [coc.createdBy, coc.updatedBy]),
        ...data.recommendations.flatMap((r) => [
          r.updatedBy,
          ...r.targetDateRevisions.map((revision) => revision.by),
        ]),
        ...data.areasForImprovement.flatMap((afi) => [
          afi.createdBy,
          afi.updatedBy,
          afi.completedBy,
          afi.closedBy,
        ]),
      ].filter((actor): actor is string => actor !== undefined);
      expect(actors.filter((actor) => !personWith(actor))).toEqual([]);
    });
  });

  describe('subjects', () => {
    const subjects = new Map<string, string>([
      ...data.causesOfConcern.map((coc) => [coc.id, coc.serviceCode] as const),
      ...data.recommendations.map((r) => [r.id, r.serviceCode ?? ''] as const),
      ...data.areasForImprovement.map((afi) => [afi.id, afi.serviceCode] as const),
    ]);

    it('attaches every progress update and action plan to a record of the same service', () => {
      for (const record of [...data.progressUpdates, ...data.actionPlans]) {
        expect(subjects.get(record.subjectId)).toBe(record.serviceCode);
      }
    });

    it('uses every action status the improvement plan knows, including at risk', () => {
      const statuses = new Set(
        data.actionPlans.flatMap((plan) => plan.actions.map((action) => action.status)),
      );
      expect([...statuses].sort()).toEqual(['atRisk', 'complete', 'deferred', 'ongoing']);
    });

    it('uses every source of progress update', () => {
      const sources = new Set(data.progressUpdates.map((update) => update.source));
      expect([...sources].sort()).toEqual(['laterInspection', 'revisitFinding', 'sllNote', 'sloResponse']);
    });
  });

  describe(`on the demo's today (${demoToday})`, () => {
    const timestamps = [
      ...data.causesOfConcern.flatMap((coc) => [coc.createdAt, coc.updatedAt, coc.closedAt]),
      ...data.recommendations.flatMap((r) => [r.updatedAt, r.signedOffAt]),
      ...data.areasForImprovement.flatMap((afi) => [
        afi.createdAt,
        afi.updatedAt,
        afi.completedAt,
        afi.closedAt,
      ]),
      ...data.progressUpdates.map((update) => update.at),
    ].filter((at): at is string => at !== undefined);

    it('has nothing happen in the future', () => {
      expect(timestamps.filter((at) => at.slice(0, 10) >= demoToday)).toEqual([]);
    });

    it('has open recommendations overdue, due within 7 days and due later', () => {
      const open = data.recommendations.filter((r) => r.status !== 'closed' && r.cocId);
      const daysLeft = open.map((r) => daysBetween(demoToday, String(currentTarget(r))));
      expect(daysLeft.filter((days) => days < 0).length).toBeGreaterThanOrEqual(2);
      expect(daysLeft.filter((days) => days >= 0 && days <= 7).length).toBeGreaterThanOrEqual(2);
      expect(daysLeft.filter((days) => days > 7).length).toBeGreaterThanOrEqual(2);
    });
  });
});
