/**
 * Finds the service a person named in a command (`list BUC`, `list Buckinghamshire`), or the
 * services they may have meant when nothing matches exactly.
 */
import type { Service } from '../../domain/records';
import type { AppContext } from '../shared/app-context';

/** The service named, or up to five close matches to suggest. */
export type ServiceMatch = { found: true; service: Service } | { found: false; suggestions: Service[] };

/** Words every service name ends with; people leave them out ("list West Midlands"). */
const commonEndings = /\s+(fire and rescue service|fire and rescue|fire service|fire brigade)$/;

function normalise(text: string): string {
  return text
    .toLowerCase()
    .replace(/&/g, 'and')
    .replace(/[^a-z0-9 ]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

function shortNameOf(service: Service): string {
  return normalise(service.name).replace(commonEndings, '');
}

/** Levenshtein distance, for typing slips ("Bukinghamshire"). */
function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i += 1) {
    const current = [i];
    for (let j = 1; j <= b.length; j += 1) {
      const substitution = (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1);
      current.push(Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, substitution));
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}

/**
 * Matches typed text against the services: by code, by full name, by name without "Fire and
 * Rescue Service", or by a part of the name that only one service has. Otherwise suggests names
 * that contain the text or are a small typing slip away from it.
 *
 * @example matchService('west midlands', services) // { found: true, service: West Midlands Fire Service }
 */
export function matchService(text: string, services: readonly Service[]): ServiceMatch {
  const typed = normalise(text);
  const code = text.trim().toUpperCase();
  const exact =
    services.find((s) => s.code === code) ??
    services.find((s) => normalise(s.name) === typed || shortNameOf(s) === typed);
  if (exact) return { found: true, service: exact };

  const containing = typed.length >= 4 ? services.filter((s) => normalise(s.name).includes(typed)) : [];
  const [only] = containing;
  if (containing.length === 1 && only) return { found: true, service: only };

  const slipAllowance = Math.max(1, Math.floor(typed.length / 4));
  const close = services.filter(
    (s) =>
      containing.includes(s) ||
      editDistance(shortNameOf(s), typed) <= slipAllowance ||
      (typed.length <= 5 && editDistance(s.code.toLowerCase(), typed) <= 1),
  );
  return { found: false, suggestions: close.sort((a, b) => a.name.localeCompare(b.name)).slice(0, 5) };
}

/** Looks the typed name up among the services of the directory. */
export async function findService(context: AppContext, text: string): Promise<ServiceMatch> {
  return matchService(text, await context.store.directory.listServices());
}
