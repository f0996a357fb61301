/**
 * Part 6 (rule book §27): the SLL records that a later inspection found a cause of concern again.
 * An open one stays open with the evidence added; a closed one is open again, with the
 * recommendations found again back in progress. The card, `list`, the board summary and the
 * quarterly report show it; history says it in words.
 */
import { extraDemoPeople } from '../../src/demo/extra-people';
import { demoPeople } from '../../src/demo/people';
import { useAppUnderTest } from '../support/app-under-test';
import { visibleText, type TestUser } from '../support/bot-client';
import { findCardProblems } from '../support/card-validator';
import { action, inputValue, invokeCard } from '../support/cards';
import { aCocFormSubmission } from '../support/builders';

const report = 'https://www.hmicfrs.gov.uk/frs-assessment/frs-2026/buckinghamshire/';

describe('a cause of concern found again at a later inspection', () => {
  const app = useAppUnderTest();
  let cocId = '';

  async function saveForm(id: string, values: Record<string, string>, by: TestUser = demoPeople.sll) {
    const form = invokeCard(await app.client.sendInvoke('openIdentifiedAgainForm', { cocId: id }, by));
    expect(findCardProblems(form)).toEqual([]);
    const save = action(form, 'Save');
    return {
      form,
      turn: await app.client.sendInvoke('recordIdentifiedAgain', { ...save.data, ...values }, by),
    };
  }

  beforeAll(async () => {
    const issued = await app.client.sendInvoke(
      'issueCoc',
      aCocFormSubmission({ actionPlanRule: 'daysFromLetter' }),
      demoPeople.sll,
    );
    cocId = /Cause of concern (BUC-\d+) issued/.exec(visibleText(invokeCard(issued)))?.[1] ?? '';
  });

  it('keeps an open CoC open, with the inspection on its card and its recommendation', async () => {
    const card = (await app.client.sendMessage(`show ${cocId}`, demoPeople.sll)).cards[0];
    expect(action(card, 'Found again at an inspection').verb).toBe('openIdentifiedAgainForm');

    const { form, turn } = await saveForm(cocId, {
      inspectionDate: '2026-11-10',
      reportLink: report,
      finding: 'Crews still could not find the risk information for two high-rise premises.',
      recommendationIds: `${cocId}.1`,
    });

    expect(visibleText(form)).toContain(`${cocId} stays open.`);
    const text = visibleText(invokeCard(turn));
    expect(text).toContain(`Saved: ${cocId} was found again at a later inspection. It stays open`);
    expect(text).toContain('Status\nOpen');
    expect(text).toContain(
      `Found again at the inspection of 10 November 2026 (${cocId}.1): Crews still could not find the risk information for two high-rise premises. Report: ${report}`,
    );
    expect(text).toContain(
      'Found again at the inspection of 10 November 2026: Crews still could not find the risk information',
    );
    const recommendation = await app.store.records.getRecommendation('BUC', `${cocId}.1`);
    expect(recommendation?.value.status).toBe('open');
  });

  it('shows it in list, the board summary and the quarterly report', async () => {
    const list = visibleText((await app.client.sendMessage('list BUC', demoPeople.sll)).cards[0]);
    expect(list).toContain('Open · found again at the inspection of 10 November 2026');

    const summary = visibleText((await app.client.sendMessage('summary BUC', demoPeople.sll)).cards[0]);
    expect(summary).toContain(`${cocId}\nFound again at the inspection of 10 November 2026 (${cocId}.1)`);

    const quarterly = visibleText(
      (await app.client.sendMessage('report quarterly', demoPeople.cos)).cards[0],
    );
    expect(quarterly).toContain(`${cocId} found again at the inspection of 10 November 2026.`);
  });

  it('says it in history in plain words', async () => {
    const history = visibleText((await app.client.sendMessage(`history ${cocId}`, demoPeople.sll)).cards[0]);

    expect(history).toContain(`Recorded that a later inspection found cause of concern ${cocId} again`);
    expect(history).toContain('Inspection date\n(none) → 10 November 2026');
    expect(history).toContain(`Inspection report\n(none) → ${report}`);
    expect(history).toContain(`Recommendations found again\n(none) → ${cocId}.1`);
  });

  it('refuses a report link that is not https, and an inspection before the fieldwork, keeping what was typed', async () => {
    const { turn } = await saveForm(cocId, {
      inspectionDate: '2026-09-01',
      reportLink: 'http://example.org/report',
      finding: 'Again.',
      recommendationIds: '',
    });

    const refused = invokeCard(turn);
    expect(visibleText(refused)).toContain(
      'The link to the inspection report must be a web address starting with https://',
    );
    expect(inputValue(refused, 'reportLink')).toBe('http://example.org/report');
    const again = await saveForm(cocId, {
      inspectionDate: '2026-09-01',
      reportLink: report,
      finding: 'Again.',
      recommendationIds: '',
    });
    expect(visibleText(invokeCard(again.turn))).toContain(
      `The later inspection must be after the fieldwork that found ${cocId} (it ended on 25 September 2026).`,
    );
  });

  it('opens a closed CoC again, its recommendation back in progress', async () => {
    const sll = extraDemoPeople.sllSouth;
    const { form, turn } = await saveForm(
      'KEN-1',
      {
        inspectionDate: '2026-11-05',
        reportLink: 'https://www.hmicfrs.gov.uk/frs-assessment/frs-2026/kent/',
        finding: 'The audit backlog has grown again since the spring.',
        recommendationIds: 'KEN-1.2',
      },
      sll,
    );

    expect(visibleText(form)).toContain('KEN-1 is closed.');
    const text = visibleText(invokeCard(turn));
    expect(text).toContain('Saved: KEN-1 was found again at a later inspection, so it is open again.');
    expect(text).toContain('Status\nOpen');
    expect((await app.store.records.getRecommendation('KEN', 'KEN-1.2'))?.value.status).toBe('inProgress');
    expect((await app.store.records.getRecommendation('KEN', 'KEN-1.1'))?.value.status).toBe('closed');
  });

  it('is the SLL’s to record: a Chief of Staff has no button and is refused', async () => {
    const card = (await app.client.sendMessage(`show ${cocId}`, demoPeople.cos)).cards[0];
    expect(visibleText(card)).not.toContain('Found again at an inspection');

    const turn = await app.client.sendInvoke('openIdentifiedAgainForm', { cocId }, demoPeople.cos);

    expect(visibleText(invokeCard(turn))).toContain("You can't record that an inspection found this again");
  });
});
