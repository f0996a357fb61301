import { randomUUID } from 'node:crypto';
import { extraDemoPeople } from '../../src/demo/extra-people';
import { demoPeople } from '../../src/demo/people';
import { useAppUnderTest } from '../support/app-under-test';
import { visibleText } from '../support/bot-client';
import { findCardProblems } from '../support/card-validator';
import { invokeCard, inputValue } from '../support/cards';

/** The data Teams sends when the form is submitted: the card's `formId` plus every input. */
function aCocForm(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    formId: randomUUID(),
    serviceCode: 'BUC',
    title: 'Prevention work is not prioritised by risk',
    finding: 'The service does not target its home fire safety checks at the people most at risk.',
    pillar: 'effectiveness',
    publicSafetyRisk: 'true',
    fieldworkEndDate: '2026-10-02',
    letterDate: '2026-11-06',
    reportPublishedDate: '',
    actionPlanRule: 'workingDaysFromLetter',
    actionPlanFixedDate: '',
    recommendation1: 'Target home fire safety checks at the people most at risk.',
    recommendation1TargetDate: '2027-03-31',
    recommendation2: 'Evaluate the prevention activity it carries out.',
    recommendation2TargetDate: '2027-06-30',
    recommendation3: 'Train staff to identify vulnerability.',
    recommendation3TargetDate: '',
    recommendation4: '',
    recommendation4TargetDate: '',
    recommendation5: '',
    recommendation5TargetDate: '',
    sll: demoPeople.sll.objectId,
    cos: demoPeople.cos.objectId,
    hmi: demoPeople.hmi.objectId,
    ...overrides,
  };
}

/** The red message drawn right under an input (the element that follows it), or undefined. */
function messageUnder(card: unknown, id: string): string | undefined {
  let found: string | undefined;
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) {
      node.forEach((item: unknown, index) => {
        if (typeof item === 'object' && item !== null && (item as { id?: unknown }).id === id) {
          const next = node[index + 1] as { type?: unknown; color?: unknown; text?: unknown } | undefined;
          if (next?.type === 'TextBlock' && next.color === 'Attention' && typeof next.text === 'string') {
            found = next.text;
          }
        }
        walk(item);
      });
    } else if (typeof node === 'object' && node !== null) Object.values(node).forEach(walk);
  };
  walk(card);
  return found;
}

describe('issuing a cause of concern from the new coc form', () => {
  const app = useAppUnderTest();

  async function nextCocId(serviceCode: string): Promise<string> {
    return (await app.store.records.nextNumber(serviceCode, 'coc')).id;
  }

  async function cocCount(serviceCode: string): Promise<number> {
    return (await app.store.records.listCocs(serviceCode)).length;
  }

  it('offers the SLL a form for their own services, with the region’s owners chosen', async () => {
    const turn = await app.client.sendMessage('new coc', demoPeople.sll);

    const form = turn.cards[0];
    expect(findCardProblems(form)).toEqual([]);
    const text = visibleText(form);
    expect(text).toContain('New cause of concern');
    expect(text).toContain('Buckinghamshire Fire and Rescue Service (BUC)');
    expect(text).toContain('Hereford & Worcester Fire and Rescue Service (HWF)');
    expect(text).not.toContain('London Fire Brigade');
    expect(text.indexOf('Buckinghamshire')).toBeLessThan(text.indexOf('Hereford'));
    expect(inputValue(form, 'serviceCode')).toBe('BUC');
    expect(inputValue(form, 'sll')).toBe(demoPeople.sll.objectId);
    expect(inputValue(form, 'cos')).toBe(demoPeople.cos.objectId);
    expect(inputValue(form, 'hmi')).toBe(demoPeople.hmi.objectId);
    expect(JSON.stringify(form)).toContain('"verb":"issueCoc"');
  });

  it('offers an administrator every service', async () => {
    const turn = await app.client.sendMessage('new coc', demoPeople.admin);

    const text = visibleText(turn.cards[0]);
    expect(text).toContain('London Fire Brigade (LFB)');
    expect(text).toContain('West Yorkshire Fire and Rescue Service (WYF)');
    expect(findCardProblems(turn.cards[0])).toEqual([]);
  });

  it('answers new coc when mentioned in a channel', async () => {
    const turn = await app.client.sendMessage('new coc', demoPeople.sll, {
      conversationType: 'channel',
      mentionBot: true,
    });

    expect(visibleText(turn.cards[0])).toContain('New cause of concern');
  });

  it('issues a CoC with three recommendations and shows its id and due dates in place of the form', async () => {
    const expectedId = await nextCocId('BUC');

    const turn = await app.client.sendInvoke('issueCoc', aCocForm(), demoPeople.sll);

    const text = visibleText(invokeCard(turn));
    expect(text).toContain(`Cause of concern ${expectedId} issued`);
    expect(text).toContain('Prevention work is not prioritised by risk');
    expect(text).toContain('Notification letter due\n13 November 2026');
    expect(text).toContain('Action plan due\n16 December 2026');
    expect(text).toContain('First quarterly update due\n6 February 2027');
    expect(text).toContain('between 6 February 2027 and 6 May 2027');
    expect(text).toContain(`${expectedId}.1: target date 31 March 2027`);
    expect(text).toContain(`${expectedId}.2: target date 30 June 2027`);
    expect(text).toContain(`${expectedId}.3: no target date`);
    const card = invokeCard(turn);
    expect(card.actions).toEqual([
      { type: 'Action.Execute', title: 'Open', verb: 'showCoc', data: { cocId: expectedId } },
    ]);

    const saved = await app.store.records.getCocWithRecommendations('BUC', expectedId);
    expect(saved?.coc.value).toMatchObject({
      title: 'Prevention work is not prioritised by risk',
      status: 'open',
      publicSafetyRisk: true,
      letterDate: '2026-11-06',
      owners: { sll: demoPeople.sll.objectId, cos: demoPeople.cos.objectId, hmi: demoPeople.hmi.objectId },
      createdBy: demoPeople.sll.objectId,
    });
    expect(saved?.recommendations.map((r) => [r.value.id, r.value.originalTargetDate])).toEqual([
      [`${expectedId}.1`, '2027-03-31'],
      [`${expectedId}.2`, '2027-06-30'],
      [`${expectedId}.3`, undefined],
    ]);
    const audit = await app.store.records.listAudit('BUC', expectedId);
    expect(audit.map((event) => event.action).sort()).toEqual([
      'coc.issued',
      'recommendation.issued',
      'recommendation.issued',
      'recommendation.issued',
    ]);
    expect(audit.every((event) => event.actor === demoPeople.sll.objectId)).toBe(true);
  });

  it('says the action plan is awaiting the letter date when there is no letter yet', async () => {
    const turn = await app.client.sendInvoke(
      'issueCoc',
      aCocForm({ letterDate: '', publicSafetyRisk: 'false' }),
      demoPeople.sll,
    );

    const text = visibleText(invokeCard(turn));
    expect(text).toContain('Action plan due\nawaiting the letter date');
    expect(text).toContain('not needed: not a potential risk to public safety');
  });

  it.each([
    ['a missing title', { title: '' }, 'title', 'Enter the title.'],
    [
      'a report published before fieldwork ended',
      { reportPublishedDate: '2026-09-01' },
      'reportPublishedDate',
      "The report can't be published before fieldwork ended.",
    ],
    [
      'a fixed-date rule without a date',
      { actionPlanRule: 'fixedDate', actionPlanFixedDate: '' },
      'actionPlanFixedDate',
      'Enter the fixed date for the action plan.',
    ],
    [
      'a title over 200 characters',
      { title: 'x'.repeat(201) },
      'title',
      'The title must be at most 200 characters; it has 201.',
    ],
    [
      'a Chief of Staff who is not one',
      { cos: demoPeople.hmi.objectId },
      'cos',
      'Alex Carter is not a Chief of Staff',
    ],
    [
      'no recommendation at all',
      {
        recommendation1: '',
        recommendation1TargetDate: '',
        recommendation2: '',
        recommendation2TargetDate: '',
        recommendation3: '',
      },
      'recommendation1',
      'Write at least one recommendation.',
    ],
    [
      'a target date without its recommendation',
      { recommendation3: '', recommendation3TargetDate: '2027-01-31' },
      'recommendation3',
      'Write recommendation 3, or clear its target date.',
    ],
  ])(
    'returns the form with the typed values kept for %s, and writes nothing',
    async (_story, overrides, field, message) => {
      const countBefore = await cocCount('BUC');
      const idBefore = await nextCocId('BUC');
      const data = aCocForm(overrides);

      const turn = await app.client.sendInvoke('issueCoc', data, demoPeople.sll);

      const form = invokeCard(turn);
      const text = visibleText(form);
      expect(text).toContain('Nothing was saved. Please correct the fields marked below.');
      expect(text).toContain(message);
      expect(JSON.stringify(form)).toContain('"verb":"issueCoc"');
      expect(JSON.stringify(form)).toContain(`"formId":"${String(data.formId)}"`);
      for (const kept of [
        'finding',
        'fieldworkEndDate',
        'pillar',
        'recommendation2TargetDate',
        'sll',
        'hmi',
      ]) {
        expect(inputValue(form, kept)).toBe(data[kept]);
      }
      expect(inputValue(form, field)).toBe(data[field]);
      expect(visibleText({ text: messageUnder(form, field) })).toContain(message);
      expect(await cocCount('BUC')).toBe(countBefore);
      expect(await nextCocId('BUC')).toBe(idBefore);
    },
  );

  it('marks every faulty field at once', async () => {
    const turn = await app.client.sendInvoke(
      'issueCoc',
      aCocForm({ title: '', letterDate: '2026-09-30', actionPlanRule: 'fixedDate' }),
      demoPeople.sll,
    );

    const text = visibleText(invokeCard(turn));
    expect(text).toContain('Enter the title.');
    expect(text).toContain("The letter can't be dated before fieldwork ended.");
    expect(text).toContain('Enter the fixed date for the action plan.');
  });

  it('refuses a Service Liaison Officer, saying why', async () => {
    const opened = await app.client.sendMessage('new coc', demoPeople.slo);
    expect(findCardProblems(opened.cards[0])).toEqual([]);
    expect(visibleText(opened.cards[0])).toContain(
      "You can't issue a cause of concern: as a Service Liaison Officer you can add progress notes",
    );

    const countBefore = await cocCount('HWF');
    const submitted = await app.client.sendInvoke(
      'issueCoc',
      aCocForm({ serviceCode: 'HWF' }),
      demoPeople.slo,
    );

    expect(visibleText(invokeCard(submitted))).toContain('as a Service Liaison Officer');
    expect(await cocCount('HWF')).toBe(countBefore);
  });

  it('refuses an SLL of another region, naming the service', async () => {
    const countBefore = await cocCount('BUC');

    const turn = await app.client.sendInvoke('issueCoc', aCocForm(), extraDemoPeople.sllNorth);

    expect(visibleText(invokeCard(turn))).toContain(
      "You can't issue a cause of concern: you are not the Service Liaison Lead for Buckinghamshire Fire and Rescue Service.",
    );
    expect(await cocCount('BUC')).toBe(countBefore);
  });

  it('refuses a forged service code for a service the SLL does not cover', async () => {
    const countBefore = await cocCount('LFB');

    const turn = await app.client.sendInvoke('issueCoc', aCocForm({ serviceCode: 'LFB' }), demoPeople.sll);

    const text = visibleText(invokeCard(turn));
    expect(text).toContain('you are not the Service Liaison Lead for London Fire Brigade');
    expect(text).toContain('Nothing was saved.');
    expect(await cocCount('LFB')).toBe(countBefore);
  });

  it('creates one CoC when the same form is submitted twice, and shows it both times', async () => {
    const data = aCocForm({ title: 'Submitted twice' });
    const countBefore = await cocCount('BUC');

    const first = await app.client.sendInvoke('issueCoc', data, demoPeople.sll);
    const second = await app.client.sendInvoke('issueCoc', data, demoPeople.sll);

    const firstId = /Cause of concern (BUC-\d+) issued/.exec(visibleText(invokeCard(first)))?.[1];
    expect(firstId).toBeDefined();
    expect(visibleText(invokeCard(second))).toContain(`Cause of concern ${String(firstId)} issued`);
    expect(visibleText(invokeCard(second))).toContain('This form had already been submitted');
    expect(await cocCount('BUC')).toBe(countBefore + 1);
  });

  it('creates one CoC when the same form is submitted twice at the same moment', async () => {
    const data = aCocForm({ title: 'Double click' });
    const countBefore = await cocCount('BUC');

    const turns = await Promise.all([
      app.client.sendInvoke('issueCoc', data, demoPeople.sll),
      app.client.sendInvoke('issueCoc', data, demoPeople.sll),
    ]);

    const ids = turns.map(
      (turn) => /Cause of concern (BUC-\d+) issued/.exec(visibleText(invokeCard(turn)))?.[1],
    );
    expect(ids[0]).toBeDefined();
    expect(ids[1]).toBe(ids[0]);
    const titles = (await app.store.records.listCocs('BUC')).map((coc) => coc.value.title);
    expect(titles.filter((title) => title === 'Double click')).toHaveLength(1);
    expect(titles).toHaveLength(countBefore + 1);
  });

  it('gives two different forms submitted at the same moment two different ids', async () => {
    const turns = await Promise.all([
      app.client.sendInvoke('issueCoc', aCocForm({ title: 'First at once' }), demoPeople.sll),
      app.client.sendInvoke('issueCoc', aCocForm({ title: 'Second at once' }), demoPeople.sll),
    ]);

    const ids = turns.map(
      (turn) => /Cause of concern (BUC-\d+) issued/.exec(visibleText(invokeCard(turn)))?.[1],
    );
    expect(ids[0]).toBeDefined();
    expect(ids[1]).toBeDefined();
    expect(ids[0]).not.toBe(ids[1]);
    const saved = await Promise.all(ids.map((id) => app.store.records.getCoc('BUC', String(id))));
    expect(saved.map((coc) => coc?.value.title).sort()).toEqual(['First at once', 'Second at once']);
  });

  it('shows a typed Markdown link as the literal text, never as a link', async () => {
    const title = '[link](https://evil.example)';

    const turn = await app.client.sendInvoke(
      'issueCoc',
      aCocForm({ title, recommendation1: '**bold** [click](https://evil.example)' }),
      demoPeople.sll,
    );

    const card = invokeCard(turn);
    expect(visibleText(card)).toContain(title);
    expect(visibleText(card)).toContain('**bold** [click](https://evil.example)');
    const raw = JSON.stringify(card);
    expect(raw).not.toMatch(/[^\\]\[link\]\(https/);
    expect(raw).not.toMatch(/[^\\]\[click\]\(https/);
    expect(raw).not.toMatch(/[^\\]\*\*bold/);
  });

  describe('with a service channel registered for Buckinghamshire', () => {
    const channelId = '19:service-updates@thread.tacv2';

    /** Issues a CoC titled `title` as the SLL: the confirmation, and how many connector calls came before. */
    const issueTitled = async (title: string) => {
      const callsBefore = app.connector.calls.length;
      const turn = await app.client.sendInvoke('issueCoc', aCocForm({ title }), demoPeople.sll);
      return { confirmation: visibleText(invokeCard(turn)), callsBefore };
    };
    /** What the bot posted to the service channel after call number `callsBefore`. */
    const channelPostsSince = (callsBefore: number) =>
      app.connector.calls.slice(callsBefore).filter((call) => call.conversationId === channelId);

    beforeAll(async () => {
      await app.client.sendMessage('register service BUC', demoPeople.sll, {
        conversationType: 'channel',
        mentionBot: true,
      });
    });

    it('posts a read-only summary of the new CoC to the channel', async () => {
      const { confirmation, callsBefore } = await issueTitled('Announced in the channel');

      const id = /Cause of concern (BUC-\d+) issued/.exec(confirmation)?.[1];
      expect(confirmation).toContain(
        'A summary was posted to the channel of Buckinghamshire Fire and Rescue Service.',
      );
      const posts = channelPostsSince(callsBefore);
      expect(posts).toHaveLength(1);
      const summary: unknown = posts[0]?.activity.attachments?.[0]?.content;
      expect(findCardProblems(summary)).toEqual([]);
      const text = visibleText(summary);
      expect(text).toContain(`New cause of concern ${String(id)}`);
      expect(text).toContain('Announced in the channel');
      expect(text).toContain(`${String(id)}.1: target date 31 March 2027`);
      expect(text).toContain('Issued by Sam Patel.');
      expect(JSON.stringify(summary)).not.toContain('Action.');
    });

    it('still issues the CoC when the channel cannot be reached, and tells the SLL', async () => {
      const countBefore = await cocCount('BUC');
      app.connector.failNext(1, { status: 403 });

      const { confirmation, callsBefore } = await issueTitled('Channel unreachable');

      expect(confirmation).toMatch(/Cause of concern BUC-\d+ issued/);
      expect(confirmation).toContain(
        "The record is saved, but I couldn't reach the channel of Buckinghamshire Fire and Rescue Service",
      );
      expect(await cocCount('BUC')).toBe(countBefore + 1);
      expect(app.connector.calls.slice(callsBefore)).toEqual([]);
    });

    it('does not post again when the same form is submitted twice', async () => {
      const data = aCocForm({ title: 'Posted once' });
      const callsBefore = app.connector.calls.length;

      await app.client.sendInvoke('issueCoc', data, demoPeople.sll);
      await app.client.sendInvoke('issueCoc', data, demoPeople.sll);

      const posts = channelPostsSince(callsBefore);
      expect(posts).toHaveLength(1);
    });
  });
});
