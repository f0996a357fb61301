/**
 * Reads and writes the monitoring records of one service: CoCs, recommendations, AFIs, progress,
 * audit events, closure and engagement requests, action plans and id counters.
 *
 * Reads return `{ value, etag }` (or `null`). There is one write method, {@link RecordsRepository.commit},
 * which writes a whole change (the record, its audit events, the counter) in one entity-group
 * transaction: all of it is saved or none of it is.
 */
import { odata, type TableClient, type TransactionAction } from '@azure/data-tables';
import {
  ServiceCode,
  type ActionPlan,
  type AreaForImprovement,
  type AuditEvent,
  type CauseOfConcern,
  type ClosureRequest,
  type EngagementRequest,
  type MonitoringLevel,
  type ProgressUpdate,
  type Recommendation,
  type Revisit,
} from '../domain/records';
import { fromEntity, toEntity, type Versioned } from './entity-codec';
import {
  ConflictError,
  InvalidStoreInputError,
  statusOf,
  translateStorageError,
  type EntityRef,
} from './errors';
import { keyOf, rowKeyPrefixFilter, rowKeyRange } from './keys';
import {
  actionPlanRowKey,
  afiRowKey,
  outboxRowKey,
  closureRowKey,
  cocRowKey,
  counterRowKey,
  engagementRowKey,
  monitoringRowKey,
  externalPartition,
  parseRecordEntity,
  placeOf,
  recommendationRowKey,
  recordSchemas,
  revisitRowKey,
  submissionRowKey,
  type AppendOnlyEntity,
  type CounterName,
  type FormSubmission,
  type OutboxEntry,
  type RecordEntity,
  type RecordType,
  type RecordValue,
} from './record-entities';
import { queryEntities, readEntity, type RawEntity } from './table-access';

/** The most operations one entity-group transaction may hold (a Table Storage limit). */
export const maxChangesPerCommit = 100;

/**
 * One write in a commit. `create` fails if the row exists; `update` replaces the row only if it
 * still has the ETag it was read with; `append` adds a progress update or audit event.
 */
export type RecordChange =
  | { kind: 'create'; entity: RecordEntity }
  | { kind: 'update'; entity: RecordEntity; etag: string }
  | { kind: 'append'; entity: AppendOnlyEntity };

/** What a commit wrote, in the order of the changes: the new ETag of each row. */
export interface CommittedChange {
  type: RecordType;
  rowKey: string;
  etag: string;
}

/** A CoC with its recommendations, numbered order (BUC-1.2 before BUC-1.10). */
export interface CocWithRecommendations {
  coc: Versioned<CauseOfConcern>;
  recommendations: Versioned<Recommendation>[];
  /** Its revisits, first first; read by the same range query (their rows sit in the CoC's range). */
  revisits?: Versioned<Revisit>[];
}

/** How long a monitoring level read is reused (they change rarely; a write here forgets it at once). */
const monitoringCacheMs = 5_000;

/** The next id of a sequence and the counter change to commit with the record that uses it. */
export interface ReservedNumber {
  number: number;
  /** `BUC-4` for a CoC, `BUC-AFI-4` for an AFI. */
  id: string;
  change: RecordChange;
}

function parseServiceCode(serviceCode: string): ServiceCode {
  const parsed = ServiceCode.safeParse(serviceCode);
  if (!parsed.success)
    throw new InvalidStoreInputError(`"${serviceCode}" is not a service code (2 to 5 capital letters).`);
  return parsed.data;
}

/** The trailing number of an id (`BUC-1.10` → 10), for ordering the way people count. */
function trailingNumber(id: string): number {
  return Number(/(\d+)$/.exec(id)?.[1] ?? Number.NaN);
}

function byIdNumber<T extends { id: string }>(a: Versioned<T>, b: Versioned<T>): number {
  const byPrefix = a.value.id.replace(/\d+$/, '').localeCompare(b.value.id.replace(/\d+$/, ''));
  return byPrefix !== 0 ? byPrefix : trailingNumber(a.value.id) - trailingNumber(b.value.id);
}

/** The index of the failed operation in a transaction error message (`"1:The specified entity already exists."`). */
function failedIndexOf(error: unknown): number | undefined {
  const match = error instanceof Error ? /^(\d+):/.exec(error.message) : null;
  return match ? Number(match[1]) : undefined;
}

/** Repository of the `records` table; build it with {@link createRecordsRepository}. */
export class RecordsRepository {
  constructor(private readonly client: TableClient) {}

  private get table(): string {
    return this.client.tableName;
  }

  private async getOne<K extends RecordType>(
    serviceCode: string,
    rowKey: string,
    type: K,
  ): Promise<Versioned<RecordValue<K>> | null> {
    const row = await readEntity(this.client, parseServiceCode(serviceCode), rowKey);
    return row ? this.parse(row, type) : null;
  }

  private parse<K extends RecordType>(row: RawEntity, type: K): Versioned<RecordValue<K>> {
    // recordSchemas[type] is the schema of RecordValue<K>; TypeScript cannot follow the lookup through K.
    return fromEntity(this.table, row, type, recordSchemas[type]) as Versioned<RecordValue<K>>;
  }

  /** Rows of one kind, in one service or (when `serviceCode` is undefined) across every service. */
  private async listOfType<K extends RecordType>(
    type: K,
    serviceCode: string | undefined,
    prefix: string,
  ): Promise<Versioned<RecordValue<K>>[]> {
    const { from, to } = rowKeyRange(prefix);
    const filter =
      serviceCode === undefined
        ? odata`RowKey ge ${from} and RowKey lt ${to} and recordType eq ${type}`
        : odata`PartitionKey eq ${parseServiceCode(serviceCode)} and RowKey ge ${from} and RowKey lt ${to} and recordType eq ${type}`;
    const rows = await queryEntities(this.client, filter);
    return rows.map((row) => this.parse(row, type));
  }

  /** One cause of concern, or `null`. */
  async getCoc(serviceCode: string, cocId: string): Promise<Versioned<CauseOfConcern> | null> {
    return await this.getOne(serviceCode, cocRowKey(cocId), 'coc');
  }

  /** A CoC and all its recommendations, read with one range query over its rows; `null` if no such CoC. */
  async getCocWithRecommendations(
    serviceCode: string,
    cocId: string,
  ): Promise<CocWithRecommendations | null> {
    // The service's monitoring level comes in the same query: every CoC card shows it.
    const partition = parseServiceCode(serviceCode);
    const rows = await queryEntities(
      this.client,
      `(${rowKeyPrefixFilter(partition, 'coc', cocId)}) or (${odata`PartitionKey eq ${partition} and RowKey eq ${monitoringRowKey}`})`,
    );
    const levelRow = rows.find((row) => row.recordType === 'monitoring');
    const level = levelRow ? this.parse(levelRow, 'monitoring') : null;
    this.monitoringCache.set(partition, { at: Date.now(), read: Promise.resolve(level) });
    const cocRow = rows.find((row) => row.recordType === 'coc');
    if (!cocRow) return null;
    const recommendations = rows
      .filter((row) => row.recordType === 'recommendation')
      .map((row) => this.parse(row, 'recommendation'))
      .sort(byIdNumber);
    const revisits = rows
      .filter((row) => row.recordType === 'revisit')
      .map((row) => this.parse(row, 'revisit'));
    return { coc: this.parse(cocRow, 'coc'), recommendations, revisits: revisits.sort(byIdNumber) };
  }

  /** CoCs of one service, or of every service when `serviceCode` is undefined (a table scan: scheduler use). */
  async listCocs(serviceCode?: string): Promise<Versioned<CauseOfConcern>[]> {
    return (await this.listOfType('coc', serviceCode, 'coc')).sort(byIdNumber);
  }

  /**
   * Every CoC of one service (or of every service when `serviceCode` is undefined) with its
   * recommendations, read with one range query over the `coc|` rows; CoCs in numbered order.
   */
  async listCocsWithRecommendations(serviceCode?: string): Promise<CocWithRecommendations[]> {
    const { from, to } = rowKeyRange('coc');
    const filter =
      serviceCode === undefined
        ? odata`RowKey ge ${from} and RowKey lt ${to}`
        : odata`PartitionKey eq ${parseServiceCode(serviceCode)} and RowKey ge ${from} and RowKey lt ${to}`;
    const rows = await queryEntities(this.client, filter);
    const cocs = rows.filter((row) => row.recordType === 'coc').map((row) => this.parse(row, 'coc'));
    const recommendations = rows
      .filter((row) => row.recordType === 'recommendation')
      .map((row) => this.parse(row, 'recommendation'));
    const revisits = rows
      .filter((row) => row.recordType === 'revisit')
      .map((row) => this.parse(row, 'revisit'));
    return cocs.sort(byIdNumber).map((coc) => ({
      coc,
      recommendations: recommendations.filter((r) => r.value.cocId === coc.value.id).sort(byIdNumber),
      revisits: revisits.filter((r) => r.value.cocId === coc.value.id).sort(byIdNumber),
    }));
  }

  /** Every progress update of one service (or of every service), oldest first within each subject. */
  async listServiceProgress(serviceCode?: string): Promise<ProgressUpdate[]> {
    const { from, to } = rowKeyRange('progress');
    const filter =
      serviceCode === undefined
        ? odata`RowKey ge ${from} and RowKey lt ${to} and recordType eq ${'progress'}`
        : odata`PartitionKey eq ${parseServiceCode(serviceCode)} and RowKey ge ${from} and RowKey lt ${to}`;
    const rows = await queryEntities(this.client, filter);
    return rows.map((row) => this.parse(row, 'progress').value);
  }

  /** One recommendation, or `null`. External ones (`EXT-3`) live in the `EXT` partition. */
  async getRecommendation(
    serviceCode: string,
    recommendationId: string,
  ): Promise<Versioned<Recommendation> | null> {
    return await this.getOne(serviceCode, recommendationRowKey(recommendationId), 'recommendation');
  }

  /** One area for improvement, or `null`. */
  async getAfi(serviceCode: string, afiId: string): Promise<Versioned<AreaForImprovement> | null> {
    return await this.getOne(serviceCode, afiRowKey(afiId), 'afi');
  }

  /** AFIs of one service, or of every service when `serviceCode` is undefined. */
  async listAfis(serviceCode?: string): Promise<Versioned<AreaForImprovement>[]> {
    return (await this.listOfType('afi', serviceCode, 'afi')).sort(byIdNumber);
  }

  /**
   * Audit events of a CoC (including those of its recommendations) or of an AFI, newest first.
   * One range query; `limit` stops it early.
   */
  async listAudit(
    serviceCode: string,
    subjectId: string,
    options: { limit?: number } = {},
  ): Promise<AuditEvent[]> {
    const rows = await queryEntities(
      this.client,
      rowKeyPrefixFilter(parseServiceCode(serviceCode), 'audit', subjectId),
      options.limit,
    );
    return rows.map((row) => this.parse(row, 'audit').value);
  }

  /** Progress updates on a recommendation, CoC or AFI, oldest first. */
  async listProgress(serviceCode: string, subjectId: string): Promise<ProgressUpdate[]> {
    const rows = await queryEntities(
      this.client,
      rowKeyPrefixFilter(parseServiceCode(serviceCode), 'progress', subjectId),
    );
    return rows.map((row) => this.parse(row, 'progress').value);
  }

  /**
   * Progress updates on a CoC and on its recommendations, oldest first for each subject, in two
   * range queries however many recommendations it has: the CoC's own rows, and every row keyed
   * `progress|<cocId>.` (its recommendations' ids all start `<cocId>.`; `/` comes right after `.`).
   */
  async listProgressOfCoc(serviceCode: string, cocId: string): Promise<ProgressUpdate[]> {
    const partition = parseServiceCode(serviceCode);
    const recommendationsPrefix = `${keyOf('progress', cocId)}.`;
    const recommendationsEnd = `${keyOf('progress', cocId)}/`;
    const [own, ofRecommendations] = await Promise.all([
      queryEntities(this.client, rowKeyPrefixFilter(partition, 'progress', cocId)),
      queryEntities(
        this.client,
        odata`PartitionKey eq ${partition} and RowKey ge ${recommendationsPrefix} and RowKey lt ${recommendationsEnd}`,
      ),
    ]);
    return [...own, ...ofRecommendations].map((row) => this.parse(row, 'progress').value);
  }

  /** One revisit of a CoC (`BUC-1-R1`), or `null`. */
  async getRevisit(serviceCode: string, revisitId: string): Promise<Versioned<Revisit> | null> {
    const cocId = /^(.+)-R\d+$/.exec(revisitId)?.[1];
    if (!cocId) return null;
    return await this.getOne(serviceCode, revisitRowKey({ cocId, id: revisitId }), 'revisit');
  }

  /** Revisits of one service, or of every service when `serviceCode` is undefined. */
  async listRevisits(serviceCode?: string): Promise<Versioned<Revisit>[]> {
    const { from, to } = rowKeyRange('coc');
    const filter =
      serviceCode === undefined
        ? odata`RowKey ge ${from} and RowKey lt ${to} and recordType eq ${'revisit'}`
        : odata`PartitionKey eq ${parseServiceCode(serviceCode)} and RowKey ge ${from} and RowKey lt ${to} and recordType eq ${'revisit'}`;
    const rows = await queryEntities(this.client, filter);
    return rows.map((row) => this.parse(row, 'revisit')).sort(byIdNumber);
  }

  private readonly monitoringCache = new Map<
    string,
    { at: number; read: Promise<Versioned<MonitoringLevel> | null> }
  >();

  /**
   * A service's monitoring level as last set, or `null` (routine). Cards show it on every CoC, so a
   * read is reused for a few seconds; a commit here that writes it forgets the cached one.
   */
  async getMonitoringLevel(serviceCode: string): Promise<Versioned<MonitoringLevel> | null> {
    const code = parseServiceCode(serviceCode);
    const cached = this.monitoringCache.get(code);
    if (cached && Date.now() - cached.at < monitoringCacheMs) return cached.read;
    const read = this.getOne(code, monitoringRowKey, 'monitoring');
    this.monitoringCache.set(code, { at: Date.now(), read });
    read.catch(() => this.monitoringCache.delete(code));
    return read;
  }

  /** Every service's monitoring level that has been set (routine ones included). */
  async listMonitoringLevels(): Promise<Versioned<MonitoringLevel>[]> {
    return await this.listOfType('monitoring', undefined, 'monitoring');
  }

  /** One closure request, or `null`. */
  async getClosureRequest(serviceCode: string, id: string): Promise<Versioned<ClosureRequest> | null> {
    return await this.getOne(serviceCode, closureRowKey(id), 'closure');
  }

  /** Closure requests of one service, or of every service when `serviceCode` is undefined. */
  async listClosureRequests(serviceCode?: string): Promise<Versioned<ClosureRequest>[]> {
    return await this.listOfType('closure', serviceCode, 'closure');
  }

  /** One engagement request, or `null`. */
  async getEngagementRequest(serviceCode: string, id: string): Promise<Versioned<EngagementRequest> | null> {
    return await this.getOne(serviceCode, engagementRowKey(id), 'engagement');
  }

  /** Engagement requests of one service, or of every service when `serviceCode` is undefined. */
  async listEngagementRequests(serviceCode?: string): Promise<Versioned<EngagementRequest>[]> {
    return await this.listOfType('engagement', serviceCode, 'engagement');
  }

  /** The service's action plan for a CoC or AFI, or `null`. */
  async getActionPlan(serviceCode: string, subjectId: string): Promise<Versioned<ActionPlan> | null> {
    return await this.getOne(serviceCode, actionPlanRowKey(subjectId), 'actionPlan');
  }

  /** Every action plan of one service, or of every service when `serviceCode` is undefined. */
  async listActionPlans(serviceCode?: string): Promise<Versioned<ActionPlan>[]> {
    return await this.listOfType('actionPlan', serviceCode, 'plan');
  }

  /** Every recommendation to an external body (§31), in numbered order: the `EXT` partition's `rec|` rows. */
  async listExternalRecommendations(): Promise<Versioned<Recommendation>[]> {
    return (await this.listOfType('recommendation', externalPartition, 'rec')).sort(byIdNumber);
  }

  /** The record a card form created, if that form was submitted before (see `FormSubmission`). */
  async getFormSubmission(serviceCode: string, formId: string): Promise<FormSubmission | null> {
    return (await this.getOne(serviceCode, submissionRowKey(formId), 'submission'))?.value ?? null;
  }

  /** Outbox entries of every partition, oldest first within each (a scan of the `outbox|` rows). */
  async listOutbox(): Promise<Versioned<OutboxEntry>[]> {
    const { from, to } = rowKeyRange('outbox');
    const rows = await queryEntities(this.client, odata`RowKey ge ${from} and RowKey lt ${to}`);
    return rows.map((row) => this.parse(row, 'outbox'));
  }

  /**
   * Marks an outbox entry as taken by `claimant` (guarded by the ETag it was read with), so no other
   * process works on it; a lost race raises {@link ConflictError}. Returns the new ETag.
   */
  async claimOutbox(entry: Versioned<OutboxEntry>, claimant: string, at: string): Promise<string> {
    const claimed: OutboxEntry = {
      ...entry.value,
      claimedBy: claimant,
      claimedAt: at,
      attempts: entry.value.attempts + 1,
    };
    const [saved] = await this.commit(entry.value.serviceCode, [
      { kind: 'update', entity: { type: 'outbox', value: claimed }, etag: entry.etag },
    ]);
    return saved?.etag ?? '';
  }

  /** Notes why an outbox entry's work failed, for the next attempt (and whoever reads the table). */
  async noteOutboxFailure(entry: OutboxEntry, reason: string): Promise<void> {
    const noted: OutboxEntry = { ...entry, lastError: reason.slice(0, 2000) };
    await this.client.updateEntity(
      toEntity(
        { table: this.table, partitionKey: entry.serviceCode, rowKey: outboxRowKey(entry) },
        'outbox',
        noted,
      ),
      'Replace',
    );
  }

  /** Removes an outbox entry whose work is done; one already gone is fine. */
  async deleteOutbox(entry: Pick<OutboxEntry, 'serviceCode' | 'createdAt' | 'id'>): Promise<void> {
    try {
      await this.client.deleteEntity(parseServiceCode(entry.serviceCode), outboxRowKey(entry));
    } catch (error) {
      if (statusOf(error) !== 404) throw translateStorageError(error);
    }
  }

  /**
   * Reserves the next CoC or AFI number of a service. Nothing is written: commit `change` together
   * with the record that uses the id. If someone else took the number first, that commit fails with
   * a {@link ConflictError} as a whole, and the use case reserves again and retries.
   */
  async nextNumber(serviceCode: string, name: CounterName): Promise<ReservedNumber> {
    const code = parseServiceCode(serviceCode);
    const current = await this.getOne(code, counterRowKey(name), 'counter');
    const number = (current?.value.last ?? 0) + 1;
    const id = name === 'afi' ? `${code}-AFI-${String(number)}` : `${code}-${String(number)}`; // coc, or ext: EXT-3
    const entity: RecordEntity = { type: 'counter', value: { name, last: number } };
    const change: RecordChange = current
      ? { kind: 'update', entity, etag: current.etag }
      : { kind: 'create', entity };
    return { number, id, change };
  }

  /**
   * Writes a change to one service as a single entity-group transaction: everything or nothing.
   * At most {@link maxChangesPerCommit} rows, all in this service's partition, no row twice.
   * A lost race raises {@link ConflictError} naming the row that failed; nothing is written then.
   */
  async commit(serviceCode: string, changes: readonly RecordChange[]): Promise<CommittedChange[]> {
    const partitionKey = parseServiceCode(serviceCode);
    if (changes.length === 0) return [];
    if (changes.length > maxChangesPerCommit) {
      throw new InvalidStoreInputError(
        `One commit can hold at most ${String(maxChangesPerCommit)} changes (Table Storage transaction limit); this one has ${String(changes.length)}.`,
      );
    }
    if (changes.some((change) => change.entity.type === 'monitoring'))
      this.monitoringCache.delete(partitionKey);
    const refs: EntityRef[] = [];
    const actions: TransactionAction[] = changes.map((change) => {
      const entity = parseRecordEntity(change.entity);
      const place = placeOf(entity);
      const ref: EntityRef = { table: this.table, partitionKey, rowKey: place.rowKey };
      if (place.partitionKey !== undefined && place.partitionKey !== partitionKey) {
        throw new InvalidStoreInputError(
          `The ${entity.type} ${place.rowKey} belongs to ${place.partitionKey}, not ${partitionKey}: a commit covers one service.`,
        );
      }
      if (refs.some((seen) => seen.rowKey === ref.rowKey)) {
        throw new InvalidStoreInputError(
          `The commit changes ${place.rowKey} twice; a transaction may touch each row once.`,
        );
      }
      refs.push(ref);
      const row = toEntity(ref, entity.type, entity.value);
      return change.kind === 'update' ? ['update', row, 'Replace', { etag: change.etag }] : ['create', row];
    });

    let etags: (string | undefined)[];
    try {
      const response = await this.client.submitTransaction(actions);
      if (changes.some((change) => change.entity.type === 'monitoring'))
        this.monitoringCache.delete(partitionKey);
      etags = actions.map((_, index) => response.subResponses[index]?.etag?.trim());
    } catch (error) {
      const failed = failedIndexOf(error) ?? (refs.length === 1 ? 0 : undefined);
      throw translateStorageError(error, failed === undefined ? undefined : refs[failed]);
    }
    return Promise.all(
      changes.map(async (change, index) => {
        const ref = refs[index] as EntityRef;
        return {
          type: change.entity.type,
          rowKey: ref.rowKey,
          etag: etags[index] ?? (await this.readEtag(ref)),
        };
      }),
    );
  }

  /** Fallback when a transaction response leaves out an ETag: read the row we just wrote. */
  private async readEtag(ref: EntityRef): Promise<string> {
    const row = await readEntity(this.client, ref.partitionKey, ref.rowKey);
    if (!row?.etag) throw new ConflictError(ref, 'missing');
    return row.etag;
  }
}

/** Builds the records repository over the `records` table client. */
export function createRecordsRepository(client: TableClient): RecordsRepository {
  return new RecordsRepository(client);
}
