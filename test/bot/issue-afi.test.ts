import { randomUUID } from 'node:crypto';
import { extraDemoPeople } from '../../src/demo/extra-people';
import { demoPeople } from '../../src/demo/people';
import { useAppUnderTest } from '../support/app-under-test';
import { visibleText } from '../support/bot-client';
import { findCardProblems } from '../support/card-validator';
import { invokeCard } from '../support/cards';

/** The data Teams sends when the AFI form is submitted. */
function anAfiForm(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    formId: randomUUID(),
    serviceCode: 'HWF',
    questionRef: 'es1.1',
    text: 'The service should make sure its risk management plan is informed by a comprehensive understanding of current and future risk.',
    finding: 'The plan uses data that is several years old.',
    targetDate: '2027-09-30',
    sll: demoPeople.sll.objectId,
    cos: demoPeople.cos.objectId,
    ...overrides,
  };
}

describe('issuing an area for improvement from the new afi form', () => {
  const app = useAppUnderTest();

  async function afiCount(serviceCode: string): Promise<number> {
    return (await app.store.records.listAfis(serviceCode)).length;
  }

  it('offers the SLL a form for their own services', async () => {
    const turn = await app.client.sendMessage('new afi', demoPeople.sll);

    const form = turn.cards[0];
    expect(findCardProblems(form)).toEqual([]);
    const text = visibleText(form);
    expect(text).toContain('New area for improvement');
    expect(text).toContain('Hereford & Worcester Fire and Rescue Service (HWF)');
    expect(text).not.toContain('London Fire Brigade');
    expect(JSON.stringify(form)).toContain('"verb":"issueAfi"');
  });

  it('issues the AFI and shows its id and target date in place of the form', async () => {
    const expectedId = (await app.store.records.nextNumber('HWF', 'afi')).id;

    const turn = await app.client.sendInvoke('issueAfi', anAfiForm(), demoPeople.sll);

    const text = visibleText(invokeCard(turn));
    expect(text).toContain(`Area for improvement ${expectedId} issued`);
    expect(text).toContain('Target date\n30 September 2027');
    expect(text).toContain('Question\nES1.1');
    const saved = await app.store.records.getAfi('HWF', expectedId);
    expect(saved?.value).toMatchObject({
      questionRef: 'ES1.1',
      status: 'open',
      targetDate: '2027-09-30',
      sll: demoPeople.sll.objectId,
      cos: demoPeople.cos.objectId,
      finding: 'The plan uses data that is several years old.',
    });
    const audit = await app.store.records.listAudit('HWF', expectedId);
    expect(audit.map((event) => [event.action, event.actor])).toEqual([
      ['afi.issued', demoPeople.sll.objectId],
    ]);
  });

  it.each([
    [
      'a question reference that is not one',
      { questionRef: 'question 1' },
      'The question reference must look like ES1.1 or P1.12.',
    ],
    ['a missing text', { text: '  ' }, 'Enter the area for improvement.'],
    [
      'an HM Inspector chosen as Chief of Staff',
      { cos: demoPeople.hmi.objectId },
      'Alex Carter is not a Chief of Staff',
    ],
  ])(
    'returns the form with the typed values kept for %s, and writes nothing',
    async (_story, overrides, message) => {
      const countBefore = await afiCount('HWF');
      const data = anAfiForm(overrides);

      const turn = await app.client.sendInvoke('issueAfi', data, demoPeople.sll);

      const form = invokeCard(turn);
      const text = visibleText(form);
      expect(text).toContain(message);
      expect(text).toContain('Nothing was saved.');
      expect(text).toContain(String(data.finding));
      expect(JSON.stringify(form)).toContain(`"formId":"${String(data.formId)}"`);
      expect(await afiCount('HWF')).toBe(countBefore);
    },
  );

  it('refuses an SLL of another region, naming the service', async () => {
    const countBefore = await afiCount('HWF');

    const turn = await app.client.sendInvoke('issueAfi', anAfiForm(), extraDemoPeople.sllSouth);

    expect(visibleText(invokeCard(turn))).toContain(
      "You can't issue an area for improvement: you are not the Service Liaison Lead for Hereford & Worcester Fire and Rescue Service.",
    );
    expect(await afiCount('HWF')).toBe(countBefore);
  });

  it('refuses a Service Liaison Officer the form itself', async () => {
    const turn = await app.client.sendMessage('new afi', demoPeople.slo);

    expect(findCardProblems(turn.cards[0])).toEqual([]);
    expect(visibleText(turn.cards[0])).toContain(
      "You can't issue an area for improvement: as a Service Liaison Officer",
    );
  });

  it('creates one AFI when the same form is submitted twice', async () => {
    const data = anAfiForm({ text: 'Submitted twice' });
    const countBefore = await afiCount('HWF');

    const first = await app.client.sendInvoke('issueAfi', data, demoPeople.sll);
    const second = await app.client.sendInvoke('issueAfi', data, demoPeople.sll);

    const id = /Area for improvement (HWF-AFI-\d+) issued/.exec(visibleText(invokeCard(first)))?.[1];
    expect(id).toBeDefined();
    expect(visibleText(invokeCard(second))).toContain(`Area for improvement ${String(id)} issued`);
    expect(await afiCount('HWF')).toBe(countBefore + 1);
  });

  it('posts a summary to the service channel when one is registered', async () => {
    await app.client.sendMessage('register service HWF', demoPeople.sll, {
      conversationType: 'channel',
      mentionBot: true,
    });
    const callsBefore = app.connector.calls.length;

    const turn = await app.client.sendInvoke(
      'issueAfi',
      anAfiForm({ text: '[Announced](https://evil.example)' }),
      demoPeople.sll,
    );

    expect(visibleText(invokeCard(turn))).toContain(
      'A summary was posted to the channel of Hereford & Worcester',
    );
    const posts = app.connector.calls
      .slice(callsBefore)
      .filter((call) => call.conversationId === '19:service-updates@thread.tacv2');
    expect(posts).toHaveLength(1);
    const summary: unknown = posts[0]?.activity.attachments?.[0]?.content;
    expect(findCardProblems(summary)).toEqual([]);
    expect(visibleText(summary)).toContain('New area for improvement HWF-AFI-');
    expect(visibleText(summary)).toContain('[Announced](https://evil.example)');
    expect(JSON.stringify(summary)).not.toContain('"[Announced](https');
  });
});
