/**
 * `npm run import`: regions, services, people and roles, CoCs, recommendations and AFIs from the
 * CSV layout in csv-format.ts, and the kinds of a whole backup (backup-kinds.ts: external
 * recommendations, action plans, progress updates, closure and engagement requests).
 *
 * Two passes. First every row is checked, alone and against the rest of the file and what is
 * already stored (a recommendation's CoC, an owner's role, an id that belongs to its service). Any
 * problem stops the import before anything is written, and each problem names its line. Then the
 * rows are applied as upserts: the file wins for the columns it has, everything else on a stored
 * record is kept, and a row that matches what is stored writes nothing. Importing the same file
 * twice therefore changes nothing the second time. Each CoC is written with its recommendations and
 * audit events in one entity-group transaction.
 */
import type {
  AreaForImprovement,
  AuditEvent,
  CauseOfConcern,
  Person,
  Recommendation,
  Region,
  Role,
  Service,
  ProgressUpdate,
} from '../../domain/records';
import { changedFields } from '../../domain/lifecycle/decision';
import {
  externalPartition,
  maxChangesPerCommit,
  type RecordChange,
  type RecordEntity,
  type Store,
} from '../../store';
import { backupKindOf, backupKinds } from './backup-kinds';
import { indexJobsOf } from '../shared/index-jobs';
import { commitWithFollowUps, leftForRecovery, type Outbox } from '../shared/outbox';
import {
  parseRow,
  type AfiRow,
  type BackupRow,
  type CocRow,
  type CsvRow,
  type ParsedRow,
  type PersonRow,
  type ProgressRow,
  type RecommendationRow,
  type RegionRow,
  type RowProblem,
  type ServiceRow,
} from './csv-format';
import { importedStamps, readEverything } from './stored-records';

/** A row as read from the file, with its line number (the header is line 1). */
export interface NumberedRow {
  line: number;
  cells: CsvRow;
}

export interface ImportCounts {
  created: number;
  updated: number;
  unchanged: number;
}

export type ImportOutcome =
  | { ok: true; counts: ImportCounts; /** CoCs and AFIs whose due dates are re-indexed. */ reindexed: number }
  | { ok: false; problems: RowProblem[] };

export interface ImportOptions {
  now: () => Date;
  newId: () => string;
  /** Who the audit trail names: the administrator running the import. */
  actor: string;
  /** Shown in the audit note, e.g. the file name. */
  source: string;
  /**
   * Does the re-indexing of the due dates right after each commit. Without one, the index jobs wait
   * in the outbox for the bot (within a minute of the grace period) or the next reminder sweep.
   */
  outbox?: Pick<Outbox, 'enqueue'>;
}

interface Located<R> {
  line: number;
  row: R;
}

interface Sorted {
  regions: Located<RegionRow>[];
  services: Located<ServiceRow>[];
  people: Located<PersonRow>[];
  cocs: Located<CocRow>[];
  recommendations: Located<RecommendationRow>[];
  afis: Located<AfiRow>[];
  progress: Located<ProgressRow>[];
  /** Rows of the kinds in backup-kinds.ts. */
  backups: Located<BackupRow>[];
}

function sort(rows: Located<ParsedRow>[]): Sorted {
  const sorted: Sorted = {
    regions: [],
    services: [],
    people: [],
    cocs: [],
    recommendations: [],
    afis: [],
    progress: [],
    backups: [],
  };
  for (const { line, row } of rows) {
    if (row.kind === 'region') sorted.regions.push({ line, row });
    else if (row.kind === 'service') sorted.services.push({ line, row });
    else if (row.kind === 'person') sorted.people.push({ line, row });
    else if (row.kind === 'coc') sorted.cocs.push({ line, row });
    else if (row.kind === 'recommendation') sorted.recommendations.push({ line, row });
    else if (row.kind === 'afi') sorted.afis.push({ line, row });
    else if (row.kind === 'progress') sorted.progress.push({ line, row });
    else sorted.backups.push({ line, row });
  }
  return sorted;
}

/** What is already stored, read once for the checks and the upserts. */
interface Stored {
  regions: Map<string, Region>;
  services: Map<string, Service>;
  people: Map<string, Person>;
  cocs: Map<
    string,
    {
      value: CauseOfConcern;
      etag: string;
      recommendations: Map<string, { value: Recommendation; etag: string }>;
    }
  >;
  afis: Map<string, { value: AreaForImprovement; etag: string }>;
  /** Records of the backup kinds, by `<kind>:<key>`. */
  backups: Map<string, unknown>;
  /** Progress updates by `<service>|<id>`. */
  progress: Map<string, ProgressUpdate>;
}

async function readStored(store: Store): Promise<Stored> {
  const { regions, services, people, cocs, afis, progress } = await readEverything(store);
  const backups = new Map<string, unknown>();
  for (const kind of backupKinds) {
    for (const value of await kind.exportAll(store)) backups.set(`${kind.kind}:${kind.key(value)}`, value);
  }
  return {
    backups,
    regions: new Map(regions.map((r) => [r.id, r])),
    services: new Map(services.map((s) => [s.code, s])),
    people: new Map(people.map((p) => [p.objectId, p])),
    cocs: new Map(
      cocs.map((c) => [
        c.coc.value.id,
        {
          value: c.coc.value,
          etag: c.coc.etag,
          recommendations: new Map(
            c.recommendations.map((r) => [r.value.id, { value: r.value, etag: r.etag }]),
          ),
        },
      ]),
    ),
    afis: new Map(afis.map((a) => [a.value.id, { value: a.value, etag: a.etag }])),
    progress: new Map(progress.map((u) => [`${u.serviceCode}|${u.id}`, u])),
  };
}

/** The service with the letter names the file gives: a column left out keeps the stored name, an empty cell clears it. */
function withLetterNames(
  service: Service,
  names: Record<'chiefFireOfficer' | 'authorityChair' | 'authorityName', string | undefined>,
): Service {
  const named: Service = { ...service };
  for (const [field, value] of Object.entries(names) as [keyof typeof names, string | undefined][]) {
    if (value === undefined) continue;
    if (value.trim() === '') delete named[field];
    else named[field] = value.trim();
  }
  return named;
}

/** Cross-row checks: duplicates, references, roles, ids that belong to their service or CoC. */
function checkReferences(file: Sorted, stored: Stored, invalid: ReadonlySet<string>): RowProblem[] {
  const problems: RowProblem[] = [];
  const firstLine = new Map<string, number>();
  const all: Located<ParsedRow>[] = [
    ...file.regions,
    ...file.services,
    ...file.people,
    ...file.cocs,
    ...file.recommendations,
    ...file.afis,
    ...file.progress,
  ];
  for (const { line, row } of [...all, ...file.backups]) {
    const key = `${row.kind === 'backup' ? row.backupKind : row.kind}:${row.id}`;
    const earlier = firstLine.get(key);
    if (earlier !== undefined) {
      problems.push({ line, column: 'id', message: `${row.id} is already on line ${String(earlier)}` });
    } else firstLine.set(key, line);
  }

  const regionIds = new Set([...stored.regions.keys(), ...file.regions.map((r) => r.row.id)]);
  const serviceCodes = new Set([...stored.services.keys(), ...file.services.map((s) => s.row.id)]);
  const rolesOf = new Map<string, readonly Role[]>([
    ...[...stored.people].map(([id, p]): [string, readonly Role[]] => [id, p.roles]),
    ...file.people.map((p): [string, readonly Role[]] => [p.row.id, p.row.roles]),
  ]);
  const cocIds = new Set([...stored.cocs.keys(), ...file.cocs.map((c) => c.row.id)]);

  // A reference to a row that is itself wrong was reported on that row; don't repeat it here.
  const reportedAlready = (kind: string, id: string): boolean => invalid.has(`${kind}:${id}`);
  const needRegion = (line: number, column: string, id: string | undefined): void => {
    if (id !== undefined && !regionIds.has(id) && !reportedAlready('region', id))
      problems.push({ line, column, message: `region "${id}" is neither in the file nor stored` });
  };
  const needService = (line: number, column: string, code: string): void => {
    if (!serviceCodes.has(code) && !reportedAlready('service', code))
      problems.push({ line, column, message: `service ${code} is neither in the file nor stored` });
  };
  const needPerson = (line: number, column: string, objectId: string, role: Role): void => {
    const roles = rolesOf.get(objectId);
    if (reportedAlready('person', objectId)) return;
    if (roles === undefined)
      problems.push({ line, column, message: `person ${objectId} is neither in the file nor stored` });
    else if (!roles.includes(role) && !roles.includes('admin'))
      problems.push({ line, column, message: `person ${objectId} does not have the ${column} role` });
  };
  const needPrefix = (line: number, id: string, prefix: string, of: string): void => {
    if (!id.startsWith(prefix))
      problems.push({ line, column: 'id', message: `${id} must start with ${prefix} to belong to ${of}` });
  };

  for (const { line, row } of file.services) needRegion(line, 'region', row.region);
  for (const { line, row } of file.people) {
    needRegion(line, 'region', row.region);
    for (const code of row.service) needService(line, 'service', code);
  }
  for (const { line, row } of file.cocs) {
    needService(line, 'service', row.service);
    needPrefix(line, row.id, `${row.service}-`, `service ${row.service}`);
    needPerson(line, 'sll', row.sll, 'sll');
    needPerson(line, 'cos', row.cos, 'cos');
    needPerson(line, 'hmi', row.hmi, 'hmi');
  }
  for (const { line, row } of file.recommendations) {
    if (!cocIds.has(row.coc) && !reportedAlready('coc', row.coc))
      problems.push({
        line,
        column: 'coc',
        message: `cause of concern ${row.coc} is neither in the file nor stored`,
      });
    needPrefix(line, row.id, `${row.coc}.`, `cause of concern ${row.coc}`);
  }
  for (const { line, row } of file.afis) {
    needService(line, 'service', row.service);
    needPrefix(line, row.id, `${row.service}-AFI-`, `service ${row.service}`);
    needPerson(line, 'sll', row.sll, 'sll');
    needPerson(line, 'cos', row.cos, 'cos');
  }
  problems.push(...checkProgress(file, stored), ...checkBackups(file, stored));
  return problems;
}

/** The progress update a row gives. */
function progressOf(row: ProgressRow): ProgressUpdate {
  return {
    id: row.id,
    subjectId: row.subject,
    serviceCode: row.service,
    at: row.at,
    by: row.by,
    ...(row.rag === undefined ? {} : { rag: row.rag }),
    text: row.text,
    evidenceLinks: row.evidence_links,
    source: row.source,
  };
}

/**
 * The ids of the causes of concern, recommendations, areas for improvement and recommendations to
 * external bodies stored or in the file.
 */
function knownIds(file: Sorted, stored: Stored): Set<string> {
  const external = [
    ...[...stored.backups.keys()].filter((key) => key.startsWith('external:')).map((key) => key.slice(9)),
    ...file.backups.filter(({ row }) => row.backupKind === 'external').map(({ row }) => row.id),
  ];
  return new Set([
    ...external,
    ...[...stored.cocs.values()].flatMap((c) => [c.value.id, ...c.recommendations.keys()]),
    ...stored.afis.keys(),
    ...file.cocs.map((c) => c.row.id),
    ...file.recommendations.map((r) => r.row.id),
    ...file.afis.map((a) => a.row.id),
  ]);
}

/**
 * Progress updates: each about a CoC, recommendation or AFI of its service that is stored or in the
 * file; one already stored must be the same (an update is never changed, not even by an import).
 */
function checkProgress(file: Sorted, stored: Stored): RowProblem[] {
  const subjects = knownIds(file, stored);
  const problems: RowProblem[] = [];
  for (const { line, row } of file.progress) {
    if (!subjects.has(row.subject))
      problems.push({ line, column: 'subject', message: `${row.subject} is neither in the file nor stored` });
    else if (!row.subject.startsWith(`${row.service}-`))
      problems.push({
        line,
        column: 'subject',
        message: `${row.subject} is not a record of service ${row.service}`,
      });
    const before = stored.progress.get(`${row.service}|${row.id}`);
    if (before && !same(before, progressOf(row)))
      problems.push({
        line,
        column: 'id',
        message: `progress update ${row.id} is stored with other values; progress updates are never changed`,
      });
  }
  return problems;
}

/**
 * The backup kinds' checks: what each refers to exists (in the file or stored), and a record
 * already stored is the same as the file's (a backup never overwrites a record changed since).
 */
function checkBackups(file: Sorted, stored: Stored): RowProblem[] {
  const ids = knownIds(file, stored);
  const problems: RowProblem[] = [];
  for (const { line, row } of file.backups) {
    const kind = backupKindOf(row.backupKind);
    if (!kind) continue;
    for (const problem of kind.check(row.record, { ids })) problems.push({ line, ...problem });
    const before = stored.backups.get(`${row.backupKind}:${row.id}`);
    if (before !== undefined && !same(before, row.record))
      problems.push({
        line,
        column: 'record',
        message: `this ${kind.name} is already stored with different content (changed since the backup); a backup never overwrites it`,
      });
  }
  return problems;
}

/** Checks every row; returns the problems, or the rows sorted by kind when there are none. */
export async function checkImport(
  store: Store,
  rows: readonly NumberedRow[],
): Promise<{ ok: true; file: Sorted; stored: Stored } | { ok: false; problems: RowProblem[] }> {
  const parsed: Located<ParsedRow>[] = [];
  const problems: RowProblem[] = [];
  const invalid = new Set<string>();
  for (const { line, cells } of rows) {
    const result = parseRow(cells, line);
    if ('row' in result) parsed.push({ line, row: result.row });
    else {
      invalid.add(`${(cells.kind ?? '').trim().toLowerCase()}:${(cells.id ?? '').trim()}`);
      // One message per cell: a date can break more than one rule at once.
      const seen = new Set<string>();
      for (const problem of result.problems) {
        const key = problem.column ?? '';
        if (!seen.has(key)) problems.push(problem);
        seen.add(key);
      }
    }
  }
  if (rows.length === 0) problems.push({ line: 1, message: 'the file has no rows after the header' });
  const file = sort(parsed);
  const stored = await readStored(store);
  problems.push(...checkReferences(file, stored, invalid));
  problems.sort((a, b) => a.line - b.line);
  return problems.length > 0 ? { ok: false, problems } : { ok: true, file, stored };
}

const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

/** Checks, then applies. Nothing is written unless every row passes. */
export async function importRows(
  store: Store,
  rows: readonly NumberedRow[],
  options: ImportOptions,
): Promise<ImportOutcome> {
  const checked = await checkImport(store, rows);
  if (!checked.ok) return checked;
  const { file, stored } = checked;
  const counts: ImportCounts = { created: 0, updated: 0, unchanged: 0 };
  const count = (before: unknown, after: unknown): boolean => {
    if (before === undefined) counts.created += 1;
    else if (same(before, after)) counts.unchanged += 1;
    else counts.updated += 1;
    return before === undefined || !same(before, after);
  };
  const now = options.now().toISOString();

  for (const { row } of file.regions) {
    const region: Region = { ...row.record, id: row.id, name: row.name };
    if (count(stored.regions.get(row.id), region)) await store.directory.upsertRegion(region);
  }
  for (const { row } of file.services) {
    const before = stored.services.get(row.id);
    // A backup's `record` cell holds the whole record; the columns win over it, and it over what is stored.
    const service = withLetterNames(
      { ...(row.record ?? before), code: row.id, name: row.name, regionId: row.region },
      {
        chiefFireOfficer: row.chief_fire_officer,
        authorityChair: row.authority_chair,
        authorityName: row.authority_name,
      },
    );
    if (count(before, service)) await store.directory.upsertService(service);
  }
  for (const { row } of file.people) {
    const before = stored.people.get(row.id);
    const person = withOptional<Person, 'regionId'>(
      withOptional<Person, 'email'>(
        {
          ...(row.record ?? before),
          objectId: row.id,
          tenantId: row.tenant_id,
          name: row.name,
          roles: row.roles,
          serviceCodes: row.service,
        },
        'email',
        row.email,
      ),
      'regionId',
      row.region,
    );
    if (count(before, person)) await store.directory.upsertPerson(person);
  }

  // Record changes, per service partition, a CoC with its recommendations and audit events together.
  /**
   * The columns first, then every other field either side holds (a backup's `record` cell can change
   * any of them), the stamps aside: so a re-import's audit event names everything it changed.
   */
  const everyField = <T extends object>(before: T, after: T, columns: readonly (keyof T)[]): (keyof T)[] => {
    const stamps = new Set<PropertyKey>(['createdAt', 'createdBy', 'updatedAt', 'updatedBy']);
    const others = [...new Set([...Object.keys(before), ...Object.keys(after)])].filter(
      (key) => !stamps.has(key) && !columns.includes(key as keyof T),
    ) as (keyof T)[];
    return [...columns, ...others];
  };
  const groups = new Map<string, RecordChange[][]>();
  const addGroup = (serviceCode: string, changes: RecordChange[]): void => {
    if (changes.length === 0) return;
    const list = groups.get(serviceCode) ?? [];
    list.push(changes);
    groups.set(serviceCode, list);
  };
  /**
   * The write of one imported record (create, or update with the ETag it was read with) and its
   * audit event: `record.imported`, or `record.reimported` with the `fields` that changed.
   */
  const writeWithAudit = <T extends { id: string }>(
    imported: T,
    before: { value: T; etag: string } | undefined,
    entity: (value: T) => RecordEntity,
    fields: readonly (keyof T)[],
    serviceCode: string,
    cocId?: string,
  ): RecordChange[] => {
    const next = before ? { ...imported, updatedAt: now, updatedBy: options.actor } : imported;
    const event: AuditEvent = {
      id: options.newId(),
      at: now,
      actor: options.actor,
      action: before ? 'record.reimported' : 'record.imported',
      subject: { kind: entity(imported).type, id: imported.id },
      serviceCode,
      ...(cocId === undefined ? {} : { cocId }),
      changes: before
        ? changedFields(before.value, imported, everyField(before.value, imported, fields))
        : [],
      note: `Imported from ${options.source}`,
    };
    return [
      before
        ? { kind: 'update', entity: entity(next), etag: before.etag }
        : { kind: 'create', entity: entity(next) },
      { kind: 'append', entity: { type: 'audit', value: event } },
    ];
  };

  const recommendationsByCoc = new Map<string, Located<RecommendationRow>[]>();
  for (const located of file.recommendations) {
    const list = recommendationsByCoc.get(located.row.coc) ?? [];
    list.push(located);
    recommendationsByCoc.set(located.row.coc, list);
  }
  const cocRows = new Map(file.cocs.map((c) => [c.row.id, c.row]));
  const cocIdsTouched = new Set([...cocRows.keys(), ...recommendationsByCoc.keys()]);

  for (const cocId of cocIdsTouched) {
    const row = cocRows.get(cocId);
    const before = stored.cocs.get(cocId);
    const serviceCode = row?.service ?? before?.value.serviceCode ?? '';
    const changes: RecordChange[] = [];
    if (row) {
      const imported = withOptional<CauseOfConcern, 'letterDate'>(
        {
          ...(row.record ??
            before?.value ?? {
              actionPlanRule: { kind: 'workingDaysFromLetter', days: 28 },
              ...importedStamps(now, options.actor),
            }),
          id: row.id,
          serviceCode: row.service,
          title: row.name,
          finding: row.text,
          status: row.status,
          pillar: row.pillar,
          publicSafetyRisk: row.public_safety_risk,
          fieldworkEndDate: row.fieldwork_end_date,
          owners: { sll: row.sll, cos: row.cos, hmi: row.hmi },
        },
        'letterDate',
        row.letter_date,
      );
      withColumns(imported, {
        reportPublishedDate: row.report_published_date,
        fieldworkStartDate: row.fieldwork_start_date,
        checkCopySentDate: row.check_copy_sent_date,
        websitePublishedDate: row.website_published_date,
        actionPlanRule: row.action_plan_rule ?? undefined, // every CoC has a rule: an empty cell keeps it
        actionPlanReceivedDate: row.action_plan_received_date,
      });
      if (count(before?.value, imported)) {
        const fields = [
          'title',
          'finding',
          'status',
          'pillar',
          'publicSafetyRisk',
          'fieldworkEndDate',
          'letterDate',
          'owners',
          'reportPublishedDate',
          'fieldworkStartDate',
          'checkCopySentDate',
          'websitePublishedDate',
          'actionPlanRule',
          'actionPlanReceivedDate',
        ] as const;
        changes.push(
          ...writeWithAudit(
            imported,
            before,
            (value) => ({ type: 'coc', value }),
            fields,
            serviceCode,
            cocId,
          ),
        );
      }
    }
    for (const { row: recommendationRow } of recommendationsByCoc.get(cocId) ?? []) {
      const previous = before?.recommendations.get(recommendationRow.id);
      const imported = withOptional<Recommendation, 'originalTargetDate'>(
        {
          ...(recommendationRow.record ??
            previous?.value ?? { targetDateRevisions: [], updatedAt: now, updatedBy: options.actor }),
          id: recommendationRow.id,
          cocId,
          text: recommendationRow.text,
          status: recommendationRow.status,
        },
        'originalTargetDate',
        recommendationRow.target_date,
      );
      if (!count(previous?.value, imported)) continue;
      changes.push(
        ...writeWithAudit(
          imported,
          previous,
          (value) => ({ type: 'recommendation', value }),
          ['text', 'status', 'originalTargetDate'],
          serviceCode,
          cocId,
        ),
      );
    }
    addGroup(serviceCode, changes);
  }

  for (const { row } of file.afis) {
    const before = stored.afis.get(row.id);
    const imported = withOptional<AreaForImprovement, 'targetDate'>(
      {
        ...(row.record ?? before?.value ?? importedStamps(now, options.actor)),
        id: row.id,
        serviceCode: row.service,
        questionRef: row.question_ref,
        text: row.text,
        status: row.status,
        sll: row.sll,
        cos: row.cos,
      },
      'targetDate',
      row.target_date,
    );
    if (!count(before?.value, imported)) continue;
    addGroup(
      row.service,
      writeWithAudit(
        imported,
        before,
        (value) => ({ type: 'afi', value }),
        ['questionRef', 'text', 'status', 'targetDate', 'sll', 'cos'],
        row.service,
      ),
    );
  }

  for (const { row } of file.progress) {
    const update = progressOf(row);
    if (count(stored.progress.get(`${row.service}|${row.id}`), update))
      addGroup(row.service, [{ kind: 'append', entity: { type: 'progress', value: update } }]);
  }
  for (const { row } of file.backups) {
    const kind = backupKindOf(row.backupKind);
    const before = stored.backups.get(`${row.backupKind}:${row.id}`);
    if (!kind || !count(before, row.record)) continue;
    const entity = kind.build(row.record);
    const partition = kind.partitionOf(row.record);
    const changes: RecordChange[] = [
      entity.type === 'progress' || entity.type === 'audit'
        ? { kind: 'append', entity }
        : { kind: 'create', entity },
    ];
    const subject = kind.audited ? kind.auditSubject?.(row.record) : undefined;
    if (subject) {
      const event: AuditEvent = {
        id: options.newId(),
        at: now,
        actor: options.actor,
        action: 'record.imported',
        subject: { kind: subject.kind, id: subject.id },
        serviceCode: partition,
        ...(subject.cocId === undefined ? {} : { cocId: subject.cocId }),
        changes: [],
        note: `Imported from ${options.source}`,
      };
      changes.push({ kind: 'append', entity: { type: 'audit', value: event } });
    }
    addGroup(partition, changes);
  }

  // Each commit carries its records' index jobs in the same transaction (src/app/shared/outbox.ts),
  // so an import stopped half-way leaves no record the due index does not hear about.
  const reindexed = new Set<string>();
  const writer = { store, now: options.now, outbox: options.outbox ?? leftForRecovery };
  for (const [serviceCode, changeGroups] of groups) {
    for (const batch of batches(changeGroups)) {
      for (const job of indexJobsOf(serviceCode, batch)) reindexed.add(`${serviceCode}|${job.recordId}`);
      await commitWithFollowUps(writer, serviceCode, batch);
    }
    await advanceCounters(store, serviceCode, file);
  }
  return { ok: true, counts, reindexed: reindexed.size };
}

/**
 * Sets the fields whose columns the file gives: `null` (an empty cell) takes one off, `undefined`
 * (a column the file leaves out) keeps what is stored.
 */
function withColumns<T extends object>(record: T, values: { [K in keyof T]?: T[K] | null | undefined }): T {
  for (const [key, value] of Object.entries(values) as [keyof T, T[keyof T] | null | undefined][]) {
    if (value === null) Reflect.deleteProperty(record, key);
    else if (value !== undefined) record[key] = value;
  }
  return record;
}

/** `record` with `key` set to `value`, or without `key` when the file leaves that cell empty. */
function withOptional<T extends object, K extends keyof T>(record: T, key: K, value: T[K] | undefined): T {
  if (value === undefined) Reflect.deleteProperty(record, key);
  else record[key] = value;
  return record;
}

/** Rows per commit: a transaction holds 100, one of them the outbox entry. */
const changesPerBatch = maxChangesPerCommit - 1;

/** Packs groups into commits of at most 99 rows, never splitting a group that fits in one. */
function batches(groups: readonly RecordChange[][]): RecordChange[][] {
  const out: RecordChange[][] = [];
  let current: RecordChange[] = [];
  for (const group of groups) {
    for (let start = 0; start < group.length; start += changesPerBatch) {
      const piece = group.slice(start, start + changesPerBatch);
      if (current.length + piece.length > changesPerBatch) {
        out.push(current);
        current = [];
      }
      current.push(...piece);
    }
  }
  if (current.length > 0) out.push(current);
  return out;
}

/** Moves the service's CoC and AFI counters past the imported ids, so the bot's next id is new. */
async function advanceCounters(store: Store, serviceCode: string, file: Sorted): Promise<void> {
  const highest = (ids: string[], pattern: RegExp): number =>
    Math.max(0, ...ids.map((id) => Number(pattern.exec(id)?.[1] ?? 0)));
  const targets = [
    {
      name: 'ext' as const,
      last:
        serviceCode === externalPartition
          ? highest(
              file.backups.filter((b) => b.row.backupKind === 'external').map((b) => b.row.id),
              /^EXT-(\d+)$/,
            )
          : 0,
    },
    {
      name: 'coc' as const,
      last: highest(
        file.cocs.filter((c) => c.row.service === serviceCode).map((c) => c.row.id),
        /-(\d+)$/,
      ),
    },
    {
      name: 'afi' as const,
      last: highest(
        file.afis.filter((a) => a.row.service === serviceCode).map((a) => a.row.id),
        /-AFI-(\d+)$/,
      ),
    },
  ];
  for (const { name, last } of targets) {
    if (last === 0) continue;
    const reserved = await store.records.nextNumber(serviceCode, name);
    if (reserved.number - 1 >= last) continue;
    const entity = { type: 'counter' as const, value: { name, last } };
    await store.records.commit(serviceCode, [
      reserved.change.kind === 'update'
        ? { kind: 'update', entity, etag: reserved.change.etag }
        : { kind: 'create', entity },
    ]);
  }
}
