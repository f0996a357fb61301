/**
 * `npm run figures:architecture`: the figures docs/architecture.md quotes, measured from the code as
 * it is now: lines per layer, imports that break the layers, import cycles, and how long the
 * exported use cases are (those taking the context and the acting person; the CSV import aside).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { importCycles, readImportGraph, upwardImports } from './lib/import-graph';

const root = path.resolve(__dirname, '..');

/** An exported use case: an exported async function whose parameters are (context, the person acting or viewing, …). */
const useCaseStart =
  /^export async function (\w+)(?:<[^(]*>)?\(\s*context: AppContext,\s*(?:actor|viewer|person): Person\b/;

interface UseCase {
  name: string;
  file: string;
  lines: number;
}

function useCasesIn(file: string): UseCase[] {
  const lines = readFileSync(path.join(root, file), 'utf8').split('\n');
  const found: UseCase[] = [];
  lines.forEach((line, start) => {
    const head = lines
      .slice(start, start + 4)
      .join(' ')
      .replace(/\s+/g, ' ');
    const match = useCaseStart.exec(
      head.replace(/\( /g, '(').replace(/(viewer|person|actor): Person \| null/, '$1: Person'),
    );
    if (!line.startsWith('export async function') || !match?.[1]) return;
    const end = lines.findIndex((text, index) => index > start && text === '}');
    found.push({ name: match[1], file, lines: end - start + 1 });
  });
  return found;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[middle] ?? 0)
    : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}

function main(): void {
  const graph = readImportGraph(root);
  const byLayer = new Map<string, number>();
  for (const { layer, lines } of graph)
    byLayer.set(layer?.name ?? '(none)', (byLayer.get(layer?.name ?? '(none)') ?? 0) + lines);
  console.log('Lines per layer:');
  for (const [layer, lines] of [...byLayer].sort((a, b) => b[1] - a[1]))
    console.log(`  ${layer.padEnd(10)} ${String(lines)}`);

  const botToStore = graph.filter(
    (f) => f.layer?.name === 'bot' && f.imports.some((i) => i.startsWith('src/store/')),
  );
  console.log(`\nFiles in src/bot importing src/store: ${String(botToStore.length)}`);
  const upward = upwardImports(graph);
  console.log(`Imports a layer may not make: ${String(upward.length)}`);
  for (const { from, to } of upward) console.log(`  ${from} -> ${to}`);
  const cycles = importCycles(graph);
  console.log(`Import cycles: ${String(cycles.length)}`);
  for (const cycle of cycles) console.log(`  ${cycle.join(' <-> ')}`);

  const useCases = graph
    .filter((f) => f.layer?.name === 'app' && !f.file.startsWith('src/app/shared/'))
    .filter((f) => !f.file.startsWith('src/app/transfer/import-records'))
    .flatMap((f) => useCasesIn(f.file));
  const lengths = useCases.map((u) => u.lines);
  console.log(
    `\nExported use cases: ${String(useCases.length)}, median ${String(median(lengths))} lines, longest ${String(Math.max(...lengths))}`,
  );
  for (const useCase of useCases.filter((u) => u.lines > 0).sort((a, b) => b.lines - a.lines)) {
    console.log(`  ${String(useCase.lines).padStart(3)}  ${useCase.name} (${useCase.file})`);
  }
}

main();
