import { demoPeople } from '../../src/demo/people';
import { visibleText } from '../support/bot-client';
import { useAppUnderTest } from '../support/app-under-test';

describe('a bot restricted to a list of tenants', () => {
  const app = useAppUnderTest({ env: { ALLOWED_TENANT_IDS: '11111111-2222-4333-8444-555555555555' } });

  it('tells a person from another tenant that their organisation is not set up, and shows no records', async () => {
    const turn = await app.client.sendMessage('show BUC-1', demoPeople.sll);

    const shown = [...turn.texts, ...turn.cards.map(visibleText)].join('\n');
    expect(shown).toContain('Your organisation is not set up to use CoC Monitor.');
    expect(shown).not.toContain('Risk-based inspection programme');
  });
});
