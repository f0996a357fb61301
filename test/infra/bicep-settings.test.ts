/**
 * The Bicep CLI cannot run here, so these tests read infra/azure.bicep as text and hold it to the
 * bot's configuration: every app setting it passes is a variable the bot reads (or a named platform
 * setting), every variable the bot reads is passed (or named as deliberately left out), and the
 * settings as deployed pass `loadConfig` in production mode.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse as parseDotenv } from 'dotenv';
import { loadConfig, type Environment } from '../../src/config';

const root = path.join(__dirname, '..', '..');
const bicep = readFileSync(path.join(root, 'infra', 'azure.bicep'), 'utf8');

/** Set in Bicep, read by the platform or an SDK rather than by `loadConfig`. */
const platformSettings: Record<string, string> = {
  AZURE_CLIENT_ID: 'tells DefaultAzureCredential which managed identity reaches Table Storage',
  SCM_DO_BUILD_DURING_DEPLOYMENT: 'App Service: the deploy step has already built dist/',
  WEBSITE_RUN_FROM_PACKAGE: 'App Service: run from the deployed zip, read-only',
};

/** Read by `loadConfig`, deliberately not set in Azure. */
const leftOutInAzure: Record<string, string> = {
  MicrosoftAppPassword: 'the bot signs in with its user-assigned managed identity, which has no secret',
  STORAGE_CONNECTION_STRING: 'shared keys are off; the bot uses STORAGE_ACCOUNT_URL and its identity',
  PORT: 'App Service sets PORT itself',
};

interface AppSetting {
  name: string;
  /** The Bicep expression after `value:`. */
  expression: string;
}

function appSettings(): AppSetting[] {
  const block = /appSettings:\s*\[([\s\S]*?)\n\s*\]/.exec(bicep)?.[1] ?? '';
  return [...block.matchAll(/\{\s*name:\s*'([^']+)',\s*value:\s*(.+?)\s*\}\s*$/gm)].map((m) => ({
    name: m[1] ?? '',
    expression: m[2] ?? '',
  }));
}

interface BicepParam {
  name: string;
  /** The default, when it is a plain string literal. */
  literalDefault: string | undefined;
  decorators: string;
}

function params(): BicepParam[] {
  const found: BicepParam[] = [];
  const pattern = /((?:^@.*\n)*)param\s+(\w+)\s+\w+(?:\s*=\s*(.+))?$/gm;
  for (const m of bicep.matchAll(pattern)) {
    const literal = /^'([^'$]*)'$/.exec(m[3]?.trim() ?? '')?.[1];
    found.push({ name: m[2] ?? '', literalDefault: literal, decorators: m[1] ?? '' });
  }
  return found;
}

/** The names `loadConfig` reads, found by watching it read an empty environment. */
function variablesTheBotReads(): Set<string> {
  const read = new Set<string>();
  const watching = new Proxy<Record<string, string | undefined>>(
    {},
    {
      get(_target, name) {
        if (typeof name === 'string') read.add(name);
        return undefined;
      },
    },
  );
  loadConfig(watching);
  return read;
}

/** What each setting would hold once deployed: literals as written, resource outputs as examples. */
function deployedEnvironment(): Environment {
  const examples: Record<string, string> = {
    'identity.properties.clientId': '6f1c1a37-8c1e-4d83-9d43-3c5a9c3b2a10',
    'identity.properties.tenantId': '2b0e1f4c-1d2e-4f50-8a6b-7c8d9e0f1a2b',
    'storage.properties.primaryEndpoints.table': 'https://cocmondata.table.core.windows.net/',
    'insights.properties.ConnectionString':
      'InstrumentationKey=00000000-0000-0000-0000-000000000000;IngestionEndpoint=https://uksouth-1.in.applicationinsights.azure.com/',
  };
  const required: Record<string, string> = {
    bootstrapAdminObjectIds: 'a4d3c2b1-0000-4000-8000-000000000001',
    reportLinkSecret: 'x'.repeat(72),
  };
  const byParam = new Map(params().map((p) => [p.name, p.literalDefault ?? required[p.name]]));
  const env: Record<string, string | undefined> = {};
  for (const { name, expression } of appSettings()) {
    const literal = /^'([^'$]*)'$/.exec(expression)?.[1];
    const interpolated = /^'https:\/\/\$\{names\.webApp\}(.*)'$/.exec(expression);
    env[name] =
      literal ??
      (interpolated ? `https://cocmon-app${interpolated[1] ?? ''}` : undefined) ??
      examples[expression] ??
      byParam.get(expression);
  }
  return env;
}

describe('infra/azure.bicep against the configuration schema', () => {
  const settings = appSettings();
  const setNames = new Set(settings.map((s) => s.name));
  const readNames = variablesTheBotReads();

  it('finds the app settings and the variables (the parsing works)', () => {
    expect(settings.length).toBeGreaterThan(10);
    expect(readNames.has('APP_MODE')).toBe(true);
    expect(setNames.has('APP_MODE')).toBe(true);
  });

  it('passes only variables the bot reads, apart from the named platform settings', () => {
    const unknown = [...setNames].filter((name) => !readNames.has(name) && !(name in platformSettings));
    expect(unknown).toEqual([]);
  });

  it('passes every variable the bot reads, apart from the ones deliberately left out', () => {
    const missing = [...readNames].filter((name) => !setNames.has(name) && !(name in leftOutInAzure));
    expect(missing).toEqual([]);
  });

  it('keeps the exception lists honest: nothing listed is both set and left out, or unknown', () => {
    for (const name of Object.keys(leftOutInAzure)) {
      expect(readNames.has(name)).toBe(true);
      expect(setNames.has(name)).toBe(false);
    }
    for (const name of Object.keys(platformSettings)) expect(setNames.has(name)).toBe(true);
  });

  it('gives settings that start the bot in production mode with managed identity and no keys', () => {
    const env = deployedEnvironment();
    for (const [name, value] of Object.entries(env))
      expect([name, value]).toEqual([name, expect.any(String)]);
    const config = loadConfig(env);
    expect(config.mode).toBe('production');
    expect(config.bot.appType).toBe('UserAssignedMSI');
    expect(config.bot.appPassword).toBeUndefined();
    expect(config.storage).toEqual({
      kind: 'accountUrl',
      accountUrl: 'https://cocmondata.table.core.windows.net/',
    });
    expect(config.demoData).toBe(false);
    expect(config.applicationInsightsConnectionString).toMatch(/^InstrumentationKey=/);
  });

  it('describes every parameter and marks the secret one @secure()', () => {
    const all = params();
    expect(all.length).toBeGreaterThan(5);
    for (const p of all)
      expect([p.name, p.decorators]).toEqual([p.name, expect.stringMatching(/@description\(/)]);
    const secrets = all.filter((p) => /secret|password|key$/i.test(p.name));
    expect(secrets.map((p) => p.name)).toEqual(['reportLinkSecret']);
    for (const p of secrets) expect(p.decorators).toContain('@secure()');
  });

  it('turns shared keys off and gives the identity only the table data role', () => {
    expect(bicep).toMatch(/allowSharedKeyAccess:\s*false/);
    expect(bicep).toContain("'0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3'");
    expect(bicep).not.toMatch(/listKeys\(/);
    expect(bicep).toMatch(/msaAppType:\s*'UserAssignedMSI'/);
    expect(bicep).toMatch(/linuxFxVersion:\s*'NODE\|20-lts'/);
  });
});

describe('the Agents Toolkit project', () => {
  const envFile = parseDotenv(readFileSync(path.join(root, 'env', '.env.dev')));
  const placeholdersIn = (file: string): string[] => [
    ...new Set(
      [...readFileSync(path.join(root, file), 'utf8').matchAll(/\$\{\{(\w+)\}\}/g)].map((m) => m[1] ?? ''),
    ),
  ];

  it.each(['m365agents.yml', 'infra/azure.parameters.json', 'appPackage/manifest.json'])(
    'fills every placeholder in %s from env/.env.dev',
    (file) => {
      const placeholders = placeholdersIn(file);
      expect(placeholders.length).toBeGreaterThan(0);
      expect(placeholders.filter((name) => !(name in envFile))).toEqual([]);
    },
  );

  it('passes only parameters the Bicep file declares', () => {
    const json = JSON.parse(readFileSync(path.join(root, 'infra', 'azure.parameters.json'), 'utf8')) as {
      parameters: Record<string, unknown>;
    };
    const declared = new Set(params().map((p) => p.name));
    expect(Object.keys(json.parameters).filter((name) => !declared.has(name))).toEqual([]);
  });

  it('writes the Bicep outputs the deploy step and the manifest use', () => {
    const outputs = [...bicep.matchAll(/^output\s+(\w+)\s/gm)].map((m) => m[1]);
    expect(outputs).toEqual(
      expect.arrayContaining(['BOT_ID', 'BOT_DOMAIN', 'BOT_AZURE_APP_SERVICE_RESOURCE_ID']),
    );
    for (const name of outputs) expect(envFile).toHaveProperty(name ?? '');
  });
});
