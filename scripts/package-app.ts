/**
 * `npm run package [-- --env dev]`: writes appPackage/build/coc-monitor.zip, the file to upload in
 * Teams (Apps → Manage your apps → Upload an app) or in the Teams admin centre.
 *
 * Placeholder values come from the environment, then env/.env.<env> (default `dev`), then local
 * defaults (scripts/lib/app-package.ts).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { appPackageFolder, buildAppPackage, placeholderValues } from './lib/app-package';

const envFlag = process.argv.indexOf('--env');
const envName = envFlag >= 0 ? (process.argv[envFlag + 1] ?? 'dev') : 'dev';
const envFile = path.join(__dirname, '..', 'env', `.env.${envName}`);
const { zip } = buildAppPackage(placeholderValues(process.env, envFile));
const outFile = path.join(appPackageFolder, 'build', 'coc-monitor.zip');
mkdirSync(path.dirname(outFile), { recursive: true });
writeFileSync(outFile, zip);
console.log(`wrote ${path.relative(process.cwd(), outFile)} (${String(zip.length)} bytes)`);
