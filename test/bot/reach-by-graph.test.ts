/**
 * Reaching people who never opened a chat with the bot: with Microsoft Graph configured, the bot
 * installs itself for them (a recording fake of Graph), takes the chat that opens, keeps it as
 * theirs and sends the card there through the Teams connector. 409 (already installed) is as good;
 * 429 is waited out as Retry-After says; a refusal (403) leaves them unreached and the SLL is told.
 * Without Graph nothing changes: the SLL is told at once that the approver has no chat yet.
 */
import { demoPeople } from '../../src/demo/people';
import type { ClosureRequest } from '../../src/domain/records';
import { useAppUnderTest, type AppUnderTest } from '../support/app-under-test';
import { visibleText, type TestUser } from '../support/bot-client';
import { findCardProblems } from '../support/card-validator';
import { action, actionsOf, invokeCard, type Card } from '../support/cards';
import type { FakeGraph } from '../support/fake-graph';

const personalChat = (person: TestUser): string => `a:personal-${person.objectId}`;

/** The SLL asks to close `subjectId` over the protocol; the answer's card. */
async function requestClosure(app: AppUnderTest, subjectId: string): Promise<Card> {
  const answer = invokeCard(
    await app.client.sendInvoke(
      'submitClosureRequest',
      {
        subjectId,
        link1: 'https://evidence.example.org/audit-report.pdf',
        link2: '',
        validationNote: 'Checked on a visit.',
      },
      demoPeople.sll,
    ),
  );
  expect(visibleText(answer)).toContain(`Closure of ${subjectId} requested.`);
  return answer;
}

/** Cards posted (not updated) to a conversation since call number `since`. */
function postedTo(app: AppUnderTest, conversationId: string, since = 0): Card[] {
  return app.connector.calls
    .slice(since)
    .filter((call) => call.method === 'POST' && call.conversationId === conversationId)
    .flatMap((call) => (call.activity.attachments ?? []).map((a) => a.content as Card));
}

/** Waits for after-the-answer work to show. */
async function waitFor<T>(what: string, find: () => T | undefined | Promise<T | undefined>): Promise<T> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const found = await find();
    if (found !== undefined) return found;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

/** The next card posted to `conversationId` whose text contains `text`. */
function cardIn(app: AppUnderTest, conversationId: string, text: string, since: number): Promise<Card> {
  return waitFor(`a card in ${conversationId} saying "${text}"`, () => {
    const card = postedTo(app, conversationId, since).find((c) => visibleText(c).includes(text));
    if (card) expect(findCardProblems(card)).toEqual([]);
    return card;
  });
}

async function pendingRequestOf(app: AppUnderTest, subjectId: string): Promise<ClosureRequest> {
  const requests = await app.store.records.listClosureRequests('BUC');
  const found = requests.map((r) => r.value).find((r) => r.subject.id === subjectId);
  if (!found) throw new Error(`no closure request for ${subjectId}`);
  return found;
}

describe('reaching an approver who never opened a chat, with Microsoft Graph configured', () => {
  const app = useAppUnderTest({ graph: {} });
  const cos = demoPeople.cos;
  let graph: FakeGraph;

  beforeEach(async () => {
    if (!app.graph) throw new Error('the fake Graph did not start');
    graph = app.graph;
    graph.reset();
    // Nobody but the SLL has talked to the bot; a chat the bot opened in an earlier test is forgotten.
    await app.store.conversations.remove('personal', cos.objectId);
    await app.store.conversations.remove('personal', demoPeople.hmi.objectId);
  });

  it('installs the bot for the Chief of Staff, keeps the chat as theirs and sends the approval card there', async () => {
    const since = app.connector.calls.length;
    const answer = await requestClosure(app, 'BUC-1.1');

    expect(visibleText(answer)).toContain(
      "Closure of BUC-1.1 requested. I've sent it to Morgan Hughes, Chief of Staff, to decide.",
    );
    expect(visibleText(answer)).not.toContain("hasn't opened a chat");
    const card = await cardIn(
      app,
      graph.chatIdOf(cos.objectId),
      'asks you to approve the closure of BUC-1.1',
      since,
    );
    expect(actionsOf(card).map((a) => a.title)).toEqual(expect.arrayContaining(['Approve', 'Reject']));

    // Installed, then the installation found, then its chat: each with the bot's token.
    expect(graph.calls.map((call) => [call.method, call.path, call.status])).toEqual([
      ['POST', `/v1.0/users/${cos.objectId}/teamwork/installedApps`, 201],
      ['GET', `/v1.0/users/${cos.objectId}/teamwork/installedApps`, 200],
      ['GET', `/v1.0/users/${cos.objectId}/teamwork/installedApps/installation-${cos.objectId}/chat`, 200],
    ]);
    expect(graph.calls.map((call) => call.authorization)).toEqual(Array(3).fill('Bearer fake-graph-token'));
    expect(graph.calls[0]?.body).toEqual({
      'teamsApp@odata.bind': `${graph.url}/v1.0/appCatalogs/teamsApps/${graph.catalogAppId}`,
    });
    expect(graph.calls[1]?.query).toEqual({
      $expand: 'teamsApp',
      $filter: `teamsApp/id eq '${graph.catalogAppId}'`,
    });

    // Kept as the CoS's personal chat, on the connector the bot's other conversations use.
    const stored = await app.store.conversations.get('personal', cos.objectId);
    expect(stored?.reference).toMatchObject({
      serviceUrl: app.connector.serviceUrl,
      conversation: {
        id: graph.chatIdOf(cos.objectId),
        conversationType: 'personal',
        tenantId: cos.tenantId,
      },
      user: { aadObjectId: cos.objectId },
    });
    expect(app.connector.refused).toEqual([]);

    // The next card goes straight to that chat: Graph is not asked again.
    const before = app.connector.calls.length;
    await requestClosure(app, 'BUC-1.3');
    await cardIn(app, graph.chatIdOf(cos.objectId), 'asks you to approve the closure of BUC-1.3', before);
    expect(graph.calls).toHaveLength(3);
  });

  it('reaches the HM Inspector the same way once the Chief of Staff approves', async () => {
    const since = app.connector.calls.length;
    await requestClosure(app, 'BUC-2.1');
    const cosCard = await cardIn(app, graph.chatIdOf(cos.objectId), 'asks you to approve', since);

    const approve = action(cosCard, 'Approve');
    const beforeCos = app.connector.calls.length;
    invokeCard(await app.client.sendInvoke(approve.verb, approve.data, cos));

    const hmi = demoPeople.hmi;
    await cardIn(
      app,
      graph.chatIdOf(hmi.objectId),
      'Morgan Hughes (Chief of Staff) recommends closing',
      beforeCos,
    );
    const told = await cardIn(
      app,
      personalChat(demoPeople.sll),
      'Morgan Hughes approved the closure',
      beforeCos,
    );
    expect(visibleText(told)).toContain('It has gone to Alex Carter to sign off.');
    expect(graph.isInstalled(hmi.objectId)).toBe(true);
  });

  it('takes an existing installation (409 Conflict) as installed and finds its chat', async () => {
    graph.markInstalled(cos.objectId);
    const since = app.connector.calls.length;
    await requestClosure(app, 'BUC-2.2');

    await cardIn(app, graph.chatIdOf(cos.objectId), 'asks you to approve the closure of BUC-2.2', since);
    expect(graph.calls.map((call) => call.status)).toEqual([409, 200, 200]);
  });

  it('waits out a 429 for as long as its Retry-After says, then installs', async () => {
    graph.failNext(1, { status: 429, retryAfterSeconds: 1 });
    const since = app.connector.calls.length;
    await requestClosure(app, 'HWF-1.3');

    await cardIn(app, graph.chatIdOf(cos.objectId), 'asks you to approve the closure of HWF-1.3', since);
    const [throttled, retried] = graph.calls;
    expect([throttled?.method, throttled?.status, retried?.method, retried?.status]).toEqual([
      'POST',
      429,
      'POST',
      201,
    ]);
    expect((retried?.at ?? 0) - (throttled?.at ?? 0)).toBeGreaterThanOrEqual(950);
  });

  it('tells the SLL who could not be reached when Graph refuses (403), and keeps the request pending', async () => {
    graph.refuse(cos.objectId, 403);
    const since = app.connector.calls.length;
    await requestClosure(app, 'HWF-1.2');

    const told = await cardIn(app, personalChat(demoPeople.sll), 'Closure of HWF-1.2:', since);
    expect(visibleText(told)).toContain(
      "Morgan Hughes hasn't opened a chat with CoC Monitor yet, so I couldn't send the approval card",
    );
    expect(graph.calls.map((call) => [call.method, call.status])).toEqual([['POST', 403]]);
    expect(postedTo(app, graph.chatIdOf(cos.objectId), since)).toEqual([]);
    expect(await app.store.conversations.get('personal', cos.objectId)).toBeNull();
    const requests = await app.store.records.listClosureRequests('HWF');
    expect(requests.find((r) => r.value.subject.id === 'HWF-1.2')?.value.status).toBe('pendingCos');
  });
});

describe('reaching an approver who never opened a chat, without Microsoft Graph', () => {
  const app = useAppUnderTest();

  it('tells the SLL at once and sends nothing to the approver, as before', async () => {
    const since = app.connector.calls.length;
    const answer = await requestClosure(app, 'BUC-1.1');

    expect(visibleText(answer)).toContain(
      "Morgan Hughes hasn't opened a chat with CoC Monitor yet, so I couldn't send the approval card",
    );
    expect(app.graph).toBeUndefined();
    expect((await pendingRequestOf(app, 'BUC-1.1')).status).toBe('pendingCos');
    await new Promise((resolve) => setTimeout(resolve, 300));
    const sent = app.connector.calls.slice(since).map((call) => call.conversationId);
    expect(sent.filter((id) => id !== personalChat(demoPeople.sll))).toEqual([]);
    expect(await app.store.conversations.get('personal', demoPeople.cos.objectId)).toBeNull();
  });
});
