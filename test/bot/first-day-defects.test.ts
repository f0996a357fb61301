/**
 * What a new user trips over on the first day, each as they would meet it: Open on an area for
 * improvement in a list, the closure chain in history, the headings of refusals, the HM Inspector's
 * sign-off in history, an open recommendation with no Request closure, and a board summary that
 * names only ids.
 */
import { demoPeople } from '../../src/demo/people';
import { useAppUnderTest } from '../support/app-under-test';
import { raisedClosure } from '../support/closures';
import { visibleText } from '../support/bot-client';
import { invokeCard as answerOf } from '../support/cards';

/** How many times `sentence` stands in `text`. */
const timesIn = (text: string, sentence: string): number => text.split(sentence).length - 1;

describe('what a new user trips over on the first day', () => {
  const app = useAppUnderTest();

  beforeAll(async () => {
    for (const person of [demoPeople.sll, demoPeople.cos, demoPeople.hmi])
      await app.client.sendMessage('help', person);
  });

  it('opens an area for improvement from Open in a list', async () => {
    const turn = await app.client.sendInvoke('showAfi', { afiId: 'HWF-AFI-2' }, demoPeople.sll);

    const text = visibleText(answerOf(turn));
    expect(text).toContain('HWF-AFI-2: area for improvement');
    expect(text).not.toContain('no longer does anything');
  });

  describe('a closure decided by the Chief of Staff and signed off by the HM Inspector', () => {
    let history = '';

    beforeAll(async () => {
      const raised = await raisedClosure(app, 'BUC-1.1');
      const request = { serviceCode: 'BUC', requestId: raised.id };
      await app.client.sendInvoke(
        'decideClosure',
        { ...request, step: 'cos', decision: 'approve' },
        demoPeople.cos,
      );
      await app.client.sendInvoke(
        'decideClosure',
        { ...request, step: 'hmi', decision: 'approve' },
        demoPeople.hmi,
      );
      await app.appContext.outbox.idle();
      history = (await app.client.sendMessage('history BUC-1.1', demoPeople.sll)).cards
        .map(visibleText)
        .join('\n');
    });

    it('is worded in history without internal values', () => {
      expect(history).toContain('Approved a closure request for recommendation BUC-1.1');
      expect(history).toContain("Chief of Staff's decision");
      expect(history).toContain('Waiting for the Chief of Staff → Waiting for the HM Inspector');
      for (const internal of ['pendingCos', 'pendingHmi', 'Steps 1', 'steps.', 'channelActivityId']) {
        expect(history).not.toContain(internal);
      }
    });

    it('says the HM Inspector signed it off, not that they approved it', () => {
      expect(history).toContain('Signed off a closure request for recommendation BUC-1.1');
      expect(history).toContain("HM Inspector's decision");
      expect(history).toContain('Waiting for the HM Inspector → Approved');
    });
  });

  it('heads a refused decision "Closure not decided" and gives the reason once', async () => {
    const raised = await raisedClosure(app, 'BUC-2.2');

    const forged = await app.client.sendInvoke(
      'decideClosure',
      { serviceCode: 'BUC', requestId: raised.id, step: 'cos', decision: 'approve' },
      demoPeople.cosNorth,
    );
    const unknown = await app.client.sendInvoke(
      'decideClosure',
      { serviceCode: 'BUC', requestId: 'no-such-request', step: 'cos', decision: 'approve' },
      demoPeople.cos,
    );

    const refused = visibleText(answerOf(forged));
    expect(refused).toContain('Closure not decided');
    expect(refused).not.toContain("Can't show this closure request");
    expect(timesIn(refused, "You can't decide this closure as Chief of Staff")).toBe(1);
    const missing = visibleText(answerOf(unknown));
    expect(missing).toContain('Closure not decided');
    expect(timesIn(missing, 'There is no such closure request.')).toBe(1);
  });

  it('heads a refused progress note "Nothing was saved"', async () => {
    const turn = await app.client.sendInvoke(
      'addProgressNote',
      { recommendationId: 'LFB-1.1', text: 'Forged from another service.' },
      demoPeople.sll,
    );

    const text = visibleText(answerOf(turn));
    expect(text).toContain('Nothing was saved');
    expect(text).not.toContain("Can't show this cause of concern");
  });

  it('says on an open recommendation why Request closure is not offered yet', async () => {
    const card = (await app.client.sendMessage('show BUC-2', demoPeople.sll)).cards[0];

    const text = visibleText(card);
    expect(text).toContain('BUC-2.3 · Open');
    expect(text).toContain('Request closure is offered once it is in progress');
  });

  it('names each open recommendation and its cause of concern on the board summary', async () => {
    const turn = await app.client.sendMessage('summary BUC', demoPeople.sll);

    const text = turn.cards.map(visibleText).join('\n');
    const coc = await app.store.records.getCoc('BUC', 'BUC-2');
    expect(text).toContain(`BUC-2: ${coc?.value.title ?? '?'}`);
    const recommendation = await app.store.records.getRecommendation('BUC', 'BUC-2.3');
    expect(text).toContain((recommendation?.value.text ?? '?').slice(0, 60));
  });
});
