/** Everything an export writes and an import compares against, read from the store at once. */
import type { Store } from '../../store';

/** Regions, services, people, CoCs with their recommendations, AFIs and progress updates, as stored. */
export async function readEverything(store: Store) {
  const [regions, services, people, cocs, afis, progress] = await Promise.all([
    store.directory.listRegions(),
    store.directory.listServices(),
    store.directory.listPeople(),
    store.records.listCocsWithRecommendations(),
    store.records.listAfis(),
    store.records.listServiceProgress(),
  ]);
  return { regions, services, people, cocs, afis, progress };
}

/** The created and updated stamps of a record an import makes. */
export function importedStamps(now: string, actor: string) {
  return { createdAt: now, createdBy: actor, updatedAt: now, updatedBy: actor };
}
