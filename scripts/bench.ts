/**
 * `npm run bench`: card actions under load, storage round trips per operation, start-up time and
 * memory, printed as a table and written to the end of docs/performance.md (between markers, so a
 * rerun replaces its own section).
 *
 * In-memory Azurite with the demo data; the bot is built and runs as its own process the way the
 * App Service runs it (`node dist/main.js`; authentication off: no MicrosoftAppId), next to a bare
 * teams-ai app as the baseline;
 * replies and card updates go to a stand-in connector that answers 200 to everything.
 *
 * Options: `--duration <seconds>` per cell (default 5; the whole run then takes about two
 * minutes), `--connections 1,10,50`, `--no-write` to print without touching the docs, `--profile`
 * to add a CPU profile of the bot under progress notes (a run of its own) to the report.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as prettier from 'prettier';
import { demoPeople } from '../src/demo/people';
import { seedDemoData } from '../src/demo/seed';
import { findFreePort, startAzurite } from '../src/dev/azurite';
import { createStore } from '../src/store';
import { invokeActivity } from './bench/activities';
import { writeNoteTargets, writePendingClosures, type PendingClosure } from './bench/bench-data';
import { cpuMsOf, startServerProcess, type ServerProcess } from './bench/child-process';
import { startConnectorSink } from './bench/connector-sink';
import { runLoad, type LoadResult } from './bench/load';
import { renderSection, replaceSection, type BenchFigures, type LoadRow } from './bench/report';
import { profileShares } from './bench/cpu-profile';
import { countOperations } from './bench/round-trip-operations';

interface Options {
  durationSeconds: number;
  connections: number[];
  write: boolean;
  profile: boolean;
}

/** Closure requests per approval cell: this many times what the note rate would need, at least `minimumPool`. */
const poolHeadroom = 3;
const minimumPool = 100;
const tablePrefix = 'bench';
const docsFile = path.resolve(__dirname, '..', 'docs', 'performance.md');

function parseOptions(args: readonly string[]): Options {
  const options: Options = { durationSeconds: 5, connections: [1, 10, 50], write: true, profile: false };
  for (let i = 0; i < args.length; i += 1) {
    const arg = args[i];
    const value = args[i + 1];
    if (arg === '--duration' && value !== undefined) {
      options.durationSeconds = Number(value);
      i += 1;
    } else if (arg === '--connections' && value !== undefined) {
      options.connections = value.split(',').map(Number);
      i += 1;
    } else if (arg === '--no-write') {
      options.write = false;
    } else if (arg === '--profile') {
      options.profile = true;
    } else {
      throw new Error(
        `unknown option ${String(arg)}: use --duration <seconds>, --connections 1,10,50, --no-write, --profile`,
      );
    }
  }
  const valid =
    Number.isFinite(options.durationSeconds) &&
    options.durationSeconds > 0 &&
    options.connections.length > 0 &&
    options.connections.every((c) => Number.isInteger(c) && c > 0);
  if (!valid)
    throw new Error('--duration must be a positive number and --connections positive whole numbers');
  return options;
}

function machine(): BenchFigures['machine'] {
  return {
    cpuModel: os.cpus()[0]?.model.trim() ?? 'unknown CPU',
    cores: os.cpus().length,
    memoryGiB: os.totalmem() / 1024 ** 3,
    node: process.version,
    date: new Date().toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric' }),
  };
}

function log(message: string): void {
  console.error(`[bench] ${message}`);
}

function describe(name: string, result: LoadResult): string {
  return (
    `${name}: ${result.requestsPerSecond.toFixed(1)} req/s, p50 ${String(result.p50Ms)} ms, ` +
    `p99 ${String(result.p99Ms)} ms, ${String(result.saved)}/${String(result.requests)} saved, ` +
    `${result.cpuMsPerRequest === undefined ? '?' : result.cpuMsPerRequest.toFixed(1)} ms CPU a request` +
    (result.failed > 0 ? `, ${String(result.failed)} failed` : '')
  );
}

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  const runStarted = Date.now();
  const azurite = await startAzurite({ inMemory: true });
  const sink = await startConnectorSink();
  const processes: ServerProcess[] = [];
  try {
    const storeOptions = { connectionString: azurite.connectionString, tablePrefix };
    const store = createStore(storeOptions);
    await store.ensureTables();
    await seedDemoData(store);
    log('demo data seeded');

    const [forCounting] = await writePendingClosures(store, 1001, 1);
    if (!forCounting) throw new Error('no closure request to count');
    const roundTrips = await countOperations(storeOptions, sink.serviceUrl, forCounting);
    for (const count of roundTrips) {
      log(
        `${count.operation}: ${String(count.beforeAnswer)} round trips before the answer, ${String(count.total)} in all`,
      );
    }

    const noteTargets = await writeNoteTargets(store, 1101, 50);
    log(`load data written (${String(noteTargets.length)} recommendations for notes)`);

    const [botPort, barePort] = [await findFreePort(), await findFreePort()];
    // The built server, as the App Service runs it (no TypeScript loader).
    execFileSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', 'tsconfig.build.json'], {
      stdio: 'inherit',
    });
    const botEnv = {
      APP_MODE: 'local',
      LOG_LEVEL: 'silent',
      STORAGE_CONNECTION_STRING: azurite.connectionString,
      STORAGE_ACCOUNT_URL: '',
      TABLE_PREFIX: tablePrefix,
      REMINDER_SWEEP_TIME: 'off',
      MicrosoftAppId: '',
      MicrosoftAppPassword: '',
    };
    const bot = await startServerProcess('dist/main.js', botPort, botEnv);
    processes.push(bot);
    const bare = await startServerProcess('scripts/bench/bare-bot.ts', barePort, {});
    processes.push(bare);
    log(`bot ready in ${bot.readyMs.toFixed(0)} ms, bare app in ${bare.readyMs.toFixed(0)} ms`);

    // Azurite's own CPU, to say how much of each answer is the emulator's (the cores are shared).
    const azuriteCpuMs = () => (azurite.pid === undefined ? undefined : cpuMsOf(azurite.pid));
    const note = (n: number) =>
      invokeActivity(sink.serviceUrl, demoPeople.sll, 'addProgressNote', {
        recommendationId: noteTargets[n % noteTargets.length],
        text: `Benchmark progress note ${String(n)}: ${n % 2 === 0 ? 'audits on track' : 'training booked'}.`,
        link1: 'https://evidence.example.org/progress.pdf',
      });
    const approval = (pool: PendingClosure[]) => (n: number) =>
      invokeActivity(sink.serviceUrl, demoPeople.cos, 'decideClosure', {
        ...(pool[Math.min(n, pool.length - 1)] ?? {}),
        step: 'cos',
        decision: 'approve',
      });
    const bareSaved = (body: string) => body.includes('Saved.');

    // Warm both up (JIT, connection pools, the SLL's conversation reference) before measuring.
    for (const target of [bare, bot]) {
      await runLoad({
        url: target.url,
        connections: 2,
        durationSeconds: 1,
        activity: note,
        isSaved: () => true,
      });
    }

    const load: LoadRow[] = [];
    for (const connections of options.connections) {
      const cell = { connections, durationSeconds: options.durationSeconds, activity: note };
      const bareResult = await runLoad({ ...cell, url: bare.url, isSaved: bareSaved, cpuMs: bare.cpuMs });
      const botResult = await runLoad({
        ...cell,
        url: bot.url,
        isSaved: (body) => body.includes('Saved: progress note added'),
        cpuMs: bot.cpuMs,
        storageCpuMs: azuriteCpuMs,
      });
      log(
        `progress note × ${String(connections)}: ${describe('bot', botResult)}; ${describe('bare', bareResult)}`,
      );
      load.push({ action: 'Progress note', bot: botResult, bare: bareResult });
    }
    // Closure pools are written just before their cell (the bot idle), sized from the note rate at
    // the same concurrency: enough not to run out, few enough not to swell the partition for nothing.
    let nextNumber = 2001;
    for (const connections of options.connections) {
      const noteRate = load.find((row) => row.bot.connections === connections)?.bot.requestsPerSecond ?? 0;
      const size =
        Math.max(minimumPool, Math.ceil(noteRate * options.durationSeconds * poolHeadroom)) + connections;
      const pool = await writePendingClosures(store, nextNumber, size);
      nextNumber += Math.ceil(size / 4) + 1;
      const cell = { connections, durationSeconds: options.durationSeconds, activity: approval(pool) };
      // The bare app changes nothing, so only the bot needs a fresh request each time.
      const bareResult = await runLoad({ ...cell, url: bare.url, isSaved: bareSaved, cpuMs: bare.cpuMs });
      const botResult = await runLoad({
        ...cell,
        url: bot.url,
        isSaved: (body) => body.includes('Approved:'),
        cpuMs: bot.cpuMs,
        storageCpuMs: azuriteCpuMs,
        maxRequests: pool.length - connections,
      });
      log(`approve × ${String(connections)}: ${describe('bot', botResult)}; ${describe('bare', bareResult)}`);
      load.push({ action: 'Approve (CoS step)', bot: botResult, bare: bareResult });
    }

    const botMemory = bot.memory();
    const bareMemory = bare.memory();
    let profile: BenchFigures['profile'];
    if (options.profile) {
      // A process of its own: sampling would skew the CPU figures of the measured cells.
      const dir = mkdtempSync(path.join(os.tmpdir(), 'coc-monitor-profile-'));
      const profiled = await startServerProcess('dist/main.js', await findFreePort(), botEnv, [
        '--cpu-prof',
        `--cpu-prof-dir=${dir}`,
      ]);
      await runLoad({
        url: profiled.url,
        connections: 10,
        durationSeconds: options.durationSeconds,
        activity: note,
        isSaved: () => true,
      });
      await profiled.stop();
      const [file] = readdirSync(dir).filter((name) => name.endsWith('.cpuprofile'));
      if (file) profile = profileShares(path.join(dir, file));
      log(
        `profile: ${(profile ?? [])
          .slice(0, 6)
          .map((p) => `${p.where} ${(p.share * 100).toFixed(0)}%`)
          .join(', ')}`,
      );
    }
    const figures: BenchFigures = {
      machine: machine(),
      durationSeconds: options.durationSeconds,
      load,
      roundTrips,
      startup: { botReadyMs: bot.readyMs, bareReadyMs: bare.readyMs },
      memory: {
        ...(botMemory.rssMiB === undefined ? {} : { botRssMiB: botMemory.rssMiB }),
        ...(botMemory.peakMiB === undefined ? {} : { botPeakMiB: botMemory.peakMiB }),
        ...(bareMemory.rssMiB === undefined ? {} : { bareRssMiB: bareMemory.rssMiB }),
      },
      ...(profile ? { profile } : {}),
    };
    const section = renderSection(figures);
    console.log(section);
    if (options.write) {
      // Formatted as `npm run lint` expects (prettier aligns the tables and wraps the prose).
      const updated = replaceSection(readFileSync(docsFile, 'utf8'), section);
      const config = (await prettier.resolveConfig(docsFile)) ?? {};
      writeFileSync(docsFile, await prettier.format(updated, { ...config, filepath: docsFile }));
      log(`written to ${path.relative(process.cwd(), docsFile)}`);
    }
    log(`done in ${((Date.now() - runStarted) / 1000).toFixed(0)} s`);
  } finally {
    for (const child of processes) await child.stop();
    await sink.close();
    await azurite.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
