/**
 * The Graph installer on its own, against the recording fake of Graph: what it does when Graph says
 * no (401, 403, 404), how long it waits when throttled and when it gives up, and that it never asks
 * Graph about someone of another organisation.
 */
import type { AccessToken, TokenCredential } from '@azure/identity';
import { demoPeople } from '../../src/demo/people';
import type { Person } from '../../src/domain/records';
import { createGraphInstaller, retryAfterMs, type GraphInstallerOptions } from '../../src/graph';
import { fakeGraphCredential, startFakeGraph, type FakeGraph } from '../support/fake-graph';

const person: Person = demoPeople.cos;
const serviceUrl = 'https://smba.trafficmanager.net/uk/';

describe('the Graph installer', () => {
  let graph: FakeGraph;
  const warnings: { details: Record<string, unknown>; message: string }[] = [];
  const waits: number[] = [];

  beforeAll(async () => {
    graph = await startFakeGraph();
  });
  afterAll(() => graph.close());
  beforeEach(() => {
    graph.reset();
    warnings.length = 0;
    waits.length = 0;
  });

  function installer(overrides: Partial<GraphInstallerOptions> = {}) {
    return createGraphInstaller({
      graph: { baseUrl: graph.url, catalogAppId: graph.catalogAppId, tenantId: person.tenantId },
      credential: fakeGraphCredential,
      botAppId: '6f1c1a37-8c1e-4d83-9d43-3c5a9c3b2a10',
      logger: { warn: (details, message) => warnings.push({ details, message }) },
      sleep: (ms) => {
        waits.push(ms);
        return Promise.resolve();
      },
      ...overrides,
    });
  }

  it('returns the personal chat as a conversation reference for the bot', async () => {
    expect(await installer().installFor(person, serviceUrl)).toEqual({
      channelId: 'msteams',
      serviceUrl,
      conversation: {
        id: graph.chatIdOf(person.objectId),
        conversationType: 'personal',
        isGroup: false,
        tenantId: person.tenantId,
      },
      user: { id: `8:orgid:${person.objectId}`, aadObjectId: person.objectId, name: person.name },
      bot: { id: '28:6f1c1a37-8c1e-4d83-9d43-3c5a9c3b2a10', name: '' },
    });
    expect(warnings).toEqual([]);
  });

  it('treats 401 (no usable token) as unreachable, and says so in the log', async () => {
    const empty: TokenCredential = {
      getToken: (): Promise<AccessToken> =>
        Promise.resolve({ token: '', expiresOnTimestamp: Date.now() + 60_000 }),
    };
    expect(await installer({ credential: empty }).installFor(person, serviceUrl)).toBeNull();
    expect(graph.calls.map((call) => call.status)).toEqual([401]);
    expect(warnings).toEqual([
      expect.objectContaining({
        details: expect.objectContaining({ step: 'install', status: 401 }) as unknown,
      }),
    ]);
  });

  it.each([403, 404])('treats %i from Graph as unreachable without trying again', async (status) => {
    graph.refuse(person.objectId, status);
    expect(await installer().installFor(person, serviceUrl)).toBeNull();
    expect(graph.calls).toHaveLength(1);
    expect(warnings[0]?.details).toMatchObject({ objectId: person.objectId, step: 'install', status });
  });

  it('waits as long as Retry-After says on 429 and 503, at most the longest wait, then goes on', async () => {
    graph.failNext(1, { status: 429, retryAfterSeconds: 3 });
    graph.failNext(1, { status: 503, retryAfterSeconds: 600 });
    graph.failNext(1, { status: 429 });
    const chat = await installer({ maxWaitMs: 30_000 }).installFor(person, serviceUrl);

    expect(chat).not.toBeNull();
    expect(waits).toEqual([3_000, 30_000, 2_000]);
    expect(graph.calls.map((call) => call.status)).toEqual([429, 503, 429, 201, 200, 200]);
  });

  it('gives up after its tries while Graph keeps throttling', async () => {
    graph.failNext(10, { status: 429, retryAfterSeconds: 1 });
    expect(await installer({ maxTries: 3 }).installFor(person, serviceUrl)).toBeNull();
    expect(graph.calls).toHaveLength(3);
    expect(waits).toEqual([1_000, 1_000]);
    expect(warnings[0]?.details).toMatchObject({ step: 'install', status: 429 });
  });

  it('does not ask Graph about someone of another organisation', async () => {
    const guest = { ...person, tenantId: '12345678-1234-4234-8234-123456789012' };
    expect(await installer().installFor(guest, serviceUrl)).toBeNull();
    expect(graph.calls).toEqual([]);
    expect(warnings).toHaveLength(1);
  });

  it('treats a credential that fails (no managed identity here) as unreachable', async () => {
    const failing: TokenCredential = { getToken: () => Promise.reject(new Error('no identity endpoint')) };
    expect(await installer({ credential: failing }).installFor(person, serviceUrl)).toBeNull();
    expect(graph.calls).toEqual([]);
    expect(warnings).toHaveLength(1);
  });
});

describe('retryAfterMs', () => {
  it.each([
    ['5', 5_000],
    ['0', 0],
    ['Wed, 02 Dec 2026 10:00:30 GMT', 30_000],
    ['', undefined],
    ['soon', undefined],
    [null, undefined],
  ])('reads %p as %p ms', (header, ms) => {
    expect(retryAfterMs(header, Date.parse('2026-12-02T10:00:00Z'))).toBe(ms);
  });
});
