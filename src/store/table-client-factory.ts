/**
 * Builds the TableClients the store uses, from a connection string (Azurite, local development) or
 * from an account endpoint with `DefaultAzureCredential` (Azure: managed identity, no keys to leak).
 *
 * Table names carry a prefix so several environments, or many tests, can share one account.
 */
import { TableClient, type TableServiceClientOptions } from '@azure/data-tables';
import { DefaultAzureCredential } from '@azure/identity';
import { z } from 'zod';
import { InvalidStoreInputError, statusOf, translateStorageError } from './errors';

/** An Entra token source (the `TokenCredential` of @azure/core-auth, which is not a direct dependency). */
export type TokenSource = Pick<DefaultAzureCredential, 'getToken'>;

/** The logical tables of the store; see docs/table-design.md. */
export const tableNames = ['records', 'directory', 'conversations', 'scheduler'] as const;
export type TableName = (typeof tableNames)[number];

/** One TableClient per logical table. */
export type StoreTables = Record<TableName, TableClient>;

/** Where the tables live. */
export type StorageConnection =
  | { connectionString: string }
  | {
      /** e.g. `https://cocmonitor.table.core.windows.net` */
      accountUrl: string;
      /** Defaults to `DefaultAzureCredential` (managed identity in Azure, your az login locally). */
      credential?: TokenSource;
      /** For a user-assigned managed identity; otherwise `AZURE_CLIENT_ID` is used if set. */
      managedIdentityClientId?: string;
    };

/** How the SDK retries a failed request; see {@link interactiveRetry} for the default. */
export interface RetrySettings {
  maxRetries: number;
  retryDelayInMs?: number;
  maxRetryDelayInMs?: number;
}

/**
 * The default retry: two quick retries, at most a second apart. Most store calls happen inside a
 * Teams turn, and Teams gives a bot about 15 seconds to answer; the SDK's own default (three
 * retries from 1 s doubling, per request, several requests per turn) would outlast that when
 * storage is away, and the person would see Teams' own error instead of ours. A blip is still
 * ridden out; a real outage is reported in a second or two and the person can try again.
 */
export const interactiveRetry: RetrySettings = {
  maxRetries: 2,
  retryDelayInMs: 200,
  maxRetryDelayInMs: 1000,
};

export type TableClientFactoryOptions = StorageConnection & {
  /** Letters and digits put before every table name, e.g. `dev` gives `devrecords`. */
  tablePrefix?: string;
  retry?: RetrySettings;
  /**
   * Keep the SDK's tracing policy (default true). With no telemetry exporter its spans go nowhere,
   * yet it still runs for every request: the server turns it off when telemetry is off.
   */
  tracing?: boolean;
};

/** The Azure SDK pipeline policy that opens a span per request (@azure/core-rest-pipeline). */
const sdkTracingPolicy = 'tracingPolicy';

/** The clients, without the tracing policy when it is not wanted. */
function withTracing(tables: StoreTables, tracing: boolean): StoreTables {
  if (!tracing)
    for (const client of Object.values(tables)) client.pipeline.removePolicy({ name: sdkTracingPolicy });
  return tables;
}

/** Table names: 3 to 63 letters or digits, starting with a letter. */
const TablePrefix = z
  .string()
  .regex(/^([A-Za-z][A-Za-z0-9]{0,49})?$/, 'must be letters and digits, starting with a letter, at most 50');

/** The full table name for a logical table with the given prefix. */
export function tableNameFor(prefix: string, table: TableName): string {
  const parsed = TablePrefix.safeParse(prefix);
  if (!parsed.success) {
    throw new InvalidStoreInputError(
      `Table prefix "${prefix}" ${parsed.error.issues[0]?.message ?? 'is not valid'}.`,
    );
  }
  return `${parsed.data}${table}`;
}

/** True when a connection string points at plain http (Azurite), which the SDK refuses unless told. */
function usesHttp(connectionString: string): boolean {
  return /UseDevelopmentStorage=true|DefaultEndpointsProtocol=http;|TableEndpoint=http:\/\//i.test(
    connectionString,
  );
}

/** Builds one TableClient per logical table. Nothing is sent until the first request. */
export function createTableClients(options: TableClientFactoryOptions): StoreTables {
  return withTracing(buildTableClients(options), options.tracing ?? true);
}

function buildTableClients(options: TableClientFactoryOptions): StoreTables {
  const prefix = options.tablePrefix ?? '';
  const clientOptions: TableServiceClientOptions = { retryOptions: options.retry ?? interactiveRetry };

  if ('connectionString' in options) {
    const { connectionString } = options;
    const insecure = usesHttp(connectionString);
    const build = (table: TableName): TableClient =>
      TableClient.fromConnectionString(connectionString, tableNameFor(prefix, table), {
        ...clientOptions,
        allowInsecureConnection: insecure,
      });
    return {
      records: build('records'),
      directory: build('directory'),
      conversations: build('conversations'),
      scheduler: build('scheduler'),
    };
  }

  if (!options.accountUrl.startsWith('https://')) {
    throw new InvalidStoreInputError(
      `The storage account URL must start with https:// (got "${options.accountUrl}").`,
    );
  }
  const credential =
    options.credential ??
    new DefaultAzureCredential(
      options.managedIdentityClientId ? { managedIdentityClientId: options.managedIdentityClientId } : {},
    );
  const accountUrl = options.accountUrl;
  const build = (table: TableName): TableClient =>
    new TableClient(accountUrl, tableNameFor(prefix, table), credential, clientOptions);
  return {
    records: build('records'),
    directory: build('directory'),
    conversations: build('conversations'),
    scheduler: build('scheduler'),
  };
}

/**
 * Creates the tables if they do not exist yet. Safe to call on every start: "already exists"
 * (409) is the expected answer after the first run and is ignored on purpose.
 */
export async function ensureTables(tables: StoreTables): Promise<void> {
  await Promise.all(
    Object.values(tables).map(async (client) => {
      try {
        await client.createTable();
      } catch (error) {
        if (statusOf(error) === 409) return; // the table is already there: that is what we wanted
        throw translateStorageError(error);
      }
    }),
  );
}
