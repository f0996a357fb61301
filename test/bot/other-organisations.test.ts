/**
 * Service liaison officers work for the fire and rescue services, not the inspectorate. One from
 * Buckinghamshire's own tenant writes in the inspectorate's shared channel: the activity carries the
 * channel's tenant, Teams' member record carries theirs, and the directory must match both their
 * object id and their tenant. They answer a request for an update and add progress notes for their
 * own service only; someone from an organisation not allowed, or unknown to Teams and the
 * directory, gets a clear answer and changes nothing.
 */
import { extraDemoPeople } from '../../src/demo/extra-people';
import { demoPeople } from '../../src/demo/people';
import { startAppUnderTest, type AppUnderTest } from '../support/app-under-test';
import { visibleText, type TestUser, type TurnResult } from '../support/bot-client';

const slo = extraDemoPeople.sloBuckinghamshire;
const inspectorateTenant = demoPeople.sll.tenantId;
const sharedChannel = { conversationType: 'channel', hostTenantId: inspectorateTenant } as const;

const saidIn = (turn: TurnResult): string =>
  [
    ...turn.texts,
    ...turn.cards.map(visibleText),
    visibleText((turn.body as { value?: unknown } | undefined)?.value),
  ].join('\n');

describe('people from other organisations in a shared channel', () => {
  let app: AppUnderTest;

  const note = (recommendationId: string, from: TestUser, text: string) =>
    app.client.sendInvoke('addProgressNote', { recommendationId, text }, from, sharedChannel);
  const notes = async (serviceCode: string, recommendationId: string) =>
    (await app.store.records.listProgress(serviceCode, recommendationId)).map((update) => update.text);

  beforeAll(async () => {
    expect(slo.tenantId).not.toBe(inspectorateTenant);
    app = await startAppUnderTest({ env: { ALLOWED_TENANT_IDS: `${inspectorateTenant},${slo.tenantId}` } });
    await app.client.sendMessage('register service BUC', demoPeople.sll, {
      conversationType: 'channel',
      mentionBot: true,
    });
    app.connector.addMember(slo); // Teams knows them as a member of the shared channel, from their own tenant
  });
  afterAll(async () => {
    await app.close();
  });

  it('lets the Buckinghamshire SLO answer a request for an update in the shared channel', async () => {
    await app.client.sendMessage('request update BUC-1 by 15 December 2026', demoPeople.sll);
    const request = (await app.store.records.listEngagementRequests('BUC')).find(
      (r) => r.value.status === 'open',
    );
    if (!request) throw new Error('no open request');

    const turn = await app.client.sendInvoke(
      'answerEngagement',
      {
        serviceCode: 'BUC',
        requestId: request.value.id,
        'rag:BUC-1.1': 'green',
        'progress:BUC-1.1': 'Audits on track.',
      },
      slo,
      sharedChannel,
    );

    expect(saidIn(turn)).toContain('Taylor Quinn answered');
    expect((await app.store.records.getEngagementRequest('BUC', request.value.id))?.value).toMatchObject({
      status: 'answered',
      answeredBy: slo.objectId,
    });
    expect(app.connector.memberLookups).toContain(`29:${slo.objectId}`);
  });

  it('lets them add a progress note for their own service, and not for another', async () => {
    const own = await note('BUC-1.1', slo, 'Two more inspectors started on Monday.');
    const other = await note('HWF-1.1', slo, 'Not my service.');

    expect(saidIn(own)).toContain('Saved: progress note added to BUC-1.1.');
    expect(await notes('BUC', 'BUC-1.1')).toContain('Two more inspectors started on Monday.');
    expect(saidIn(other)).toContain("You can't add a progress note here");
    expect(await notes('HWF', 'HWF-1.1')).not.toContain('Not my service.');
  });

  it('refuses someone of an organisation that is not allowed, saying so, and saves nothing', async () => {
    const stranger: TestUser = {
      objectId: '00000000-0000-0000-0000-0000000e0001',
      tenantId: '00000000-0000-0000-0000-0000000e0000',
      name: 'Sam Stranger',
    };
    app.connector.addMember(stranger);

    const turn = await note('BUC-1.1', stranger, 'From outside.');

    expect(saidIn(turn)).toContain('Your organisation is not set up to use CoC Monitor.');
    expect(await notes('BUC', 'BUC-1.1')).not.toContain('From outside.');
  });

  it('refuses someone in no directory and unknown to Teams here, saying so, and saves nothing', async () => {
    const nobody: TestUser = {
      objectId: '00000000-0000-0000-0000-0000000e0002',
      tenantId: slo.tenantId,
      name: 'Nobody Known',
    };

    const turn = await note('BUC-1.1', nobody, 'Who am I?');

    expect(saidIn(turn)).toContain(
      "You're not in the CoC Monitor directory yet. Ask an administrator to add you.",
    );
    expect(await notes('BUC', 'BUC-1.1')).not.toContain('Who am I?');
  });
});
