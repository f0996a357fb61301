/**
 * The import graph of `src/`, read from the source text: which file imports which (relative imports
 * resolved to files), each file's layer (eslint/layers.cjs), and the cycles among the files. The
 * architecture figures and the architecture tests both read it.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { layers, type Layer } from '../../eslint/layers.cjs';

/** One file and the files of `src/` it imports. */
export interface SourceFile {
  /** Relative to the repository, with forward slashes: `src/app/shared/app-context.ts`. */
  file: string;
  lines: number;
  imports: string[];
  layer: Layer | undefined;
}

const importPattern =
  /(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)|require\(\s*['"]([^'"]+)['"]\s*\)/g;

function listTs(directory: string): string[] {
  return readdirSync(directory).flatMap((name) => {
    const full = path.join(directory, name);
    if (statSync(full).isDirectory()) return listTs(full);
    return name.endsWith('.ts') && !name.endsWith('.d.ts') ? [full] : [];
  });
}

function resolve(fromFile: string, specifier: string): string | undefined {
  const base = path.resolve(path.dirname(fromFile), specifier);
  for (const candidate of [`${base}.ts`, path.join(base, 'index.ts'), base]) {
    try {
      if (statSync(candidate).isFile()) return candidate;
    } catch {
      // not this candidate: try the next
    }
  }
  return undefined;
}

/** The layer a repository-relative path belongs to. */
export function layerOf(file: string): Layer | undefined {
  return layers.find((layer) => file === layer.dir || file.startsWith(`${layer.dir}/`));
}

/** Reads every `.ts` file under `src/` of the repository at `root`. */
export function readImportGraph(root: string): SourceFile[] {
  const relative = (full: string) => path.relative(root, full).split(path.sep).join('/');
  return listTs(path.join(root, 'src')).map((full) => {
    const text = readFileSync(full, 'utf8');
    const imports = new Set<string>();
    for (const match of text.matchAll(importPattern)) {
      const specifier = match[1] ?? match[2] ?? match[3] ?? '';
      if (!specifier.startsWith('.')) continue;
      const target = resolve(full, specifier);
      if (target) imports.add(relative(target));
    }
    const file = relative(full);
    return {
      file,
      lines: text.split('\n').length - (text.endsWith('\n') ? 1 : 0),
      imports: [...imports],
      layer: layerOf(file),
    };
  });
}

/** Imports from a file to a layer its own layer may not import (none, when the layers hold). */
export function upwardImports(graph: readonly SourceFile[]): { from: string; to: string }[] {
  return graph.flatMap(({ file, layer, imports }) =>
    imports
      .filter((target) => {
        const to = layerOf(target);
        return layer && to && to.name !== layer.name && !layer.may.includes(to.name);
      })
      .map((to) => ({ from: file, to })),
  );
}

/** The groups of files that import each other in a loop (Tarjan's strongly connected components). */
export function importCycles(graph: readonly SourceFile[]): string[][] {
  const edges = new Map(graph.map((f) => [f.file, f.imports]));
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const cycles: string[][] = [];
  let counter = 0;
  const visit = (file: string): void => {
    index.set(file, counter);
    low.set(file, counter);
    counter += 1;
    stack.push(file);
    onStack.add(file);
    for (const next of edges.get(file) ?? []) {
      if (!index.has(next)) {
        visit(next);
        low.set(file, Math.min(low.get(file) ?? 0, low.get(next) ?? 0));
      } else if (onStack.has(next)) low.set(file, Math.min(low.get(file) ?? 0, index.get(next) ?? 0));
    }
    if (low.get(file) !== index.get(file)) return;
    const group: string[] = [];
    for (let top = stack.pop(); top !== undefined; top = stack.pop()) {
      onStack.delete(top);
      group.push(top);
      if (top === file) break;
    }
    if (group.length > 1 || (edges.get(file) ?? []).includes(file)) cycles.push(group.sort());
  };
  for (const { file } of graph) if (!index.has(file)) visit(file);
  return cycles;
}
