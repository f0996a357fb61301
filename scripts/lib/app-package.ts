/**
 * The Teams app package: `appPackage/manifest.json` with its `${{NAME}}` placeholders filled, and
 * the two icons, zipped. The Agents Toolkit fills the same placeholders from `env/.env.<env>` when
 * it provisions; `npm run package` does it here so that a zip can be built (and tested) offline.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse as parseDotenv } from 'dotenv';
import { createZip } from './zip-writer';

/** Where the package sources are. */
export const appPackageFolder = path.join(__dirname, '..', '..', 'appPackage');

/**
 * Values used when neither the environment nor the env file gives one, so a local package always
 * builds. The GUIDs are fixed, recognisable, and belong to no real app.
 */
export const localDefaults: Readonly<Record<string, string>> = {
  TEAMS_APP_ID: 'c0c0c0c0-0000-4000-8000-000000000001',
  BOT_ID: 'c0c0c0c0-0000-4000-8000-000000000002',
  APP_VERSION: '1.0.0',
  APP_NAME_SUFFIX: '',
};

const placeholder = /\$\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}/g;

/** The placeholder names used in a manifest text, each once. */
export function placeholdersOf(manifestText: string): string[] {
  return [...new Set([...manifestText.matchAll(placeholder)].map((match) => match[1] as string))];
}

/**
 * Replaces each `${{NAME}}` with its value, JSON-escaped (the placeholders sit inside strings).
 *
 * @throws Error naming every placeholder that has no value.
 */
export function fillPlaceholders(
  manifestText: string,
  values: Readonly<Record<string, string | undefined>>,
): string {
  const missing = placeholdersOf(manifestText).filter((name) => values[name] === undefined);
  if (missing.length > 0) throw new Error(`No value for ${missing.join(', ')} in the manifest`);
  return manifestText.replace(placeholder, (_, name: string) => JSON.stringify(values[name]).slice(1, -1));
}

/**
 * The values for the placeholders: the process environment first, then `env/.env.<envName>`
 * (the Toolkit's file, where it writes TEAMS_APP_ID and BOT_ID), then {@link localDefaults}.
 */
export function placeholderValues(
  environment: Readonly<Record<string, string | undefined>>,
  envFile: string | undefined,
): Record<string, string> {
  const fromFile = envFile && existsSync(envFile) ? parseDotenv(readFileSync(envFile)) : {};
  const values: Record<string, string> = { ...localDefaults };
  for (const source of [fromFile, environment])
    for (const [name, value] of Object.entries(source))
      if (value !== undefined && value.trim() !== '') values[name] = value.trim();
  return values;
}

/** The filled manifest and the zip bytes. */
export interface BuiltAppPackage {
  manifest: unknown;
  zip: Buffer;
}

/** Builds the package from the files in `folder` with `values` for the placeholders. */
export function buildAppPackage(
  values: Readonly<Record<string, string | undefined>>,
  folder: string = appPackageFolder,
): BuiltAppPackage {
  const manifestText = fillPlaceholders(readFileSync(path.join(folder, 'manifest.json'), 'utf8'), values);
  const manifest: unknown = JSON.parse(manifestText);
  const zip = createZip([
    { name: 'manifest.json', data: Buffer.from(manifestText, 'utf8') },
    { name: 'color.png', data: readFileSync(path.join(folder, 'color.png')) },
    { name: 'outline.png', data: readFileSync(path.join(folder, 'outline.png')) },
  ]);
  return { manifest, zip };
}
