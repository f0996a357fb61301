/**
 * One cause of concern walked through the whole monitoring cycle, as the people who run it would,
 * over the Bot Framework protocol: its letter asks for an action plan "within 28 days" and the plan
 * comes two days late; the names letters go to are set; a revisit is proposed, endorsed, approved,
 * its findings recorded and its letter drafted by name; the service's monitoring level is raised and
 * lifted; a later inspection finds the CoC again; and its recommendation is closed through the
 * approval chain, which closes the CoC and drafts the closure letter by name.
 * (A recommendation to an external body is walked to closed in external-recommendations.test.ts.)
 */
import { demoPeople } from '../../src/demo/people';
import { useAppUnderTest } from '../support/app-under-test';
import { visibleText, type TestUser } from '../support/bot-client';
import { aCocFormSubmission } from '../support/builders';
import { action, invokeCard, shownIn } from '../support/cards';
import { cardInChat } from '../support/chats';
import { waitLimitMs } from '../support/wait-for';

type Card = Record<string, unknown>;

// Cards to approvers and letters are posted after the answer; a busy machine may take a while.
jest.setTimeout(waitLimitMs + 60_000);

const { sll, cos, hmi, admin } = demoPeople;

describe('one cause of concern through the whole monitoring cycle', () => {
  const app = useAppUnderTest();
  let cocId = '';
  let recommendationId = '';

  const cardFor = (person: TestUser, text: string, since: number) =>
    cardInChat(app.connector, person, text, since);

  /** Presses the button titled `title` on `card` as `person`, with `values` typed into its form. */
  async function press(
    card: Card | undefined,
    title: string,
    person: TestUser,
    values: Record<string, string> = {},
  ) {
    const pressed = action(card, title);
    return invokeCard(await app.client.sendInvoke(pressed.verb, { ...pressed.data, ...values }, person));
  }

  const showCoc = async (person: TestUser) =>
    (await app.client.sendMessage(`show ${cocId}`, person)).cards[0];

  beforeAll(async () => {
    for (const person of [sll, cos, hmi]) await app.client.sendMessage('help', person);
  });

  it('issues the CoC with the letter’s “within 28 days” and records the plan two days late', async () => {
    const issued = await app.client.sendInvoke(
      'issueCoc',
      aCocFormSubmission({ actionPlanRule: 'daysFromLetter', letterDate: '2026-10-20' }),
      sll,
    );
    cocId = /Cause of concern (BUC-\d+) issued/.exec(shownIn(issued))?.[1] ?? '';
    recommendationId = `${cocId}.1`;
    expect(visibleText(await showCoc(sll))).toContain(
      'Within 28 days of the letter of 20 October 2026: 17 November 2026',
    );

    const since = app.connector.calls.length;
    const coc = await app.store.records.getCoc('BUC', cocId);
    const recorded = await app.client.sendInvoke(
      'recordActionPlanReceived',
      { cocId, updatedAt: coc?.value.updatedAt, date: '2026-11-19' },
      sll,
    );
    expect(shownIn(recorded)).toContain('Received on 19 November 2026: 2 days late');
    await cardFor(cos, `The action plan for ${cocId} came late`, since);
  });

  it('has the administrator name the chief fire officer, the chair and the authority', async () => {
    const form = (await app.client.sendMessage('letters BUC', admin)).cards[0];
    const saved = await press(form, 'Save the names', admin, {
      chiefFireOfficer: 'Jane Smith',
      authorityChair: 'Cllr Simon Rouse',
      authorityName: 'Buckinghamshire and Milton Keynes Fire Authority',
    });
    expect(visibleText(saved)).toContain('They open “Dear Jane Smith and Cllr Simon Rouse,”');
  });

  it('revisits it: proposed by the SLL, endorsed, approved, findings into progress, the letter by name', async () => {
    const proposal = await press(await showCoc(sll), 'Propose a revisit', sll);
    let since = app.connector.calls.length;
    const proposed = await press(proposal, 'Propose the revisit', sll, {
      firstDay: '2026-12-01',
      lastDay: '2026-12-02',
      purpose: 'Check the safe and well visits now reach the people most at risk.',
      team: 'Sam Patel (SLL), one prevention inspector',
    });
    const revisitId = `${cocId}-R1`;
    expect(visibleText(proposed)).toContain(`Revisit ${revisitId} proposed.`);

    const cosCard = await cardFor(cos, `Revisit ${revisitId}`, since);
    since = app.connector.calls.length;
    expect(visibleText(await press(cosCard, 'Endorse', cos))).toContain(
      `Endorsed: ${revisitId} goes to the HM Inspector to approve.`,
    );
    const hmiCard = await cardFor(hmi, `Revisit ${revisitId}`, since);
    expect(visibleText(await press(hmiCard, 'Approve', hmi))).toContain(
      `Approved: ${revisitId} is now a date the reminders know.`,
    );

    app.setNow(new Date('2026-12-03T10:00:00Z'));
    since = app.connector.calls.length;
    const revisitCard = (await app.client.sendMessage(`show ${revisitId}`, sll)).cards[0];
    const findingsForm = await press(revisitCard, 'Record findings', sll);
    const recorded = await press(findingsForm, 'Save findings', sll, {
      initialFindingsDate: '2026-12-02',
      finding1: 'Visits now go to the people most at risk in two of three districts',
      rag1: 'amber',
      nextSteps: 'We will check the third district at the next inspection.',
    });
    expect(visibleText(recorded)).toContain('Findings saved: 1 finding added');
    const progress = await app.store.records.listProgress('BUC', recommendationId);
    expect(progress.at(-1)).toMatchObject({ source: 'revisitFinding', rag: 'amber' });

    const letter = visibleText(await cardFor(hmi, `Revisit letter for ${revisitId}`, since));
    expect(letter).toContain('Jane Smith, Chief Fire Officer');
    expect(letter).toContain('Cllr Simon Rouse, Chair of Buckinghamshire and Milton Keynes Fire Authority');
    expect(letter).toContain('Dear Jane Smith and Cllr Simon Rouse,');
    expect(letter).toContain('from 1 December 2026 to 2 December 2026');

    const hmiView = (await app.client.sendMessage(`show ${revisitId}`, hmi)).cards[0];
    const dated = await press(hmiView, 'Save letter dates', hmi, {
      sentDate: '2026-12-03',
      publishedDate: '2026-12-03',
    });
    expect(visibleText(dated)).toContain('Saved: the letter’s dates are recorded.');
    expect(visibleText(await showCoc(sll))).toContain(`${revisitId} · 1 December 2026 to 2 December 2026`);
    const revisited = `${revisitId}, 1 December 2026 to 2 December 2026: Approved; findings recorded; letter sent and published (published 3 December 2026)`;
    expect(shownIn(await app.client.sendMessage('summary BUC', sll))).toContain(revisited);
    expect(shownIn(await app.client.sendMessage('report quarterly', cos))).toContain(`Revisit ${revisited}.`);
  });

  it('puts the service under closer monitoring and lifts it, with the SLL told each time', async () => {
    let since = app.connector.calls.length;
    const form = (await app.client.sendMessage('monitoring BUC', hmi)).cards[0];
    const raised = await press(form, 'Save the level', hmi, {
      level: 'oversightGroup',
      triggers: 'slowProgress',
      support: '',
      note: 'Meeting with the chief fire officer and the chair on 14 January 2027.',
    });
    expect(visibleText(raised)).toContain('is now Fire Performance Oversight Group');
    await cardFor(
      sll,
      'set the monitoring of Buckinghamshire Fire and Rescue Service to Fire Performance',
      since,
    );
    expect(visibleText(await showCoc(sll))).toContain('Monitoring of the service');

    since = app.connector.calls.length;
    const lifted = await press(raised, 'Save the level', hmi, {
      level: 'routine',
      triggers: '',
      support: '',
      note: '',
    });
    expect(visibleText(lifted)).toContain('is now Routine monitoring');
    await cardFor(sll, 'Routine monitoring', since);
    expect(visibleText(await showCoc(sll))).not.toContain('Monitoring of the service');
    const history = shownIn(await app.client.sendMessage('history BUC', sll));
    expect(history).toContain('Put service BUC under closer monitoring');
    expect(history).toContain('Lifted closer monitoring of service BUC: back to routine');
  });

  it('records that a later inspection found it again: it stays open, with the evidence on it', async () => {
    const form = await press(await showCoc(sll), 'Found again at an inspection', sll);
    const saved = await press(form, 'Save', sll, {
      inspectionDate: '2026-11-30',
      reportLink: 'https://www.hmicfrs.gov.uk/frs-assessment/frs-2026/buckinghamshire/',
      finding: 'Visits in the third district still do not reach those most at risk.',
      recommendationIds: recommendationId,
    });
    const text = visibleText(saved);
    expect(text).toContain(`Saved: ${cocId} was found again at a later inspection. It stays open`);
    expect(text).toContain(`Found again at the inspection of 30 November 2026 (${recommendationId})`);
    expect((await app.store.records.getCoc('BUC', cocId))?.value.status).toBe('open');
  });

  it('closes its recommendation through the chain, which closes the CoC and drafts the letter by name', async () => {
    const drawn = await app.store.records.getRecommendation('BUC', recommendationId);
    await app.client.sendInvoke(
      'updateRecommendation',
      { recommendationId, updatedAt: drawn?.value.updatedAt, status: 'inProgress', rag: 'green' },
      sll,
    );
    let since = app.connector.calls.length;
    const requested = await app.client.sendInvoke(
      'submitClosureRequest',
      {
        subjectId: recommendationId,
        link1: 'https://evidence.example.org/district-three.pdf',
        link2: '',
        validationNote: 'Checked 30 visits in the third district with the prevention manager.',
      },
      sll,
    );
    expect(shownIn(requested)).toContain(`Closure of ${recommendationId} requested.`);
    const cosCard = await cardFor(cos, 'asks you to approve', since);
    since = app.connector.calls.length;
    await press(cosCard, 'Approve', cos);
    const hmiCard = await cardFor(hmi, 'recommends closing', since);
    since = app.connector.calls.length;
    expect(visibleText(await press(hmiCard, 'Sign off', hmi))).toContain(
      `Signed off: ${recommendationId} is closed.`,
    );

    expect((await app.store.records.getCoc('BUC', cocId))?.value.status).toBe('closed');
    const letter = visibleText(await cardFor(sll, `Closure letter for ${cocId}`, since));
    expect(letter).toContain('Dear Jane Smith and Cllr Simon Rouse,');
    expect(letter).toContain('Cllr Simon Rouse, Chair of Buckinghamshire and Milton Keynes Fire Authority');

    const firstPage = (await app.client.sendMessage(`history ${cocId}`, sll)).cards[0];
    const older = await press(firstPage, 'Older events', sll);
    const history = `${visibleText(firstPage)}\n${visibleText(older)}`;
    for (const line of [
      `Recorded that a later inspection found cause of concern ${cocId} again`,
      `Proposed revisit ${cocId}-R1`,
      `Approved revisit ${cocId}-R1 as HM Inspector`,
      `Recorded the findings of revisit ${cocId}-R1`,
      `Recorded the action plan for cause of concern ${cocId} as received`,
      `Closed cause of concern ${cocId}`,
    ])
      expect(history).toContain(line);
  });
});
