/**
 * The bot process killed between a change's answer and the follow-up work of its outbox entry: the
 * Service Liaison Lead has been told the closure request is saved, but the service channel's status
 * card, the Chief of Staff's approval card and the due index are still to come. A new process must
 * deliver every one of them, each once.
 */
import { checkDueIndex } from '../../src/app/reminders/due-index';
import { createAppContext } from '../../src/app/shared/app-context';
import { demoPeople } from '../../src/demo/people';
import { demoToday } from '../../src/demo/records';
import { seedDemoData } from '../../src/demo/seed';
import { createStore, type Store } from '../../src/store';
import { createBotClient, startFakeConnector, visibleText } from '../support/bot-client';
import { testConnectionString, uniqueTablePrefix } from '../support/storage';
import { waitUntil } from '../support/wait-for';
import { startBotProcess, type BotProcess } from './faults-support/bot-process';
import { startGatedConnector } from './faults-support/gated-connector';
import { channelOf, registerServiceChannel } from './faults-support/service-channels';

const morning = new Date(`${demoToday}T10:00:00Z`);
/** The restart comes after the outbox's grace period for the dead process's entry (5 minutes). */
const later = new Date(morning.getTime() + 20 * 60 * 1000);

describe('the bot process killed after answering, before its follow-up work was done', () => {
  it('delivers the channel card, the approver’s card and the due index after a restart, each once', async () => {
    const tablePrefix = uniqueTablePrefix();
    const connectionString = testConnectionString();
    const store: Store = createStore({ connectionString, tablePrefix });
    await store.ensureTables();
    await seedDemoData(store);
    const fake = await startFakeConnector();
    const serviceChannel = channelOf('BUC');
    // Holds the closure's status card in the service channel unanswered (Teams never took it).
    const gate = await startGatedConnector(fake, {
      holdDigest: 1,
      deliverHeld: false,
      holds: (method, path, body) =>
        method === 'POST' && decodeURIComponent(path).includes(serviceChannel) && body.includes('BUC-1.1'),
    });
    const processes: BotProcess[] = [];
    try {
      const first = await startBotProcess({ connectionString, tablePrefix, clockStart: morning });
      processes.push(first);
      const client = createBotClient(first.url, { ...fake, serviceUrl: gate.serviceUrl });
      for (const person of [demoPeople.sll, demoPeople.cos]) await client.sendMessage('help', person);
      await registerServiceChannel(client, 'BUC');

      const turn = await client.sendInvoke(
        'submitClosureRequest',
        { subjectId: 'BUC-1.1', validationNote: 'Seen on a visit.', link1: 'https://example.org/audit.pdf' },
        demoPeople.sll,
      );
      expect(visibleText((turn.body as { value?: unknown }).value)).toContain('Closure of BUC-1.1 requested');
      expect(await gate.held).toBe(serviceChannel);
      await first.kill();

      // At the kill: the request is saved, its follow-up work waits in the outbox, nothing went out.
      const waiting = await store.records.listOutbox();
      expect(waiting.map((entry) => entry.value.jobs.map((job) => job.kind))).toEqual([
        ['closure-raised', 'index'],
      ]);
      const postsTo = (conversationId: string) =>
        fake.calls.filter(
          (call) =>
            call.method === 'POST' &&
            call.conversationId === conversationId &&
            visibleText(call.activity.attachments?.[0]?.content).includes('BUC-1.1'),
        );
      const cosChat = `a:personal-${demoPeople.cos.objectId}`;
      expect(postsTo(serviceChannel)).toEqual([]);
      expect(postsTo(cosChat)).toEqual([]);
      expect(await store.dueIndex.readRecord('BUC', 'BUC-1')).toBeNull();

      const second = await startBotProcess({ connectionString, tablePrefix, clockStart: later });
      processes.push(second);
      await waitUntil('the outbox to be done', async () => (await store.records.listOutbox()).length === 0, {
        everyMs: 100,
      });

      expect(postsTo(serviceChannel)).toHaveLength(1);
      expect(postsTo(cosChat)).toHaveLength(1);
      expect(visibleText(postsTo(cosChat)[0]?.activity.attachments?.[0]?.content)).toContain('Approve');
      const requests = await store.records.listClosureRequests('BUC');
      expect(requests[0]?.value.channelActivityId).toBeDefined();
      const context = createAppContext(store, { now: () => later });
      // The seed was never indexed (the first sweep builds the index); BUC-1 now is, and agrees with its records.
      expect(await store.dueIndex.readRecord('BUC', 'BUC-1')).not.toBeNull();
      const check = await checkDueIndex(context, { repair: false });
      expect(check.outOfStep.map((record) => record.recordId)).not.toContain('BUC-1');
    } finally {
      for (const child of processes) await child.kill();
      await gate.close();
      await fake.close();
    }
  }, 120_000);
});
