import { demoPeople } from '../../src/demo/people';
import type { AuditEvent, Recommendation } from '../../src/domain/records';
import { visibleText } from '../support/bot-client';
import { startTickingApp, type TickingApp } from './faults-support/ticking-app';

const recommendationId = 'BUC-2.3';
const saved = `Saved: ${recommendationId} updated.`;
const changedFirst =
  /^This recommendation was changed by Sam Patel at .+\. Check the new values and submit again\.$/m;

/** What an answer told the person: `'saved'`, `'conflict'` (someone changed it first), or else the text shown. */
function outcomeOf(body: unknown): string {
  const text = visibleText((body as { value?: unknown }).value);
  if (text.includes(saved)) return 'saved';
  if (changedFirst.test(text)) return 'conflict';
  return text;
}

/** What an update changes: the fields the audit events list, and who changed it when. */
type Tracked = Pick<Recommendation, 'status' | 'rag' | 'updatedAt' | 'updatedBy'>;

function trackedOf(recommendation: Recommendation): Tracked {
  const { status, rag, updatedAt, updatedBy } = recommendation;
  return { status, rag, updatedAt, updatedBy };
}

/**
 * Replays the recommendation's audit events, oldest first, from `start`. Each change must start
 * from the value the previous one left: a lost update would show as a `from` that does not match.
 */
function replay(start: Tracked, events: AuditEvent[]): { state: Tracked; breaks: string[] } {
  const state: Record<string, unknown> = { ...start };
  const breaks: string[] = [];
  for (const event of events) {
    for (const change of event.changes) {
      if (change.from !== undefined && change.from !== state[change.field]) {
        breaks.push(
          `${event.id}: ${change.field} from ${JSON.stringify(change.from)}, but it was ${JSON.stringify(state[change.field])}`,
        );
      }
      state[change.field] = change.to;
    }
    state.updatedAt = event.at;
    state.updatedBy = event.actor;
  }
  return { state: state as Tracked, breaks };
}

/** Fifty different updates between statuses open and in progress, each with a RAG, none a no-op from open/red. */
const requests = Array.from({ length: 50 }, (_, index) => ({
  status: index % 2 === 0 ? 'inProgress' : 'open',
  rag: index % 3 === 0 ? 'amber' : 'green',
}));

describe('fifty people saving the same recommendation at once', () => {
  let app: TickingApp;

  const current = async () => {
    const found = await app.store.records.getRecommendation('BUC', recommendationId);
    if (!found) throw new Error(`no ${recommendationId}`);
    return found.value;
  };
  const trail = async (): Promise<AuditEvent[]> =>
    (await app.store.records.listAudit('BUC', 'BUC-2'))
      .filter((event) => event.subject.id === recommendationId)
      .reverse();

  /** Puts the recommendation at open/red and returns it with its audit trail so far. */
  const resetToOpenRed = async () => {
    const before = await current();
    const turn = await app.client.sendInvoke(
      'updateRecommendation',
      { recommendationId, updatedAt: before.updatedAt, status: 'open', rag: 'red' },
      demoPeople.sll,
    );
    expect(outcomeOf(turn.body)).toBe('saved');
    return { start: await current(), eventsBefore: (await trail()).length };
  };

  beforeAll(async () => {
    app = await startTickingApp();
  });
  afterAll(async () => {
    await app.close();
  });

  it('saves exactly one of fifty forms drawn from the same version and tells the other 49 plainly', async () => {
    const { start, eventsBefore } = await resetToOpenRed();

    const turns = await Promise.all(
      requests.map((fields) =>
        app.client.sendInvoke(
          'updateRecommendation',
          { recommendationId, updatedAt: start.updatedAt, ...fields },
          demoPeople.sll,
        ),
      ),
    );

    const outcomes = turns.map((turn) => outcomeOf(turn.body));
    expect(outcomes.filter((o) => o !== 'saved' && o !== 'conflict')).toEqual([]);
    expect(outcomes.filter((o) => o === 'saved')).toHaveLength(1);
    expect(outcomes.filter((o) => o === 'conflict')).toHaveLength(49);
    const winner = requests[outcomes.indexOf('saved')];
    const final = await current();
    expect(final).toMatchObject({ ...winner });
    const events = (await trail()).slice(eventsBefore);
    const replayed = replay(trackedOf(start), events);
    expect(replayed.breaks).toEqual([]);
    expect(replayed.state).toEqual(trackedOf(final));
  });

  it('loses none of fifty saves sent without a version: the ETag lets the first commit win and the rest are told', async () => {
    const { start, eventsBefore } = await resetToOpenRed();

    const turns = await Promise.all(
      requests.map((fields) =>
        app.client.sendInvoke('updateRecommendation', { recommendationId, ...fields }, demoPeople.sll),
      ),
    );

    const outcomes = turns.map((turn) => outcomeOf(turn.body));
    expect(outcomes.filter((o) => o !== 'saved' && o !== 'conflict')).toEqual([]);
    const savedCount = outcomes.filter((o) => o === 'saved').length;
    const conflictCount = outcomes.filter((o) => o === 'conflict').length;
    expect(savedCount).toBeGreaterThanOrEqual(1);
    expect(savedCount + conflictCount).toBe(50);
    const final = await current();
    const events = (await trail()).slice(eventsBefore);
    const replayed = replay(trackedOf(start), events);
    expect(replayed.breaks).toEqual([]);
    expect(replayed.state).toEqual(trackedOf(final));
    // Every save wrote at most one status and one RAG event; a saved no-op (already so) writes none.
    const writes = new Set(events.map((event) => event.at));
    expect(writes.size).toBeLessThanOrEqual(savedCount);
  });
});
