import { readFileSync } from 'node:fs';
import path from 'node:path';
import Ajv04 from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import {
  appPackageFolder,
  buildAppPackage,
  fillPlaceholders,
  localDefaults,
  placeholderValues,
} from '../../scripts/lib/app-package';
import { crc32 } from '../../scripts/lib/crc32';
import { helpCommands } from '../../src/views/help-card';
import { readZip } from './read-zip';

/**
 * Validates against the schema the manifest names, read from the copy bundled in
 * @microsoft/app-manifest, with the same validator settings as its `validateAgainstSchema` (ajv,
 * draft-04, uri/email/regex formats). That function is not called directly: it downloads the schema
 * when no bundled copy is found, and the package's ES-module dependencies do not load under jest.
 */
function schemaErrors(manifest: unknown): string[] {
  const schemaUrl = String((manifest as { $schema?: unknown }).$schema);
  const match = /json-schemas\/teams\/(v[\d.]+)\/MicrosoftTeams\.schema\.json$/.exec(schemaUrl);
  if (!match) throw new Error(`unexpected $schema ${schemaUrl}`);
  const file = path.join(
    path.dirname(require.resolve('@microsoft/app-manifest/package.json')),
    'build/json-schemas/teams',
    match[1] as string,
    'MicrosoftTeams.schema.json',
  );
  const ajv = new Ajv04({ allErrors: true, strictTypes: false });
  addFormats(ajv, ['uri', 'email', 'regex']);
  const validate = ajv.compile(JSON.parse(readFileSync(file, 'utf8')) as object);
  if (validate(manifest)) return [];
  return (validate.errors ?? []).map((error) => `${error.instancePath} ${error.message ?? ''}`);
}

interface ManifestShape {
  $schema: string;
  manifestVersion: string;
  id: string;
  bots: {
    botId: string;
    scopes: string[];
    commandLists: { scopes: string[]; commands: { title: string; description: string }[] }[];
  }[];
}

describe('the Teams app package (npm run package)', () => {
  const built = buildAppPackage(placeholderValues({}, undefined));
  const files = readZip(built.zip);

  it('holds the manifest and both icons at the top level of the zip', () => {
    expect([...files.keys()].sort()).toEqual(['color.png', 'manifest.json', 'outline.png']);
    expect(files.get('color.png')).toEqual(readFileSync(path.join(appPackageFolder, 'color.png')));
  });

  it('has a manifest that passes the published schema of its version, checked offline', () => {
    const manifest = JSON.parse((files.get('manifest.json') as Buffer).toString('utf8')) as ManifestShape;
    expect(manifest.$schema).toMatch(/teams\/v1\.2\d\//);
    expect(schemaErrors(manifest)).toEqual([]);
  });

  it('is checked by a validator that does find mistakes', () => {
    const manifest = JSON.parse((files.get('manifest.json') as Buffer).toString('utf8')) as ManifestShape;
    const broken = { ...manifest, id: 'not-a-guid', accentColor: undefined };
    const errors = schemaErrors(JSON.parse(JSON.stringify(broken)));
    expect(errors.join('\n')).toMatch(/\/id/);
    expect(errors.join('\n')).toMatch(/accentColor/);
  });

  it('fills the Toolkit placeholders with the app and bot ids', () => {
    const manifest = built.manifest as ManifestShape;
    expect(manifest.id).toBe(localDefaults.TEAMS_APP_ID);
    expect(manifest.bots[0]?.botId).toBe(localDefaults.BOT_ID);
    const source = readFileSync(path.join(appPackageFolder, 'manifest.json'), 'utf8');
    expect(source).toContain('"id": "${{TEAMS_APP_ID}}"');
    expect(source).toContain('"botId": "${{BOT_ID}}"');
  });

  it('builds the same bytes from the same input, so a rebuild is not a change', () => {
    expect(buildAppPackage(placeholderValues({}, undefined)).zip).toEqual(built.zip);
  });
});

describe('the manifest’s bot', () => {
  const manifest = JSON.parse(
    readFileSync(path.join(appPackageFolder, 'manifest.json'), 'utf8'),
  ) as ManifestShape;
  const bot = manifest.bots[0];
  const usages = helpCommands.map((command) => command.usage);

  it('can be added to personal chat, teams and group chats', () => {
    expect(bot?.scopes.sort()).toEqual(['groupChat', 'personal', 'team']);
  });

  it.each(['personal', 'team', 'groupChat'])('suggests commands in %s scope', (scope) => {
    const list = bot?.commandLists.find((candidate) => candidate.scopes.includes(scope));
    expect(list?.commands.length).toBeGreaterThan(0);
  });

  it('only suggests commands the bot understands, as the help card lists them', () => {
    const titles = bot?.commandLists.flatMap((list) => list.commands.map((command) => command.title)) ?? [];
    const unknown = titles.filter(
      (title) => !usages.some((usage) => usage === title || usage.startsWith(`${title} `)),
    );
    expect(unknown).toEqual([]);
  });
});

describe('filling placeholders', () => {
  it('prefers the environment, then the env file, then the local defaults', () => {
    const values = placeholderValues(
      { BOT_ID: 'from-environment' },
      path.join(__dirname, 'fixtures', '.env.sample'),
    );
    expect(values.BOT_ID).toBe('from-environment');
    expect(values.TEAMS_APP_ID).toBe('11111111-2222-4333-8444-555555555555');
    expect(values.APP_VERSION).toBe(localDefaults.APP_VERSION);
  });

  it('names every placeholder without a value', () => {
    expect(() => fillPlaceholders('{"id": "${{TEAMS_APP_ID}}", "x": "${{OTHER}}"}', {})).toThrow(
      'No value for TEAMS_APP_ID, OTHER in the manifest',
    );
  });

  it('keeps the manifest valid JSON whatever the value', () => {
    const text = fillPlaceholders('{"name": "CoC Monitor${{SUFFIX}}"}', { SUFFIX: ' "dev" \\ test' });
    expect(JSON.parse(text)).toEqual({ name: 'CoC Monitor "dev" \\ test' });
  });
});

describe('crc32', () => {
  it('gives the standard check value', () => {
    expect(crc32(Buffer.from('123456789'))).toBe(0xcbf43926);
  });
});
