/**
 * The two read moves every repository needs, with errors already translated: a point read that
 * returns `null` for a missing row, and a filtered query that stops at a limit.
 */
import type { TableClient, TableEntityResult } from '@azure/data-tables';
import { isNotFound, translateStorageError } from './errors';

/** A row as the SDK returns it. */
export type RawEntity = TableEntityResult<Record<string, unknown>>;

/** Reads one row; `null` when there is no such row. */
export async function readEntity(
  client: TableClient,
  partitionKey: string,
  rowKey: string,
): Promise<RawEntity | null> {
  try {
    return await client.getEntity<Record<string, unknown>>(partitionKey, rowKey);
  } catch (error) {
    if (isNotFound(error)) return null;
    throw translateStorageError(error);
  }
}

/**
 * Runs a query (the filter must come from the `odata` template) and returns rows in key order,
 * at most `limit` of them when given. Follows continuation tokens: the service may return short
 * pages even when more rows match.
 */
export async function queryEntities(
  client: TableClient,
  filter: string,
  limit?: number,
): Promise<RawEntity[]> {
  const rows: RawEntity[] = [];
  const pageSize = limit === undefined ? 1000 : Math.min(Math.max(limit, 1), 1000);
  try {
    const pages = client
      .listEntities<Record<string, unknown>>({ queryOptions: { filter } })
      .byPage({ maxPageSize: pageSize });
    for await (const page of pages) {
      for (const row of page) {
        if (limit !== undefined && rows.length >= limit) return rows;
        rows.push(row);
      }
      if (limit !== undefined && rows.length >= limit) return rows;
    }
  } catch (error) {
    throw translateStorageError(error);
  }
  return rows;
}
