/**
 * Gathers the environment for `loadConfig`: the real environment, plus an optional `.env` file.
 *
 * Real variables always win over the file, so a value set by Azure App Service or a shell is
 * never overridden by a forgotten `.env`. `process.env` itself is left untouched.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'dotenv';
import type { Environment } from './load-config';

/** Where to look: by default `.env` in the working directory and the real `process.env`. */
export interface ReadEnvironmentOptions {
  envFile?: string;
  env?: Environment;
}

/** Merges `.env` (if present) under the real environment. */
export function readEnvironment(options: ReadEnvironmentOptions = {}): Environment {
  const envFile = options.envFile ?? path.resolve('.env');
  const real = options.env ?? process.env;
  const fromFile = existsSync(envFile) ? parse(readFileSync(envFile)) : {};
  return { ...fromFile, ...real };
}
