import { createSign, generateKeyPairSync, type KeyObject } from 'node:crypto';
import { AuthenticationError } from 'botframework-connector';
import { OpenIdMetadata } from 'botframework-connector/lib/auth/openIdMetadata';
import { demoPeople } from '../../src/demo/people';
import type { Store } from '../../src/store';
import { useAppUnderTest } from '../support/app-under-test';

const appId = '6f1c2a3b-4d5e-4f60-8a7b-9c0d1e2f3a4b';
const tenantId = '0e1d2c3b-4a59-4867-9586-a4b3c2d1e0f9';

/** Every row of every table, by table and keys, with its ETag: what "nothing changed" means. */
async function snapshot(store: Store): Promise<string[]> {
  const rows: string[] = [];
  for (const [name, client] of Object.entries(store.tables))
    for await (const entity of client.listEntities())
      rows.push(`${name}|${entity.partitionKey ?? ''}|${entity.rowKey ?? ''}|${entity.etag}`);
  return rows.sort();
}

const keyId = 'key-1';

/** A JWT that looks like the Bot Framework's, with the Bot Framework's key id, signed with `key`. */
function tokenSignedWith(key: KeyObject): string {
  const encode = (value: object): string => Buffer.from(JSON.stringify(value)).toString('base64url');
  const now = Math.floor(Date.now() / 1000);
  const unsigned = `${encode({ alg: 'RS256', typ: 'JWT', kid: keyId })}.${encode({
    iss: 'https://api.botframework.com',
    aud: appId,
    serviceurl: 'http://127.0.0.1:1',
    nbf: now - 60,
    exp: now + 3600,
  })}`;
  return `${unsigned}.${createSign('RSA-SHA256').update(unsigned).sign(key).toString('base64url')}`;
}

/**
 * botbuilder fetches the Bot Framework's signing keys from login.botframework.com the first time a
 * signed request comes. The tests run offline, so that fetch is replaced: by the key set the
 * Bot Framework would publish (whose key is not the forger's), or by the failure an unreachable
 * endpoint gives.
 */
type KeyCache = { refreshCache(): Promise<void>; keys?: object[]; lastUpdated: number };
const keyCache = OpenIdMetadata.prototype as unknown as KeyCache;

function publishedKeys(): void {
  const { publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  jest.spyOn(keyCache, 'refreshCache').mockImplementation(async function (this: KeyCache) {
    this.keys = [{ ...publicKey.export({ format: 'jwk' }), kid: keyId, endorsements: ['msteams'] }];
    this.lastUpdated = Date.now();
    return Promise.resolve();
  });
}

function keysUnreachable(): void {
  jest
    .spyOn(keyCache, 'refreshCache')
    .mockRejectedValue(new AuthenticationError('Failed to load openID config: getaddrinfo ENOTFOUND', 500));
}

const forgersKey = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey;

describe('a deployed bot (an app id configured)', () => {
  const app = useAppUnderTest({
    env: {
      APP_MODE: 'production',
      MicrosoftAppId: appId,
      MicrosoftAppType: 'SingleTenant',
      MicrosoftAppTenantId: tenantId,
      MicrosoftAppPassword: 'not-a-real-secret',
    },
  });
  afterEach(() => {
    jest.restoreAllMocks();
  });

  it('refuses an unsigned request with 401, answers nothing and stores nothing', async () => {
    const before = await snapshot(app.store);

    const turn = await app.client.sendMessage('list', demoPeople.sll);

    expect(turn.status).toBe(401);
    expect(turn.messages).toEqual([]);
    expect(app.connector.calls).toEqual([]);
    expect(await snapshot(app.store)).toEqual(before);
    expect(await app.store.conversations.get('personal', demoPeople.sll.objectId)).toBeNull();
  });

  async function sendSigned(token: string): Promise<Response> {
    return await fetch(`${app.server.url}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({
        type: 'message',
        id: 'forged-1',
        channelId: 'msteams',
        serviceUrl: app.connector.serviceUrl,
        text: 'new coc',
        from: { id: `29:${demoPeople.sll.objectId}`, aadObjectId: demoPeople.sll.objectId },
        recipient: { id: `28:${appId}` },
        conversation: { id: 'a:personal', conversationType: 'personal', tenantId: demoPeople.sll.tenantId },
      }),
    });
  }

  it('refuses with 401 a signed request it cannot check while the signing keys are unreachable, quickly', async () => {
    keysUnreachable();
    const before = await snapshot(app.store);
    const started = Date.now();

    const response = await sendSigned(tokenSignedWith(forgersKey));

    expect(response.status).toBe(401);
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(app.connector.calls).toEqual([]);
    expect(await snapshot(app.store)).toEqual(before);
  });

  it('refuses with 401 a request signed with a key the Bot Framework never issued', async () => {
    publishedKeys();
    const before = await snapshot(app.store);

    const response = await sendSigned(tokenSignedWith(forgersKey));

    expect(response.status).toBe(401);
    expect(app.connector.calls).toEqual([]);
    expect(await snapshot(app.store)).toEqual(before);
  });
});
