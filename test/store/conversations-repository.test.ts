import type { Store, StoredConversation } from '../../src/store';
import { aFreshStore, sll } from './builders';

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

  it('returns null once a reference is removed', async () => {
    await store.conversations.save(aConversation());
    await store.conversations.remove('personal', sll);

    expect(await store.conversations.get('personal', sll)).toBeNull();
  });
});
