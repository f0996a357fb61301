import { createProactiveSender } from '../../src/bot';
import { engagementChaserJob } from '../../src/app/engagement/chase-late-answers';
import type { ScheduledJob } from '../../src/app/shared/scheduled-job';
import { createNotifier } from '../../src/bot/notifier';
import { extraDemoPeople } from '../../src/demo/extra-people';
import { demoPeople } from '../../src/demo/people';
import { useAppUnderTest } from '../support/app-under-test';
import { visibleText } from '../support/bot-client';
import { findCardProblems } from '../support/card-validator';
import { inputsOf, invokeCard } from '../support/cards';

const serviceChannel = '19:service-updates@thread.tacv2';
const inChannel = { conversationType: 'channel', mentionBot: true } as const;
const sll = demoPeople.sll;
const sloBucks = extraDemoPeople.sloBuckinghamshire;

function checked(card: unknown): Record<string, unknown> {
  expect(findCardProblems(card)).toEqual([]);
  return card as Record<string, unknown>;
}

describe('asking a service for an update and its answer', () => {
  const app = useAppUnderTest();
  let makeJob: () => ScheduledJob;

  beforeAll(() => {
    const notifier = createNotifier(createProactiveSender(app.server.bot.adapter, undefined));
    makeJob = () => engagementChaserJob(app.appContext, notifier, () => undefined);
  });

  const channelPosts = (from: number) =>
    app.connector.calls
      .slice(from)
      .filter((call) => call.conversationId === serviceChannel && call.method === 'POST');

  it('tells the SLL clearly when the service has no channel, and saves nothing', async () => {
    const turn = await app.client.sendMessage('request update BUC-1 by 15 December 2026', sll);

    expect(visibleText(checked(turn.cards[0]))).toContain(
      'Buckinghamshire Fire and Rescue Service has no service channel, so I have nowhere to ask its Service Liaison Officers.',
    );
    expect(await app.store.records.listEngagementRequests('BUC')).toEqual([]);
  });

  it('refuses a Service Liaison Officer who tries to ask, saying why', async () => {
    const turn = await app.client.sendMessage('request update BUC-1 by 15 December 2026', sloBucks);

    expect(visibleText(checked(turn.cards[0]))).toContain('as a Service Liaison Officer');
  });

  it('posts the request in the service channel, mentioning the service’s SLOs, with a form per open recommendation', async () => {
    await app.client.sendMessage('register service BUC', sll, inChannel);
    await app.client.sendMessage('help', sll); // the SLL now has a personal chat with the bot
    const before = app.connector.calls.length;

    const turn = await app.client.sendMessage('request update BUC-1 by 15 December 2026', sll);

    expect(visibleText(checked(turn.cards.at(-1)))).toContain(
      'I asked Buckinghamshire Fire and Rescue Service for an update on BUC-1 by 15 December 2026, in its service channel, mentioning Taylor Quinn.',
    );
    const [post] = channelPosts(before);
    const card = checked(post?.activity.attachments?.[0]?.content);
    const text = visibleText(card);
    expect(text).toContain('<at>Taylor Quinn</at>: Sam Patel asks for an update on BUC-1');
    expect(text).toContain('by 15 December 2026');
    expect(card.msteams).toEqual({
      entities: [
        {
          type: 'mention',
          text: '<at>Taylor Quinn</at>',
          // Taylor has written to the bot (above), so her Teams user id is known from that chat.
          mentioned: { id: `29:${sloBucks.objectId}`, name: 'Taylor Quinn' },
        },
      ],
    });
    // BUC-1.2 is signed off: only the open recommendations get a form.
    expect([...inputsOf(card).keys()]).toEqual([
      'rag:BUC-1.1',
      'progress:BUC-1.1',
      'evidence:BUC-1.1',
      'rag:BUC-1.3',
      'progress:BUC-1.3',
      'evidence:BUC-1.3',
    ]);

    const requests = await app.store.records.listEngagementRequests('BUC');
    expect(requests.map((r) => r.value)).toMatchObject([
      { cocId: 'BUC-1', dueDate: '2026-12-15', status: 'open', requestedBy: sll.objectId },
    ]);
    const audit = await app.store.records.listAudit('BUC', 'BUC-1');
    expect(audit.find((event) => event.action === 'engagement.requested')).toMatchObject({
      actor: sll.objectId,
      subject: { kind: 'engagementRequest', id: requests[0]?.value.id },
      changes: [{ field: 'dueDate', to: '2026-12-15' }],
    });
  });

  async function openRequestId(): Promise<string> {
    const requests = await app.store.records.listEngagementRequests('BUC');
    const open = requests.find((r) => r.value.status === 'open' && r.value.cocId === 'BUC-1');
    if (!open) throw new Error('no open request');
    return open.value.id;
  }

  it('refuses an SLO of another service, naming the reason, and records nothing', async () => {
    const requestId = await openRequestId();
    const progressBefore = await app.store.records.listProgress('BUC', 'BUC-1.1');

    const turn = await app.client.sendInvoke(
      'answerEngagement',
      { serviceCode: 'BUC', requestId, 'progress:BUC-1.1': 'All done' },
      demoPeople.slo,
    );

    expect(visibleText(invokeCard(turn))).toContain(
      'you are not a Service Liaison Officer for Buckinghamshire Fire and Rescue Service',
    );
    expect(await app.store.records.listProgress('BUC', 'BUC-1.1')).toEqual(progressBefore);
    expect((await app.store.records.getEngagementRequest('BUC', requestId))?.value.status).toBe('open');
  });

  it('refuses the SLL answering their own request: only the service’s SLOs answer', async () => {
    const requestId = await openRequestId();

    const turn = await app.client.sendInvoke(
      'answerEngagement',
      { serviceCode: 'BUC', requestId, 'progress:BUC-1.1': 'All done' },
      sll,
    );

    expect(visibleText(invokeCard(turn))).toContain(
      'it asks the Service Liaison Officers of Buckinghamshire',
    );
  });

  it('gives a plain http link back on the same form, the SLO’s values kept, nothing saved', async () => {
    const requestId = await openRequestId();
    const values = {
      'rag:BUC-1.1': 'amber',
      'progress:BUC-1.1': 'Two more crews trained',
      'evidence:BUC-1.1': 'http://bucks-fire.example/training.pdf',
    };

    const turn = await app.client.sendInvoke(
      'answerEngagement',
      { serviceCode: 'BUC', requestId, ...values },
      sloBucks,
    );

    const card = invokeCard(turn);
    expect(visibleText(card)).toContain(
      'Evidence links: “http://bucks-fire.example/training.pdf” must be a web address starting with https://',
    );
    const inputs = inputsOf(card);
    expect(inputs.get('rag:BUC-1.1')?.value).toBe('amber');
    expect(inputs.get('progress:BUC-1.1')?.value).toBe('Two more crews trained');
    expect(inputs.get('evidence:BUC-1.1')?.value).toBe('http://bucks-fire.example/training.pdf');
    expect((await app.store.records.getEngagementRequest('BUC', requestId))?.value.status).toBe('open');
    expect((await app.store.records.getRecommendation('BUC', 'BUC-1.1'))?.value.rag).toBe('amber');
  });

  it('records the SLO’s answer as progress from the service and tells the SLL in their chat', async () => {
    const requestId = await openRequestId();
    const untouchedBefore = await app.store.records.listProgress('BUC', 'BUC-1.3');

    const turn = await app.client.sendInvoke(
      'answerEngagement',
      {
        serviceCode: 'BUC',
        requestId,
        'rag:BUC-1.1': 'green',
        'progress:BUC-1.1': 'Two more crews trained, 14 of 16 now',
        'evidence:BUC-1.1': 'https://bucks-fire.example/training.pdf\nhttps://bucks-fire.example/rota.xlsx',
        'rag:BUC-1.3': '',
        'progress:BUC-1.3': '',
        'evidence:BUC-1.3': '',
      },
      sloBucks,
    );

    expect(visibleText(invokeCard(turn))).toContain('Taylor Quinn answered on 22 November 2026');
    const progress = await app.store.records.listProgress('BUC', 'BUC-1.1');
    expect(progress.at(-1)).toMatchObject({
      by: sloBucks.objectId,
      source: 'sloResponse',
      rag: 'green',
      text: 'Two more crews trained, 14 of 16 now',
      evidenceLinks: ['https://bucks-fire.example/training.pdf', 'https://bucks-fire.example/rota.xlsx'],
    });
    const recommendation = await app.store.records.getRecommendation('BUC', 'BUC-1.1');
    expect(recommendation?.value).toMatchObject({ rag: 'green', latestUpdate: { source: 'sloResponse' } });
    // Left blank: nothing recorded on BUC-1.3.
    expect(await app.store.records.listProgress('BUC', 'BUC-1.3')).toEqual(untouchedBefore);
    expect((await app.store.records.getEngagementRequest('BUC', requestId))?.value).toMatchObject({
      status: 'answered',
      answeredBy: sloBucks.objectId,
    });
    const actions = (await app.store.records.listAudit('BUC', 'BUC-1')).map((event) => event.action);
    expect(actions).toEqual(expect.arrayContaining(['engagement.answered', 'recommendation.progress-added']));

    const toSll = turn.messages.filter((m) => m.conversation?.id === `a:personal-${sll.objectId}`);
    expect(toSll).toHaveLength(1);
    const told = visibleText(checked(toSll[0]?.attachments?.[0]?.content));
    expect(told).toContain('BUC-1: the service answered your request for an update');
    expect(told).toContain('Two more crews trained, 14 of 16 now');
  });

  it('says the request was already answered when a second answer comes', async () => {
    const requests = await app.store.records.listEngagementRequests('BUC');
    const answered = requests.find((r) => r.value.status === 'answered');

    const turn = await app.client.sendInvoke(
      'answerEngagement',
      { serviceCode: 'BUC', requestId: answered?.value.id ?? '', 'progress:BUC-1.1': 'Again' },
      sloBucks,
    );

    expect(visibleText(invokeCard(turn))).toContain(
      'This request was already answered by Taylor Quinn at 10:00 on 22 November 2026.',
    );
  });

  it('opens the “by when?” form from the CoC card and keeps a bad date with a message', async () => {
    const show = await app.client.sendMessage('show BUC-2', sll);
    expect(visibleText(checked(show.cards[0]))).toContain('Request update');

    const form = await app.client.sendInvoke('openEngagementRequestForm', { cocId: 'BUC-2' }, sll);
    expect(inputsOf(invokeCard(form)).get('dueDate')?.value).toBe('2026-12-20');

    const bad = await app.client.sendInvoke(
      'requestEngagement',
      { cocId: 'BUC-2', dueDate: '2026-11-01' },
      sll,
    );
    const badCard = invokeCard(bad);
    expect(visibleText(badCard)).toContain('Answer by must be after today (22 November 2026)');
    expect(inputsOf(badCard).get('dueDate')?.value).toBe('2026-11-01');
    expect(
      (await app.store.records.listEngagementRequests('BUC')).filter((r) => r.value.cocId === 'BUC-2'),
    ).toEqual([]);
  });

  it('reminds the service channel of a late answer once a week, and not twice the same week', async () => {
    const sent = await app.client.sendInvoke(
      'requestEngagement',
      { cocId: 'BUC-2', dueDate: '2026-11-25' },
      sll,
    );
    expect(visibleText(invokeCard(sent))).toContain(
      'I asked Buckinghamshire Fire and Rescue Service for an update on BUC-2',
    );
    const job = makeJob();

    const onTime = app.connector.calls.length;
    await job.run(new Date('2026-11-25T08:00:00Z'));
    expect(channelPosts(onTime)).toHaveLength(0);

    app.setNow(new Date('2026-11-27T08:00:00Z'));
    const late = app.connector.calls.length;
    await job.run(new Date('2026-11-27T08:00:00Z'));
    await job.run(new Date('2026-11-27T08:05:00Z'));
    const reminders = channelPosts(late);
    expect(reminders).toHaveLength(1);
    const reminder = visibleText(checked(reminders[0]?.activity.attachments?.[0]?.content));
    expect(reminder).toContain('<at>Taylor Quinn</at>: the update on BUC-2');
    expect(reminder).toContain('asked for by 25 November 2026 has not been sent yet (2 days late)');

    const sixDaysOn = app.connector.calls.length;
    await job.run(new Date('2026-12-03T08:00:00Z'));
    expect(channelPosts(sixDaysOn)).toHaveLength(0);
    const weekOn = app.connector.calls.length;
    await job.run(new Date('2026-12-04T08:00:00Z'));
    expect(channelPosts(weekOn)).toHaveLength(1);
    app.setNow(new Date('2026-11-22T10:00:00Z'));
  });
});
