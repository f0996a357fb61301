/**
 * Editing a cause of concern from its card: the SLL changes its dates and words, the deadlines
 * follow, history says old → new in plain words; a CoC issued before its letter gets its letter date
 * this way; bad input and a stale form are refused with the reason, keeping what was typed.
 */
import { demoPeople } from '../../src/demo/people';
import { useAppUnderTest } from '../support/app-under-test';
import { aCocFormSubmission } from '../support/builders';
import { visibleText } from '../support/bot-client';
import { action, actionsOf, inputsOf, inputValue, invokeCard, shownIn } from '../support/cards';

const sll = demoPeople.sll;

describe('editing a cause of concern', () => {
  const app = useAppUnderTest();

  async function editForm(cocId: string) {
    const card = (await app.client.sendMessage(`show ${cocId}`, sll)).cards[0];
    return invokeCard(await app.client.sendInvoke('openCocEdit', action(card, 'Edit').data, sll));
  }
  /** Presses Save as Teams does: every input's value, with `values` typed over them. */
  const save = (form: unknown, values: Record<string, string>, by = sll) => {
    const inputs = Object.fromEntries([...inputsOf(form)].map(([id, input]) => [id, input.value]));
    return app.client.sendInvoke(
      'saveCocEdit',
      { ...action(form, 'Save changes').data, ...inputs, ...values },
      by,
    );
  };

  it('offers the SLL an Edit button, and the Chief of Staff none', async () => {
    const forSll = (await app.client.sendMessage('show HWF-1', sll)).cards[0];
    const forCos = (await app.client.sendMessage('show HWF-1', demoPeople.cos)).cards[0];

    expect(actionsOf(forSll).map((a) => a.title)).toContain('Edit');
    expect(actionsOf(forCos).map((a) => a.title)).not.toContain('Edit');
  });

  it('moves the letter date, and the action plan deadline with it, with history in words', async () => {
    const form = await editForm('HWF-1');
    expect(inputValue(form, 'letterDate')).toBe('2026-10-30');
    expect(inputsOf(form).has('checkCopySentDate')).toBe(true); // HWF-1 is a risk to public safety

    const turn = await save(form, { letterDate: '2026-11-06', fieldworkStartDate: '2026-09-14' });

    const text = shownIn(turn);
    expect(text).toContain('Saved: HWF-1 changed. Its deadlines follow the new dates.');
    expect(text).toContain('Within 28 working days of the letter of 6 November 2026: 16 December 2026');
    const history = shownIn(await app.client.sendMessage('history HWF-1', sll));
    expect(history).toContain('Changed cause of concern HWF-1');
    expect(history).toContain('Letter date 30 October 2026 → 6 November 2026');
    expect(history).toContain('Fieldwork started (none) → 14 September 2026');
  });

  it('gives a CoC issued before its letter its letter date', async () => {
    const issued = await app.client.sendInvoke(
      'issueCoc',
      aCocFormSubmission({
        title: 'Protection staff are not trained',
        publicSafetyRisk: 'true',
        fieldworkEndDate: '2026-10-30',
        letterDate: '',
        actionPlanRule: 'daysFromLetter',
      }),
      sll,
    );
    const cocId = /Cause of concern (BUC-\d+) issued/.exec(shownIn(issued))?.[1] ?? '';
    const form = await editForm(cocId);
    expect(inputsOf(form).has('checkCopySentDate')).toBe(true);

    const turn = await save(form, { letterDate: '2026-11-20', checkCopySentDate: '2026-11-10' });

    expect(shownIn(turn)).toContain('Within 28 days of the letter of 20 November 2026: 18 December 2026');
    expect((await app.store.records.getCoc('BUC', cocId))?.value).toMatchObject({
      letterDate: '2026-11-20',
      checkCopySentDate: '2026-11-10',
    });
  });

  it('names each field at fault and keeps what was typed', async () => {
    const form = await editForm('BUC-2');
    expect(inputsOf(form).has('checkCopySentDate')).toBe(false); // not a risk to public safety
    const before = (await app.store.records.getCoc('BUC', 'BUC-2'))?.value;

    const refused = invokeCard(
      await save(form, { title: '  ', fieldworkStartDate: '2026-12-01', letterDate: '31/11/2026' }),
    );

    const text = visibleText(refused);
    expect(text).toContain('Nothing was saved');
    expect(text).toContain('Enter the title.');
    expect(text).toContain('The letter date must be a real date.');
    expect(inputValue(refused, 'letterDate')).toBe('31/11/2026');
    expect(inputValue(refused, 'fieldworkStartDate')).toBe('2026-12-01');
    expect((await app.store.records.getCoc('BUC', 'BUC-2'))?.value).toEqual(before);
  });

  it('refuses fieldwork that ends before it started', async () => {
    const form = await editForm('BUC-2');

    const refused = invokeCard(await save(form, { fieldworkStartDate: '2030-01-01' }));

    expect(visibleText(refused)).toContain("Fieldwork can't end before it started.");
  });

  it('refuses a form drawn before someone else saved, saying who, and keeps what was typed', async () => {
    const first = await editForm('HWF-1');
    const second = await editForm('HWF-1');
    app.setNow(new Date('2026-11-22T14:05:00Z'));
    await save(first, { title: 'Risk-based inspection programme behind plan' });

    const refused = invokeCard(await save(second, { title: 'Another title' }));

    expect(visibleText(refused)).toContain(
      'Nothing was saved: This cause of concern was changed by Sam Patel',
    );
    expect(inputValue(refused, 'title')).toBe('Another title');
    expect((await app.store.records.getCoc('HWF', 'HWF-1'))?.value.title).toBe(
      'Risk-based inspection programme behind plan',
    );
  });
});
