/**
 * Turns the benchmark's figures into the Markdown section of docs/performance.md, and puts that
 * section between its markers, replacing the one a previous run wrote.
 */
import type { LoadResult } from './load';
import type { OperationCount } from './round-trip-operations';

export const sectionStart =
  '<!-- npm run bench: start (written by scripts/bench.ts; edits here are lost) -->';
export const sectionEnd = '<!-- npm run bench: end -->';

/** The machine the figures come from. */
export interface Machine {
  cpuModel: string;
  cores: number;
  memoryGiB: number;
  node: string;
  date: string;
}

/** One action at one concurrency, for the real bot and the bare app. */
export interface LoadRow {
  action: string;
  bot: LoadResult;
  bare: LoadResult;
}

export interface BenchFigures {
  machine: Machine;
  durationSeconds: number;
  load: LoadRow[];
  roundTrips: OperationCount[];
  startup: { botReadyMs: number; bareReadyMs: number };
  memory: { botRssMiB?: number; botPeakMiB?: number; bareRssMiB?: number };
  /** Where the bot's CPU went under progress notes (a profile of its own run), largest first. */
  profile?: { where: string; share: number }[];
}

const whole = (n: number): string => Math.round(n).toLocaleString('en-GB');
const oneDecimal = (n: number): string => n.toFixed(1);
/** autocannon measures whole milliseconds, so a bare answer under 1 ms shows as 0. */
const latency = (ms: number): string => (ms < 1 ? '< 1 ms' : `${whole(ms)} ms`);
/** Ours over the bare app's; against a bare "0 ms" the ratio is at least ours over 1 ms. */
const ratio = (ours: number, bare: number): string =>
  bare >= 1 ? `${(ours / bare).toFixed(1)}×` : `≥ ${whole(ours)}×`;
const cpu = (ms: number | undefined): string => (ms === undefined ? '–' : `${ms.toFixed(1)} ms`);
const mib = (n: number | undefined): string => (n === undefined ? 'unknown' : `${whole(n)} MiB`);

/** Replaces the text between the markers, or appends the section (with markers) at the end. */
export function replaceSection(document: string, section: string): string {
  const block = `${sectionStart}\n\n${section.trim()}\n\n${sectionEnd}`;
  const start = document.indexOf(sectionStart);
  const end = document.indexOf(sectionEnd);
  if (start >= 0 && end > start) {
    return `${document.slice(0, start)}${block}${document.slice(end + sectionEnd.length)}`;
  }
  return `${document.trimEnd()}\n\n${block}\n`;
}

function loadTable(rows: LoadRow[]): string[] {
  const lines = [
    '| Action | Users | Requests/s | p50 | p99 | Saved | CPU a request | Azurite CPU a request | p50 vs bare | Bare: requests/s, p50, p99, CPU |',
    '| ------ | ----: | ---------: | --: | --: | ----: | ------------: | --------------------: | ----------: | ------------------------------- |',
  ];
  for (const { action, bot, bare } of rows) {
    const saved = bot.requests > 0 ? `${whole((bot.saved / bot.requests) * 100)} %` : '–';
    const notes = [bot.failed > 0 ? `${whole(bot.failed)} failed` : '', bot.ranOut ? 'pool used up' : '']
      .filter((note) => note !== '')
      .join(', ');
    lines.push(
      `| ${action} | ${String(bot.connections)} | ${oneDecimal(bot.requestsPerSecond)} | ` +
        `${latency(bot.p50Ms)} | ${latency(bot.p99Ms)} | ${saved}${notes ? ` (${notes})` : ''} | ` +
        `${cpu(bot.cpuMsPerRequest)} | ${cpu(bot.storageCpuMsPerRequest)} | ${ratio(bot.p50Ms, bare.p50Ms)} | ` +
        `${oneDecimal(bare.requestsPerSecond)}, ${latency(bare.p50Ms)}, ${latency(bare.p99Ms)}, ${cpu(bare.cpuMsPerRequest)} |`,
    );
  }
  return lines;
}

function roundTripTable(counts: OperationCount[]): string[] {
  const lines = [
    '| Operation | Before the answer | In all | Per table (records / directory / conversations / scheduler) |',
    '| --------- | ----------------: | -----: | ------------------------------------------------------------ |',
  ];
  for (const count of counts) {
    const t = count.byTable;
    lines.push(
      `| ${count.operation} | ${String(count.beforeAnswer)} | ${String(count.total)} | ` +
        `${String(t.records ?? 0)} / ${String(t.directory ?? 0)} / ${String(t.conversations ?? 0)} / ${String(t.scheduler ?? 0)} |`,
    );
  }
  return lines;
}

const verdict = (met: boolean): string => (met ? 'met' : 'not met');

/** The targets set for the card actions, checked against the figures. */
function targetLines(figures: BenchFigures): string[] {
  const lines = figures.load
    .filter((row) => row.bot.connections === 1 || row.bot.connections === 10)
    .map(({ action, bot, bare }) => {
      const p50 = bot.p50Ms / Math.max(bare.p50Ms, 1);
      const users = `${action}, ${String(bot.connections)} ${bot.connections === 1 ? 'user' : 'users'}`;
      const tenUsers =
        bot.connections === 10
          ? `; p99 ${latency(bot.p99Ms)} (under 100 ms: ${verdict(bot.p99Ms < 100)}); CPU ${cpu(bot.cpuMsPerRequest)} a request ` +
            `(at most 5 ms: ${verdict((bot.cpuMsPerRequest ?? Infinity) <= 5)})` +
            (action.startsWith('Progress')
              ? `; ${oneDecimal(bot.requestsPerSecond)} a second (at least 250: ${verdict(bot.requestsPerSecond >= 250)})`
              : '')
          : '';
      return `- ${users}: p50 ${ratio(bot.p50Ms, bare.p50Ms)} the bare app's (at most 10×: ${verdict(p50 <= 10)})${tenUsers}.`;
    });
  const trips = (name: string) => figures.roundTrips.find((count) => count.operation.startsWith(name));
  const show = trips('Show a CoC, warm');
  const note = trips('Update a recommendation');
  const approve = trips('Approve');
  lines.push(
    `- Round trips before the answer: show a CoC with a warm cache ${String(show?.beforeAnswer ?? '?')} (at most 1: ${verdict((show?.beforeAnswer ?? 99) <= 1)}), ` +
      `progress note ${String(note?.beforeAnswer ?? '?')} (at most 2: ${verdict((note?.beforeAnswer ?? 99) <= 2)}), ` +
      `approve ${String(approve?.beforeAnswer ?? '?')} (at most 3: ${verdict((approve?.beforeAnswer ?? 99) <= 3)}), ` +
      `approve in all ${String(approve?.total ?? '?')} (at most 8: ${verdict((approve?.total ?? 99) <= 8)}).`,
    `- The built server ready in ${whole(figures.startup.botReadyMs)} ms (at most 1,500 ms: ${verdict(figures.startup.botReadyMs <= 1500)}); ` +
      `memory after the load ${mib(figures.memory.botRssMiB)} against the bare app's ${mib(figures.memory.bareRssMiB)} ` +
      `(at most 40 MiB more: ${verdict((figures.memory.botRssMiB ?? Infinity) <= (figures.memory.bareRssMiB ?? 0) + 40)}).`,
  );
  return lines;
}

/** Where the time goes, from the profile run. */
function profileLines(figures: BenchFigures): string[] {
  if (!figures.profile) return ['Where the time goes: run with `--profile` for a CPU profile.'];
  const top = figures.profile.slice(0, 10);
  return [
    'Where the time goes: a CPU profile (`node --cpu-prof`) of the built server in a run of its own, ' +
      "10 users of progress notes for the cell's duration; self time by where the code lives, as a share " +
      'of the time the process was busy:',
    '',
    '| Where | Share of busy CPU |',
    '| --- | --: |',
    ...top.map((place) => `| ${place.where} | ${(place.share * 100).toFixed(1)} % |`),
  ];
}

/** The whole section, as Markdown. */
export function renderSection(figures: BenchFigures): string {
  const { machine } = figures;
  return [
    '## Card actions under load (`npm run bench`)',
    '',
    `Machine: ${machine.cpuModel}, ${String(machine.cores)} cores, ${oneDecimal(machine.memoryGiB)} GiB memory, ` +
      `Node ${machine.node}, ${machine.date}. Azurite in memory on the same machine; the load generator ` +
      '(autocannon) runs there too, so all three share the cores.',
    '',
    `Each cell runs ${String(figures.durationSeconds)} s. "Users" are concurrent keep-alive connections, each ` +
      'sending its next request as soon as the previous answer arrives. Latency is from request to the ' +
      'invoke response. "Bare" is a teams-ai `Application` with no storage on the same restify and ' +
      '`CloudAdapter` setup, authentication off, answering the same requests with a fixed card. ' +
      '"CPU a request" is the server process\'s own CPU time (user and system) over the cell divided by ' +
      'the requests answered; times the requests a second, it shows how much of a core the bot used ' +
      '(near 1,000 ms a second, the bot process itself is the bottleneck). "Azurite CPU a request" is ' +
      "the emulator's, measured the same way: what the storage costs the machine, which a real Table " +
      "Storage account would not take from the bot's cores.",
    '',
    '- Progress note: the demo SLL adds a note (a different text each time) from the CoC card, ' +
      'round-robin over 200 recommendations of 50 benchmark CoCs in BUC, so concurrent notes rarely ' +
      'meet on one recommendation. Each is a saved change: the CoC with its recommendations read in one ' +
      'query, then the recommendation, the progress row, the audit event and the outbox row in one ' +
      'transaction; the CoC card is drawn from what was read and saved, and the due index follows after ' +
      'the answer. "Saved" is the share of answers that say so (the rest lost a race and got the form back).',
    '- Approve: the demo Chief of Staff approves the CoS step of a closure request. An approval happens ' +
      'once per request, so before each cell the run writes a fresh pool of requests waiting for the CoS ' +
      '(three times what the note rate at that concurrency would use, at least 100), spread over the ' +
      "Chief of Staff's region's services other than BUC: Azurite finds a row by scanning its partition " +
      'where Table Storage looks it up by key, so in one partition the approvals would pay for the ' +
      'thousands of notes the note cells left in BUC and for every pool written before. Each request ' +
      'approves the next one ("pool used up" marks a cell that ran out before its time); the notifications after the answer (HMI card, SLL message, channel ' +
      'card) go to the connector stand-in in the background, paced as in production.',
    '',
    ...loadTable(figures.load),
    '',
    ...profileLines(figures),
    '',
    'Against the targets:',
    '',
    ...targetLines(figures),
    '',
    '### Storage round trips per operation',
    '',
    'HTTP requests the store sends to Table Storage, counted by a policy on each `TableClient` ' +
      "pipeline, one operation at a time, once the person's conversation reference is stored. " +
      '"In all" adds what runs after the answer (notifications).',
    '',
    ...roundTripTable(figures.roundTrips),
    '',
    'Before this round (3 December 2026, the same counting): show a CoC 6 (cold cache), progress note 12, ' +
      'approve 16 (28 in all), the sweep 17. What went: the due index re-read and rewritten before the ' +
      'answer (now an outbox job, after it); the recommendation read on its own and the CoC read again to ' +
      'draw the card (now one range query for both, and the card drawn from it); the closure request and ' +
      'its subject read again to draw the approval card (now drawn from the decision); the sweep’s six ' +
      'point reads of ledger days per channel (now one row per channel, read for every channel in one ' +
      'query). The count "before the answer" is taken when the server lets the outbox start, so work ' +
      'done after the answer never counts before it.',
    '',
    '### Start-up and memory',
    '',
    `- Start-up to ready (process spawned until \`GET /readyz\` answers 200; the bot built, \`node dist/main.js\` ` +
      `as the App Service runs it; the bare app through \`node --import tsx\`): bot ${whole(figures.startup.botReadyMs)} ms, bare app ` +
      `${whole(figures.startup.bareReadyMs)} ms.`,
    `- Resident memory after the load: bot ${mib(figures.memory.botRssMiB)} (peak ${mib(figures.memory.botPeakMiB)}), ` +
      `bare app ${mib(figures.memory.bareRssMiB)}.`,
  ].join('\n');
}
