/**
 * The bot's configuration, read from environment variables and checked once at start-up.
 *
 * `loadConfig` is pure over the variables it is given, so tests pass a plain object. A bad value
 * stops start-up with one line that names the variable and says what is wrong; secrets are never
 * echoed back in that line.
 */
import { z } from 'zod';

/** Where the bot runs: `local` (Agents Playground, Azurite) or `production` (Azure). */
export type AppMode = 'local' | 'production';

/** How the bot proves who it is to the Bot Framework (botbuilder's `MicrosoftAppType`). */
export type BotAppType = 'SingleTenant' | 'UserAssignedMSI' | 'MultiTenant';

/** Levels pino understands, from loudest to silent. */
export type LogLevel = 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';

/** Where Azure Table Storage is: a connection string (keys, Azurite) or an account URL (managed identity). */
export type StorageLocation =
  { kind: 'connectionString'; connectionString: string } | { kind: 'accountUrl'; accountUrl: string };

/** Everything the process needs to know at start-up. */
export interface Config {
  mode: AppMode;
  bot: {
    /** Empty in local mode: botbuilder then skips authentication (Agents Playground). */
    appId: string | undefined;
    appPassword: string | undefined;
    appType: BotAppType;
    tenantId: string | undefined;
  };
  port: number;
  /** Undefined only in local mode, where `npm start` starts Azurite. */
  storage: StorageLocation | undefined;
  tablePrefix: string;
  /** Entra object ids that are administrators before anyone has been given a role. */
  bootstrapAdminObjectIds: string[];
  /** Entra tenants whose users may use the bot; empty means any tenant the directory knows. */
  allowedTenantIds: string[];
  /**
   * Bank holidays of England and Wales announced after the date-holidays release in use (a one-off
   * holiday for a royal occasion, say); working days skip them too.
   */
  extraBankHolidays: string[];
  /** Application Insights connection string; telemetry is off without it. */
  applicationInsightsConnectionString?: string;
  logLevel: LogLevel;
  /** Seed the demo services, people and records when storage is empty. */
  demoData: boolean;
  /**
   * Working days a closure request may wait before its approver is reminded, then escalated.
   * Set only when APPROVAL_REMINDER_WORKING_DAYS or APPROVAL_ESCALATION_WORKING_DAYS is given;
   * otherwise the approval chaser job uses its defaults (5 and 10).
   */
  approvalChasers?: { reminderWorkingDays: number; escalationWorkingDays: number };
  /** The daily reminder sweep: London time (`07:30`) or undefined when off; the "due soon" window. */
  reminders: { sweepTime: string | undefined; windowDays: number };
  /** Key of the short-lived signed links to download the quarterly report CSV; no links without it. */
  reportLinkSecret?: string;
  /** The bot's public base URL for those links, e.g. https://cocmonitor.azurewebsites.net. */
  reportBaseUrl?: string;
  /**
   * Microsoft Graph, through which the bot installs itself for someone who has never opened a chat
   * with it, so approval cards and notices reach them. Set only when TEAMS_APP_CATALOG_ID is given.
   */
  graph?: GraphConfig;
}

/** Where and as which app the bot installs itself through Microsoft Graph. */
export interface GraphConfig {
  /** The app's id in the organisation's app catalogue (not the manifest id). */
  catalogAppId: string;
  /** Graph's base URL without a trailing slash, e.g. https://graph.microsoft.com. */
  baseUrl: string;
  /** The tenant whose Graph the bot calls: its own (MicrosoftAppTenantId). */
  tenantId: string;
}

/** Thrown when a variable is missing or malformed; `message` is the one line to print. */
export class ConfigError extends Error {
  readonly code = 'CONFIG_INVALID';

  constructor(
    /** The environment variable at fault. */
    readonly variable: string,
    /** What is wrong, for a person to read. */
    readonly reason: string,
  ) {
    super(`Configuration error: ${reason}`);
    this.name = 'ConfigError';
  }
}

/** The environment as a plain map (`process.env` or a test's object). */
export type Environment = Readonly<Record<string, string | undefined>>;

const guidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const Guid = z.string().regex(guidPattern);
const BooleanText = z
  .string()
  .transform((s) => s.toLowerCase())
  .pipe(z.enum(['true', 'false', '1', '0', 'yes', 'no']))
  .transform((s) => s === 'true' || s === '1' || s === 'yes');

interface VariableRule<S extends z.ZodType> {
  schema: S;
  /** Completes the sentence "<NAME> ...". */
  expected: string;
  /** Never repeat the value in the error (passwords, connection strings with keys). */
  secret?: boolean;
}

/** Treats a blank value like an absent one: `.env` files often carry `KEY=`. */
function valueOf(env: Environment, name: string): string | undefined {
  const raw = env[name];
  return raw === undefined || raw.trim() === '' ? undefined : raw.trim();
}

function read<S extends z.ZodType>(env: Environment, name: string, rule: VariableRule<S>): z.output<S> {
  const raw = valueOf(env, name);
  const result = rule.schema.safeParse(raw);
  if (result.success) return result.data;
  const got = rule.secret || raw === undefined ? '' : ` (got "${raw}")`;
  throw new ConfigError(name, `${name} ${rule.expected}${got}`);
}

function isConnectionString(value: string): boolean {
  const keys = value
    .split(';')
    .filter((part) => part.includes('='))
    .map((part) => part.slice(0, part.indexOf('=')).trim().toLowerCase());
  return ['accountname', 'tableendpoint', 'usedevelopmentstorage'].some((key) => keys.includes(key));
}

function isAccountUrl(value: string): boolean {
  if (!URL.canParse(value)) return false;
  const url = new URL(value);
  const loopback = ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname);
  return url.protocol === 'https:' || (url.protocol === 'http:' && loopback);
}

/**
 * Reads and checks the configuration.
 *
 * @throws ConfigError naming the first variable that is wrong.
 * @example loadConfig({ APP_MODE: 'local' }).port // 3978
 */
export function loadConfig(env: Environment = process.env): Config {
  const mode = read(env, 'APP_MODE', {
    schema: z.enum(['local', 'production']).default('local'),
    expected: 'must be "local" or "production"',
  });
  const appId = read(env, 'MicrosoftAppId', {
    schema: Guid.optional(),
    expected: 'must be the bot’s Entra application (client) id, a GUID',
  });
  const appPassword = read(env, 'MicrosoftAppPassword', {
    schema: z.string().optional(),
    expected: 'must be text',
    secret: true,
  });
  const appType = read(env, 'MicrosoftAppType', {
    schema: z.enum(['SingleTenant', 'UserAssignedMSI', 'MultiTenant']).default('MultiTenant'),
    expected: 'must be "SingleTenant", "UserAssignedMSI" or "MultiTenant"',
  });
  const tenantId = read(env, 'MicrosoftAppTenantId', {
    schema: Guid.optional(),
    expected: 'must be the Entra tenant id, a GUID',
  });
  const port = read(env, 'PORT', {
    schema: z
      .string()
      .regex(/^\d+$/)
      .transform(Number)
      .pipe(z.number().int().min(1).max(65535))
      .default(3978),
    expected: 'must be a whole number between 1 and 65535',
  });
  const connectionString = read(env, 'STORAGE_CONNECTION_STRING', {
    schema: z.string().refine(isConnectionString).optional(),
    expected: 'must be an Azure Storage connection string (with AccountName or TableEndpoint)',
    secret: true,
  });
  const accountUrl = read(env, 'STORAGE_ACCOUNT_URL', {
    schema: z.string().refine(isAccountUrl).optional(),
    expected:
      'must be the table endpoint of the storage account, e.g. https://account.table.core.windows.net',
  });
  const tablePrefix = read(env, 'TABLE_PREFIX', {
    schema: z
      .string()
      .regex(/^[A-Za-z][A-Za-z0-9]{0,19}$/)
      .default('coc'),
    expected:
      'must be 1 to 20 letters or digits, starting with a letter (Azure table names allow no other characters)',
  });
  const bootstrapAdminObjectIds = read(env, 'BOOTSTRAP_ADMIN_OBJECT_IDS', {
    schema: z
      .string()
      .default('')
      .transform((s) =>
        s
          .split(',')
          .map((id) => id.trim())
          .filter((id) => id !== ''),
      )
      .pipe(z.array(Guid)),
    expected: 'must be a comma-separated list of Entra object ids (GUIDs)',
  });
  const logLevel = read(env, 'LOG_LEVEL', {
    schema: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    expected: 'must be one of fatal, error, warn, info, debug, trace, silent',
  });
  const allowedTenantIds = read(env, 'ALLOWED_TENANT_IDS', {
    schema: z
      .string()
      .default('')
      .transform((s) =>
        s
          .split(',')
          .map((id) => id.trim().toLowerCase())
          .filter((id) => id !== ''),
      )
      .pipe(z.array(Guid)),
    expected: 'must be a comma-separated list of Entra tenant ids (GUIDs)',
  });
  const extraBankHolidays = read(env, 'EXTRA_BANK_HOLIDAYS', {
    schema: z
      .string()
      .default('')
      .transform((s) =>
        s
          .split(',')
          .map((day) => day.trim())
          .filter((day) => day !== ''),
      )
      .pipe(z.array(z.iso.date())),
    expected: 'must be a comma-separated list of dates written YYYY-MM-DD',
  });
  const applicationInsightsConnectionString = read(env, 'APPLICATIONINSIGHTS_CONNECTION_STRING', {
    schema: z
      .string()
      .regex(/InstrumentationKey=/i)
      .optional(),
    expected: 'must be an Application Insights connection string (with InstrumentationKey=...)',
    secret: true,
  });
  const demoData = read(env, 'DEMO_DATA', {
    schema: BooleanText.default(mode === 'local'),
    expected: 'must be true or false',
  });
  const reminderSweepTime = read(env, 'REMINDER_SWEEP_TIME', {
    schema: z
      .string()
      .regex(/^(([01]\d|2[0-3]):[0-5]\d|off)$/i)
      .default('07:30')
      .transform((value) => (value.toLowerCase() === 'off' ? undefined : value)),
    expected: 'must be a time like 07:30 (Europe/London, 24-hour clock) or "off"',
  });
  const reminderWindowDays = read(env, 'REMINDER_WINDOW_DAYS', {
    schema: z.string().regex(/^\d+$/).transform(Number).pipe(z.number().int().min(1).max(90)).default(7),
    expected: 'must be a whole number of days between 1 and 90',
  });

  const reportLinkSecret = read(env, 'REPORT_LINK_SECRET', {
    schema: z.string().min(32).optional(),
    expected: 'must be at least 32 characters (a random secret)',
    secret: true,
  });
  const reportBaseUrl = read(env, 'REPORT_BASE_URL', {
    schema: z
      .string()
      .refine(isAccountUrl)
      .transform((url) => url.replace(/\/+$/, ''))
      .optional(),
    expected: 'must be the bot’s public https address, e.g. https://cocmonitor.azurewebsites.net',
  });

  const catalogAppId = read(env, 'TEAMS_APP_CATALOG_ID', {
    schema: Guid.optional(),
    expected:
      'must be the app’s id in the organisation’s app catalogue, a GUID (Teams admin centre, Manage apps, the app’s page)',
  });
  const graphBaseUrl = read(env, 'GRAPH_BASE_URL', {
    schema: z
      .string()
      .refine(isAccountUrl)
      .transform((url) => url.replace(/\/+$/, ''))
      .default('https://graph.microsoft.com'),
    expected: 'must be the https address of Microsoft Graph, e.g. https://graph.microsoft.com',
  });

  const workingDays = z.string().regex(/^\d+$/).transform(Number).pipe(z.number().int().min(1).max(250));
  const reminderWorkingDays = read(env, 'APPROVAL_REMINDER_WORKING_DAYS', {
    schema: workingDays.optional(),
    expected: 'must be a whole number of working days from 1 to 250',
  });
  const escalationWorkingDays = read(env, 'APPROVAL_ESCALATION_WORKING_DAYS', {
    schema: workingDays.optional(),
    expected: 'must be a whole number of working days from 1 to 250',
  });
  const approvalChasers =
    reminderWorkingDays === undefined && escalationWorkingDays === undefined
      ? undefined
      : { reminderWorkingDays: reminderWorkingDays ?? 5, escalationWorkingDays: escalationWorkingDays ?? 10 };
  if (approvalChasers && approvalChasers.escalationWorkingDays <= approvalChasers.reminderWorkingDays) {
    throw new ConfigError(
      'APPROVAL_ESCALATION_WORKING_DAYS',
      'APPROVAL_ESCALATION_WORKING_DAYS must be more than APPROVAL_REMINDER_WORKING_DAYS (escalation comes after the reminder)',
    );
  }

  if (connectionString !== undefined && accountUrl !== undefined) {
    throw new ConfigError(
      'STORAGE_ACCOUNT_URL',
      'STORAGE_ACCOUNT_URL and STORAGE_CONNECTION_STRING are both set: set only one',
    );
  }
  const storage: StorageLocation | undefined =
    connectionString !== undefined
      ? { kind: 'connectionString', connectionString }
      : accountUrl !== undefined
        ? { kind: 'accountUrl', accountUrl }
        : undefined;

  if (mode === 'production') {
    if (appId === undefined) {
      throw new ConfigError(
        'MicrosoftAppId',
        'MicrosoftAppId is required when APP_MODE is "production" (without it the bot would accept unsigned requests)',
      );
    }
    if (storage === undefined) {
      throw new ConfigError(
        'STORAGE_CONNECTION_STRING',
        'STORAGE_CONNECTION_STRING or STORAGE_ACCOUNT_URL is required when APP_MODE is "production"',
      );
    }
  }
  if (appId !== undefined) {
    assertCredentialsFit(appType, appPassword, tenantId);
  }
  if (catalogAppId !== undefined && tenantId === undefined) {
    throw new ConfigError(
      'MicrosoftAppTenantId',
      'MicrosoftAppTenantId is required when TEAMS_APP_CATALOG_ID is set (the bot asks its own tenant for a Graph token)',
    );
  }
  const graph: GraphConfig | undefined =
    catalogAppId !== undefined && tenantId !== undefined
      ? { catalogAppId, baseUrl: graphBaseUrl, tenantId }
      : undefined;

  return {
    mode,
    bot: { appId, appPassword, appType, tenantId },
    port,
    storage,
    tablePrefix,
    bootstrapAdminObjectIds,
    allowedTenantIds,
    extraBankHolidays,
    ...(applicationInsightsConnectionString === undefined ? {} : { applicationInsightsConnectionString }),
    logLevel,
    demoData,
    ...(approvalChasers === undefined ? {} : { approvalChasers }),
    reminders: { sweepTime: reminderSweepTime, windowDays: reminderWindowDays },
    ...(reportLinkSecret === undefined ? {} : { reportLinkSecret }),
    ...(reportBaseUrl === undefined ? {} : { reportBaseUrl }),
    ...(graph === undefined ? {} : { graph }),
  };
}

/** The same checks botbuilder makes later with an assertion, said in words at start-up. */
function assertCredentialsFit(
  appType: BotAppType,
  appPassword: string | undefined,
  tenantId: string | undefined,
): void {
  if (appType !== 'MultiTenant' && tenantId === undefined) {
    throw new ConfigError(
      'MicrosoftAppTenantId',
      `MicrosoftAppTenantId is required when MicrosoftAppType is "${appType}"`,
    );
  }
  if (appType === 'UserAssignedMSI' && appPassword !== undefined) {
    throw new ConfigError(
      'MicrosoftAppPassword',
      'MicrosoftAppPassword must be empty when MicrosoftAppType is "UserAssignedMSI" (the managed identity has no secret)',
    );
  }
  if (appType !== 'UserAssignedMSI' && appPassword === undefined) {
    throw new ConfigError(
      'MicrosoftAppPassword',
      `MicrosoftAppPassword is required when MicrosoftAppType is "${appType}"`,
    );
  }
}
