import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ConfigError, loadConfig, readEnvironment, type Environment } from '../../src/config';

const appId = '11111111-2222-3333-4444-555555555555';
const tenantId = '99999999-8888-7777-6666-555555555555';
const production: Environment = {
  APP_MODE: 'production',
  MicrosoftAppId: appId,
  MicrosoftAppPassword: 'not-a-real-secret',
  MicrosoftAppType: 'SingleTenant',
  MicrosoftAppTenantId: tenantId,
  STORAGE_ACCOUNT_URL: 'https://cocmonitor.table.core.windows.net',
};

/** The one line start-up would print. */
function errorLineFor(env: Environment): string {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.message;
    throw error;
  }
  throw new Error('expected a configuration error');
}

describe('loadConfig', () => {
  it('runs locally with nothing set', () => {
    expect(loadConfig({})).toEqual({
      mode: 'local',
      bot: { appId: undefined, appPassword: undefined, appType: 'MultiTenant', tenantId: undefined },
      port: 3978,
      storage: undefined,
      tablePrefix: 'coc',
      bootstrapAdminObjectIds: [],
      allowedTenantIds: [],
      logLevel: 'info',
      demoData: true,
      extraBankHolidays: [],
      reminders: { sweepTime: '07:30', windowDays: 7 },
    });
  });

  it('reads a production configuration', () => {
    const config = loadConfig({
      ...production,
      PORT: '8080',
      BOOTSTRAP_ADMIN_OBJECT_IDS: ` ${appId}, ${tenantId} ,`,
    });

    expect(config).toMatchObject({
      mode: 'production',
      port: 8080,
      storage: { kind: 'accountUrl', accountUrl: 'https://cocmonitor.table.core.windows.net' },
      bootstrapAdminObjectIds: [appId, tenantId],
      demoData: false,
    });
  });

  it('treats a blank value as not set', () => {
    expect(loadConfig({ PORT: '', TABLE_PREFIX: '  ' })).toMatchObject({ port: 3978, tablePrefix: 'coc' });
  });

  it.each([
    [{ PORT: 'abc' }, 'Configuration error: PORT must be a whole number between 1 and 65535 (got "abc")'],
    [{ PORT: '70000' }, 'Configuration error: PORT must be a whole number between 1 and 65535 (got "70000")'],
    [{ PORT: '39.5' }, 'Configuration error: PORT must be a whole number between 1 and 65535 (got "39.5")'],
    [{ APP_MODE: 'prod' }, 'Configuration error: APP_MODE must be "local" or "production" (got "prod")'],
    [
      { MicrosoftAppId: 'my-bot' },
      'Configuration error: MicrosoftAppId must be the bot’s Entra application (client) id, a GUID (got "my-bot")',
    ],
    [
      { MicrosoftAppType: 'singletenant' },
      'Configuration error: MicrosoftAppType must be "SingleTenant", "UserAssignedMSI" or "MultiTenant" (got "singletenant")',
    ],
    [
      { MicrosoftAppTenantId: 'contoso' },
      'Configuration error: MicrosoftAppTenantId must be the Entra tenant id, a GUID (got "contoso")',
    ],
    [
      { TABLE_PREFIX: 'coc-dev' },
      'Configuration error: TABLE_PREFIX must be 1 to 20 letters or digits, starting with a letter (Azure table names allow no other characters) (got "coc-dev")',
    ],
    [
      { BOOTSTRAP_ADMIN_OBJECT_IDS: `${appId},bob` },
      `Configuration error: BOOTSTRAP_ADMIN_OBJECT_IDS must be a comma-separated list of Entra object ids (GUIDs) (got "${appId},bob")`,
    ],
    [
      { LOG_LEVEL: 'verbose' },
      'Configuration error: LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent (got "verbose")',
    ],
    [{ DEMO_DATA: 'maybe' }, 'Configuration error: DEMO_DATA must be true or false (got "maybe")'],
    [
      { STORAGE_ACCOUNT_URL: 'http://cocmonitor.table.core.windows.net' },
      'Configuration error: STORAGE_ACCOUNT_URL must be the table endpoint of the storage account, e.g. https://account.table.core.windows.net (got "http://cocmonitor.table.core.windows.net")',
    ],
  ])('stops on %o with one line naming the variable', (env, line) => {
    expect(errorLineFor(env)).toBe(line);
  });

  it('never repeats a secret in the error line', () => {
    const line = errorLineFor({ STORAGE_CONNECTION_STRING: 'AccountKey=super-secret-key' });

    expect(line).toBe(
      'Configuration error: STORAGE_CONNECTION_STRING must be an Azure Storage connection string (with AccountName or TableEndpoint)',
    );
    expect(line).not.toContain('super-secret-key');
  });

  it('refuses production without a bot app id, since the bot would accept unsigned requests', () => {
    expect(errorLineFor({ ...production, MicrosoftAppId: '' })).toBe(
      'Configuration error: MicrosoftAppId is required when APP_MODE is "production" (without it the bot would accept unsigned requests)',
    );
  });

  it('refuses production without storage', () => {
    expect(errorLineFor({ ...production, STORAGE_ACCOUNT_URL: undefined })).toBe(
      'Configuration error: STORAGE_CONNECTION_STRING or STORAGE_ACCOUNT_URL is required when APP_MODE is "production"',
    );
  });

  it('refuses two storage locations at once', () => {
    expect(errorLineFor({ ...production, STORAGE_CONNECTION_STRING: 'UseDevelopmentStorage=true' })).toMatch(
      /both set: set only one$/,
    );
  });

  it.each([
    [
      { MicrosoftAppTenantId: undefined },
      'MicrosoftAppTenantId is required when MicrosoftAppType is "SingleTenant"',
    ],
    [
      { MicrosoftAppPassword: undefined },
      'MicrosoftAppPassword is required when MicrosoftAppType is "SingleTenant"',
    ],
    [
      { MicrosoftAppType: 'UserAssignedMSI' },
      'MicrosoftAppPassword must be empty when MicrosoftAppType is "UserAssignedMSI" (the managed identity has no secret)',
    ],
  ])('checks the bot credentials fit the app type: %o', (change, reason) => {
    expect(errorLineFor({ ...production, ...change })).toBe(`Configuration error: ${reason}`);
  });

  it('accepts a managed identity without a password', () => {
    const config = loadConfig({
      ...production,
      MicrosoftAppType: 'UserAssignedMSI',
      MicrosoftAppPassword: undefined,
    });

    expect(config.bot).toEqual({ appId, appPassword: undefined, appType: 'UserAssignedMSI', tenantId });
  });

  describe('Microsoft Graph, to install the app for people who never opened a chat', () => {
    const catalogAppId = 'aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee';

    it('is off unless TEAMS_APP_CATALOG_ID is set', () => {
      expect(loadConfig(production).graph).toBeUndefined();
      expect(
        loadConfig({ ...production, GRAPH_BASE_URL: 'https://graph.microsoft.us' }).graph,
      ).toBeUndefined();
    });

    it('reads the catalogue id with the bot tenant and the global Graph by default', () => {
      expect(loadConfig({ ...production, TEAMS_APP_CATALOG_ID: catalogAppId }).graph).toEqual({
        catalogAppId,
        baseUrl: 'https://graph.microsoft.com',
        tenantId,
      });
    });

    it('takes another Graph (a national cloud, a local fake) without its trailing slash', () => {
      const config = loadConfig({
        TEAMS_APP_CATALOG_ID: catalogAppId,
        MicrosoftAppTenantId: tenantId,
        GRAPH_BASE_URL: 'http://127.0.0.1:4010/',
      });
      expect(config.graph).toEqual({ catalogAppId, baseUrl: 'http://127.0.0.1:4010', tenantId });
    });

    it.each([
      [
        { TEAMS_APP_CATALOG_ID: catalogAppId },
        'MicrosoftAppTenantId is required when TEAMS_APP_CATALOG_ID is set (the bot asks its own tenant for a Graph token)',
      ],
      [
        { TEAMS_APP_CATALOG_ID: 'com.example.cocmonitor', MicrosoftAppTenantId: tenantId },
        'TEAMS_APP_CATALOG_ID must be the app’s id in the organisation’s app catalogue, a GUID (Teams admin centre, Manage apps, the app’s page) (got "com.example.cocmonitor")',
      ],
      [
        { GRAPH_BASE_URL: 'http://graph.microsoft.com' },
        'GRAPH_BASE_URL must be the https address of Microsoft Graph, e.g. https://graph.microsoft.com (got "http://graph.microsoft.com")',
      ],
    ])('stops on %o', (env, reason) => {
      expect(errorLineFor(env)).toBe(`Configuration error: ${reason}`);
    });
  });

  it('names the variable on the error for the caller to act on', () => {
    expect(() => loadConfig({ PORT: '0' })).toThrow(
      expect.objectContaining({ code: 'CONFIG_INVALID', variable: 'PORT' }) as Error,
    );
  });
});

describe('readEnvironment', () => {
  it('reads .env but never overrides a real variable', () => {
    const folder = mkdtempSync(path.join(tmpdir(), 'env-'));
    const envFile = path.join(folder, '.env');
    writeFileSync(envFile, 'PORT=4000\nTABLE_PREFIX=fromfile\n');

    const env = readEnvironment({ envFile, env: { PORT: '5000' } });

    expect(loadConfig(env)).toMatchObject({ port: 5000, tablePrefix: 'fromfile' });
  });

  it('works without a .env file', () => {
    expect(readEnvironment({ envFile: '/nonexistent/.env', env: { PORT: '5000' } })).toEqual({
      PORT: '5000',
    });
  });
});
