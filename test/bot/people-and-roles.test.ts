/**
 * People and roles from Teams: an administrator sees who is who, gives someone a role by
 * @mentioning them in a channel or by picking them on the form, takes roles away, and is refused
 * with the reason where a change would leave a region without its Chief of Staff or HM Inspector,
 * remove the last Administrator, or leave open records naming someone without the role (then the bot
 * asks who takes them over). A change counts at once: the new SLL issues a CoC straight after.
 */
import { randomUUID } from 'node:crypto';
import { extraDemoPeople } from '../../src/demo/extra-people';
import { demoPeople, demoTenantId } from '../../src/demo/people';
import { demoBuckinghamshireTenantId } from '../../src/demo/extra-people';
import { useAppUnderTest, type AppUnderTest } from '../support/app-under-test';
import { testBot, visibleText, type TestUser, type TurnResult } from '../support/bot-client';
import { action, actionsOf, inputValue, invokeCard, shownIn } from '../support/cards';
import { waitFor } from '../support/wait-for';

const admin = demoPeople.admin;
const dana = demoPeople.deputyPortfolioDirector;
const casey = extraDemoPeople.sllCentralWest;
/** Someone new to CoC Monitor: in the inspectorate's Teams, not yet in the directory. */
const newcomer: TestUser = {
  objectId: '00000000-0000-0000-0000-00000000c001',
  tenantId: demoTenantId,
  name: 'Kim Okafor',
};
/** Another, who becomes a Chief of Staff. */
const newCos: TestUser = {
  objectId: '00000000-0000-0000-0000-00000000c002',
  tenantId: demoTenantId,
  name: 'Lee Hart',
};

/** `text` typed in a team channel after @mentioning the bot, @mentioning each of `people` in it. */
function typedInChannel(
  app: AppUnderTest,
  text: string,
  people: TestUser[],
  from: TestUser,
): Promise<TurnResult> {
  const bot = `<at>${testBot.name}</at>`;
  return app.client.sendActivity(
    {
      type: 'message',
      text: `${bot} ${text}`,
      entities: [
        { type: 'mention', mentioned: testBot, text: bot },
        ...people.map((person) => ({
          type: 'mention',
          mentioned: { id: `29:${person.objectId}`, name: person.name },
          text: `<at>${person.name}</at>`,
        })),
      ],
    },
    from,
    { conversationType: 'channel' },
  );
}

/** Presses the hand-over question's confirm button, handing the records to `to`. */
function handOver(app: AppUnderTest, question: unknown, button: string, to: TestUser): Promise<TurnResult> {
  return app.client.sendInvoke(
    'changeRole',
    { ...action(question, button).data, handOverTo: to.objectId },
    admin,
  );
}

describe('people and roles in Teams', () => {
  const app = useAppUnderTest();

  const inChannel = (text: string, people: TestUser[], from: TestUser = admin) =>
    typedInChannel(app, text, people, from);
  const mention = (person: TestUser): string => `<at>${person.name}</at>`;
  const personNow = (person: TestUser) => app.store.directory.getPerson(person.objectId);

  beforeAll(() => {
    // Teams knows these people as members of the channel.
    for (const person of [dana, casey, newcomer, newCos, demoPeople.cos, demoPeople.hmi, demoPeople.sll])
      app.connector.addMember(person);
  });

  it('shows an administrator who is who, region by region, with the buttons to change it', async () => {
    const turn = await app.client.sendMessage('people', admin);

    const text = shownIn(turn);
    expect(text).toContain('Who is who');
    expect(text).toContain('Central region');
    expect(text).toContain('Chief of Staff Morgan Hughes');
    expect(text).toContain('HM Inspector Alex Carter');
    expect(text).toContain('Buckinghamshire Fire and Rescue Service (BUC)');
    expect(text).toContain('Administrators Priya Shah');
    expect(text).toContain(
      'Hereford & Worcester Fire and Rescue Service (HWF) Service Liaison Lead: Sam Patel; Service Liaison Officer: Jordan Lee',
    );
    expect(actionsOf(turn.cards[0]).map((a) => a.title)).toEqual(
      expect.arrayContaining(['Give someone a role', 'Remove Priya Shah, Administrator']),
    );
    const oneService = await app.client.sendMessage('people BUC', admin);
    expect(actionsOf(oneService.cards[0]).map((a) => a.title)).toContain('Remove Sam Patel, SLL BUC');
  });

  it('shows one service, and a Service Liaison Officer only their own', async () => {
    const oneService = shownIn(await app.client.sendMessage('people HWF', demoPeople.sll));
    const slo = shownIn(await app.client.sendMessage('people', demoPeople.slo));
    const elsewhere = shownIn(await app.client.sendMessage('people BUC', demoPeople.slo));

    expect(oneService).toContain('Who is who: Hereford & Worcester Fire and Rescue Service');
    expect(oneService).toContain('Service Liaison Officer: Jordan Lee');
    expect(oneService).not.toContain('Buckinghamshire');
    expect(slo).toContain('Hereford & Worcester Fire and Rescue Service (HWF)');
    expect(slo).not.toContain('Give someone a role');
    expect(elsewhere).toContain('You can see the people of your own service only: type people HWF.');
  });

  it('gives someone a role when the administrator @mentions them in a channel, and tells them', async () => {
    await app.client.sendMessage('hi', dana); // Dana has a personal chat with the bot

    const turn = await inChannel(`add ${mention(dana)} as sll for Oxfordshire`, [dana]);

    expect(shownIn(turn)).toContain(
      'Dana Brooks is now Service Liaison Lead for Oxfordshire Fire and Rescue Service.',
    );
    expect(await personNow(dana)).toMatchObject({
      roles: ['deputyPortfolioDirector', 'sll'],
      serviceCodes: ['OXF'],
    });
    const told = await waitFor('the card telling Dana', () =>
      app.connector.calls
        .filter((call) => call.method === 'POST' && call.conversationId === `a:personal-${dana.objectId}`)
        .map((call) => visibleText(call.activity.attachments?.[0]?.content))
        .find((text) => text.includes('Your roles in CoC Monitor changed')),
    );
    expect(told).toContain('Your roles in CoC Monitor changed');
    expect(told).toContain('Priya Shah changed them');
    expect(told).toContain('You are: Deputy portfolio director, Service Liaison Lead.');
  });

  it('lets the new SLL issue a cause of concern for the service at once', async () => {
    const form = await app.client.sendMessage('new coc', dana);
    expect(visibleText(form.cards[0])).toContain('Oxfordshire Fire and Rescue Service (OXF)');

    const issued = await app.client.sendInvoke(
      'issueCoc',
      {
        formId: randomUUID(),
        serviceCode: 'OXF',
        title: 'Protection audits are behind',
        finding: 'The service has not met its risk-based inspection programme.',
        pillar: 'effectiveness',
        publicSafetyRisk: 'false',
        fieldworkEndDate: '2026-10-02',
        letterDate: '2026-11-06',
        reportPublishedDate: '',
        actionPlanRule: 'workingDaysFromLetter',
        actionPlanFixedDate: '',
        recommendation1: 'Bring the risk-based inspection programme up to date.',
        recommendation1TargetDate: '2027-03-31',
        sll: dana.objectId,
        cos: demoPeople.cos.objectId,
        hmi: demoPeople.hmi.objectId,
      },
      dana,
    );

    expect(shownIn(issued)).toContain('OXF-1');
    expect((await app.store.records.listCocs('OXF')).map((coc) => coc.value.owners.sll)).toEqual([
      dana.objectId,
    ]);
  });

  it('gives someone new a role from the form, keeping what was chosen when something is missing', async () => {
    const people = await app.client.sendMessage('people', admin);
    const opened = await app.client.sendInvoke(
      'openRoleForm',
      action(people.cards[0], 'Give someone a role').data,
      admin,
    );
    const form = invokeCard(opened);
    const picker = JSON.stringify(form);
    expect(picker).toContain('"dataset":"graph.microsoft.com/users"');
    expect(visibleText(form)).toContain('Priya Shah');

    const missing = invokeCard(
      await app.client.sendInvoke(
        'giveRole',
        { person: newcomer.objectId, role: '', place: 'service:KEN' },
        admin,
      ),
    );
    expect(visibleText(missing)).toContain('Choose a role.');
    expect(inputValue(missing, 'person')).toBe(newcomer.objectId);
    expect(inputValue(missing, 'place')).toBe('service:KEN');
    expect(await personNow(newcomer)).toBeNull();

    const wrongPlace = invokeCard(
      await app.client.sendInvoke(
        'giveRole',
        { person: newcomer.objectId, role: 'slo', place: 'region:south' },
        admin,
      ),
    );
    expect(visibleText(wrongPlace)).toContain('Choose a service: this role is given for a service.');

    const saved = await app.client.sendInvoke(
      'giveRole',
      { person: newcomer.objectId, role: 'slo', place: 'service:KEN' },
      admin,
    );
    expect(shownIn(saved)).toContain(
      'Kim Okafor is now Service Liaison Officer for Kent Fire and Rescue Service.',
    );
    expect(await personNow(newcomer)).toMatchObject({
      name: 'Kim Okafor',
      tenantId: demoTenantId,
      roles: ['slo'],
      serviceCodes: ['KEN'],
    });
    const latest = shownIn(await app.client.sendMessage('people', admin));
    expect(latest).toContain(
      'Priya Shah: Kim Okafor is now Service Liaison Officer for Kent Fire and Rescue Service.',
    );
  });

  it.each([
    [
      'the last Administrator',
      `remove ${mention(admin as TestUser)} as admin`,
      [admin],
      'Priya Shah is the last Administrator. Make someone else an Administrator first.',
    ],
    [
      'a region left without its Chief of Staff',
      `remove ${mention(demoPeople.cos)} as cos for central`,
      [demoPeople.cos],
      'would have no Chief of Staff',
    ],
    [
      'a Chief of Staff made HM Inspector too',
      `add ${mention(demoPeople.cos)} as hmi for central`,
      [demoPeople.cos],
      "Morgan Hughes is Chief of Staff, so they can't also be HM Inspector",
    ],
    [
      'an SLL for a region',
      `add ${mention(casey)} as sll for central`,
      [casey],
      'A Service Liaison Lead is given for a service, not for “central”.',
    ],
    [
      'a role word nobody uses',
      `add ${mention(casey)} as boss for BUC`,
      [casey],
      'Type add @name as sll for BUC',
    ],
  ])('refuses %s with the reason, changing nothing', async (_case, text, mentioned, reason) => {
    const before = await app.store.directory.listPeople();

    const turn = await inChannel(text, mentioned);

    expect(shownIn(turn)).toContain(reason);
    expect(await app.store.directory.listPeople()).toEqual(before);
  });

  it('refuses anyone but an administrator', async () => {
    const turn = await inChannel(`add ${mention(casey)} as sll for BUC`, [casey], demoPeople.sll);

    expect(shownIn(turn)).toContain("You can't manage the directory");
    expect((await personNow(casey))?.serviceCodes).not.toContain('BUC');
  });

  it('asks who takes open records over before taking the role away, and hands each over with its history', async () => {
    const refused = await inChannel(`remove ${mention(demoPeople.sll)} as sll for BUC`, [demoPeople.sll]);
    expect(shownIn(refused)).toContain(
      'name Sam Patel as Service Liaison Lead, and nobody else is Service Liaison Lead for Buckinghamshire Fire and Rescue Service to take them over.',
    );

    await inChannel(`add ${mention(casey)} as sll for BUC`, [casey]);
    const asked = await inChannel(`remove ${mention(demoPeople.sll)} as sll for BUC`, [demoPeople.sll]);
    const question = asked.cards[0];
    expect(visibleText(question)).toContain('Who takes over?');
    expect(visibleText(question)).toContain('BUC-1');
    expect(visibleText(question)).toContain('Casey Williams');
    expect((await personNow(demoPeople.sll))?.serviceCodes).toContain('BUC');

    const done = await handOver(app, question, 'Hand over and remove the role', casey);

    expect(shownIn(done)).toContain(
      'Sam Patel is no longer Service Liaison Lead for Buckinghamshire Fire and Rescue Service.',
    );
    expect((await personNow(demoPeople.sll))?.serviceCodes).toEqual(['HWF']);
    const open = (await app.store.records.listCocs('BUC')).filter((coc) => coc.value.status === 'open');
    expect(open.map((coc) => coc.value.owners.sll)).toEqual(open.map(() => casey.objectId));
    const history = shownIn(await app.client.sendMessage('history BUC-1', casey));
    expect(history).toContain('Priya Shah');
    expect(history).toContain('Sam Patel → Casey Williams');
  });

  it('names a new Chief of Staff for a region in place of the one there, handing their records over', async () => {
    const turn = await inChannel(`add ${mention(newCos)} as cos for Central`, [newCos]);

    expect(shownIn(turn)).toContain('Lee Hart is now Chief of Staff for the Central region.');
    expect((await personNow(demoPeople.cos))?.roles).not.toContain('cos');
    const open = (await app.store.records.listCocs('HWF')).filter((coc) => coc.value.status === 'open');
    expect(open.length).toBeGreaterThan(0);
    expect(open.every((coc) => coc.value.owners.cos === newCos.objectId)).toBe(true);
  });
  it('takes a role away with the Remove button, asking who takes the records over', async () => {
    const oxfordshire = await app.client.sendMessage('people OXF', admin);
    const remove = action(oxfordshire.cards[0], 'Remove Dana Brooks, SLL OXF');

    const asked = invokeCard(await app.client.sendInvoke('removeRole', remove.data, admin));
    expect(visibleText(asked)).toContain('OXF-1');
    const done = await handOver(app, asked, 'Hand over and remove the role', casey);

    expect(shownIn(done)).toContain(
      'Dana Brooks is no longer Service Liaison Lead for Oxfordshire Fire and Rescue Service.',
    );
    expect(await personNow(dana)).toMatchObject({ roles: ['deputyPortfolioDirector'], serviceCodes: [] });
    expect((await app.store.records.listCocs('OXF')).map((coc) => coc.value.owners.sll)).toEqual([
      casey.objectId,
    ]);
  });
  it('shows the Senior Responsible Officers, and gives the role to someone typed as sro', async () => {
    const everyone = shownIn(await app.client.sendMessage('people', admin));
    expect(everyone).toContain('Senior Responsible Officers');
    expect(everyone).toContain(extraDemoPeople.sro.name);

    const turn = await inChannel(`add ${mention(newCos)} as senior responsible officer`, [newCos]);

    expect(shownIn(turn)).toContain('Lee Hart is now');
    expect((await personNow(newCos))?.roles).toContain('sro');
    expect(shownIn(await app.client.sendMessage('people', admin))).toContain('Lee Hart');
  });
});

describe('people from other organisations given a role', () => {
  const bucksTenant = demoBuckinghamshireTenantId;
  const app = useAppUnderTest({ env: { ALLOWED_TENANT_IDS: `${demoTenantId},${bucksTenant}` } });
  /** A Buckinghamshire officer from the service's own tenant, a member of the shared channel. */
  const bucksOfficer: TestUser = {
    objectId: '00000000-0000-0000-0000-00000000c101',
    tenantId: bucksTenant,
    name: 'Ash Morgan',
  };
  /** Someone from an organisation the inspectorate has not allowed. */
  const outsider: TestUser = {
    objectId: '00000000-0000-0000-0000-00000000c102',
    tenantId: '00000000-0000-0000-0000-0000000000ff',
    name: 'Sol Rivers',
  };

  const addInChannel = (person: TestUser, words: string) =>
    typedInChannel(app, `add <at>${person.name}</at> ${words}`, [person], admin);

  beforeAll(() => {
    app.connector.addMember(bucksOfficer);
    app.connector.addMember(outsider);
  });

  it('makes a member of an allowed organisation an SLO, identified by their own tenant', async () => {
    const turn = await addInChannel(bucksOfficer, 'as slo for BUC');

    expect(shownIn(turn)).toContain(
      'Ash Morgan is now Service Liaison Officer for Buckinghamshire Fire and Rescue Service.',
    );
    expect(await app.store.directory.getPerson(bucksOfficer.objectId)).toMatchObject({
      tenantId: bucksTenant,
      roles: ['slo'],
      serviceCodes: ['BUC'],
    });
  });

  it('lets the SLO just given the role answer a request for an update in the shared channel', async () => {
    await app.client.sendMessage('register service BUC', demoPeople.sll, {
      conversationType: 'channel',
      mentionBot: true,
    });
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
        'rag:BUC-1.1': 'amber',
        'progress:BUC-1.1': 'Audits restarted.',
      },
      bucksOfficer,
      { conversationType: 'channel', hostTenantId: demoTenantId },
    );

    expect(shownIn(turn)).toContain('Ash Morgan answered');
    expect((await app.store.records.getEngagementRequest('BUC', request.value.id))?.value).toMatchObject({
      status: 'answered',
      answeredBy: bucksOfficer.objectId,
    });
  });

  it('refuses someone from an organisation not allowed, adding nobody', async () => {
    const turn = await addInChannel(outsider, 'as slo for BUC');

    expect(shownIn(turn)).toContain(
      'Sol Rivers is from an organisation that is not set up to use CoC Monitor.',
    );
    expect(await app.store.directory.getPerson(outsider.objectId)).toBeNull();
  });
});
