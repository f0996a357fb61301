/**
 * Reads a V8 CPU profile (`node --cpu-prof`) and says where the time went: self time per npm
 * package, per folder of our own built code, and Node's own internals, as shares of the time the
 * process was not idle.
 */
import { readFileSync } from 'node:fs';

interface ProfileNode {
  id: number;
  callFrame: { url: string; functionName: string };
}

interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

/** One place the CPU time went, and its share of the busy time. */
export interface ProfileShare {
  where: string;
  share: number;
}

/** Where a frame's code lives, in the words of the report. */
export function placeOf(url: string, functionName: string): string | null {
  if (functionName === '(idle)' || functionName === '(program)') return null;
  if (functionName === '(garbage collector)') return 'garbage collection';
  const modules = /\/node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(url);
  if (modules?.[1]) return modules[1];
  const own = /\/dist\/([^/]+)\//.exec(url);
  if (own?.[1]) return `our code: ${own[1]}`;
  if (url.startsWith('node:') || url === '') return 'Node.js (HTTP, streams, timers, JSON)';
  return 'other';
}

/** The shares of busy time, largest first. */
export function profileShares(file: string): ProfileShare[] {
  const profile = JSON.parse(readFileSync(file, 'utf8')) as CpuProfile;
  const places = new Map(
    profile.nodes.map((node) => [node.id, placeOf(node.callFrame.url, node.callFrame.functionName)]),
  );
  const time = new Map<string, number>();
  let busy = 0;
  profile.samples.forEach((id, index) => {
    const where = places.get(id);
    const delta = profile.timeDeltas[index] ?? 0;
    if (!where) return;
    busy += delta;
    time.set(where, (time.get(where) ?? 0) + delta);
  });
  return [...time]
    .map(([where, micros]) => ({ where, share: micros / Math.max(busy, 1) }))
    .sort((a, b) => b.share - a.share);
}
