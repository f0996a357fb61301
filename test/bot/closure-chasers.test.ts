import type { Activity, ConversationReference } from 'botbuilder';
import { demoPeople } from '../../src/demo/people';
import { approvalChaserJob } from '../../src/app/closure/chase-approvals';
import { createNotifier } from '../../src/bot/notifier';
import type { ProactiveSender } from '../../src/bot/proactive';
import { useAppUnderTest } from '../support/app-under-test';
import { visibleText } from '../support/bot-client';
import { findCardProblems } from '../support/card-validator';

/** A proactive sender that only records what it was asked to send, and to which conversation. */
function recordingSender(): ProactiveSender & { sent: { conversationId: string; card: unknown }[] } {
  const sent: { conversationId: string; card: unknown }[] = [];
  return {
    sent,
    send(reference: Partial<ConversationReference>, activity: Partial<Activity>) {
      sent.push({
        conversationId: reference.conversation?.id ?? '',
        card: activity.attachments?.[0]?.content,
      });
      return Promise.resolve(`sent-${String(sent.length)}`);
    },
    update() {
      return Promise.resolve();
    },
  };
}

describe('the approval chaser job', () => {
  const app = useAppUnderTest();
  beforeAll(async () => {
    await app.client.sendMessage('help', demoPeople.cos);
    await app.client.sendMessage('help', demoPeople.hmi);
    // Raised on Sunday 22 November 2026, before the CoS has decided.
    await app.client.sendInvoke(
      'submitClosureRequest',
      {
        subjectId: 'HWF-1.2',
        link1: 'https://evidence.example.org/plan.pdf',
        validationNote: 'Checked on site.',
      },
      demoPeople.sll,
    );
  });

  function chaserJob(
    proactive: ProactiveSender,
    limits?: { reminderWorkingDays: number; escalationWorkingDays: number },
  ) {
    return approvalChaserJob(app.appContext, createNotifier(proactive), () => undefined, limits);
  }

  it('reminds the Chief of Staff after 5 working days, once, with the card to decide on', async () => {
    const sender = recordingSender();
    const job = chaserJob(sender);

    await job.run(new Date('2026-11-26T08:00:00Z')); // Thursday: 4 working days
    expect(sender.sent).toEqual([]);
    await job.run(new Date('2026-11-27T08:00:00Z')); // Friday: 5 working days
    await job.run(new Date('2026-11-27T09:00:00Z')); // run again the same day

    expect(sender.sent).toHaveLength(1);
    expect(sender.sent[0]?.conversationId).toBe(`a:personal-${demoPeople.cos.objectId}`);
    const text = visibleText(sender.sent[0]?.card);
    expect(text).toContain(
      'Reminder: the closure of HWF-1.2 has waited 5 working days for your decision as Chief of Staff.',
    );
    expect(text).toContain('Approve');
    expect(findCardProblems(sender.sent[0]?.card)).toEqual([]);
  });

  it('flags the request to the HM Inspector after 10 working days, read-only', async () => {
    const sender = recordingSender();
    await chaserJob(sender, { reminderWorkingDays: 5, escalationWorkingDays: 10 }).run(
      new Date('2026-12-04T08:00:00Z'),
    );

    expect(sender.sent).toHaveLength(1);
    expect(sender.sent[0]?.conversationId).toBe(`a:personal-${demoPeople.hmi.objectId}`);
    const text = visibleText(sender.sent[0]?.card);
    expect(text).toContain(
      'Flagged to you: the closure of HWF-1.2 has waited 10 working days for Morgan Hughes (Chief of Staff).',
    );
    expect(text).not.toContain('Approve');
    const requests = await app.store.records.listClosureRequests('HWF');
    expect(requests[0]?.value.chasers?.map((c) => c.kind)).toEqual(['reminder', 'escalation']);
  });
});
