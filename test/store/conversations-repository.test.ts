import type { Store, StoredConversation } from '../../src/store';
import { owners } from '../support/builders';
import { aFreshStore } from '../support/storage';

const { sll } = owners;

function aConversation(overrides: Partial<StoredConversation> = {}): StoredConversation {
  return {
    kind: 'personal',
    key: sll,
    reference: {
      conversation: { id: 'a:1x2y3z' },
      serviceUrl: 'https://smba.trafficmanager.net/uk/',
      channelId: 'msteams',
    },
    tenantId: '00000000-0000-0000-0000-0000000000aa',
    updatedAt: '2023-04-28T09:00:00.000Z',
    ...overrides,
  };
}

describe('ConversationsRepository', () => {
  let store: Store;
  beforeEach(async () => {
    store = await aFreshStore();
  });

  it('hands back a saved reference exactly as it was given', async () => {
    const channel = aConversation({ kind: 'channel', key: "19:abc'def@thread.tacv2" });
    await store.conversations.save(aConversation());
    await store.conversations.save(channel);

    expect(await store.conversations.get('personal', sll)).toEqual(aConversation());
    expect(await store.conversations.get('channel', "19:abc'def@thread.tacv2")).toEqual(channel);
    expect(await store.conversations.list('channel')).toEqual([channel]);
  });

  it('reads many references of one kind at once, past the 14 keys one query may name, quotes and all', async () => {
    const saved = Array.from({ length: 16 }, (_, n) =>
      aConversation({ key: n === 0 ? "o'brien" : `person-${String(n)}` }),
    );
    for (const conversation of saved) await store.conversations.save(conversation);
    await store.conversations.save(aConversation({ kind: 'channel', key: 'person-1' }));

    const found = await store.conversations.getMany('personal', [
      ...saved.map((c) => c.key),
      'never-talked',
      "x' or PartitionKey ne '",
    ]);

    expect([...found.keys()].sort()).toEqual(saved.map((c) => c.key).sort());
    expect(found.get("o'brien")).toEqual(saved[0]);
    expect(found.get('person-1')?.kind).toBe('personal');
    expect(await store.conversations.getMany('personal', [])).toEqual(new Map());
  });

  it('returns null once a reference is removed', async () => {
    await store.conversations.save(aConversation());
    await store.conversations.remove('personal', sll);

    expect(await store.conversations.get('personal', sll)).toBeNull();
  });
});
