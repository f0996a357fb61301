import { extraDemoPeople } from '../../src/demo/extra-people';
import { demoPeople } from '../../src/demo/people';
import { useAppUnderTest } from '../support/app-under-test';
import { visibleText } from '../support/bot-client';
import { findCardProblems } from '../support/card-validator';

const secret = 'test-report-link-secret-0123456789abcdef';
const admin = demoPeople.admin;

function checked(card: unknown): Record<string, unknown> {
  expect(findCardProblems(card)).toEqual([]);
  return card as Record<string, unknown>;
}

/** The url of the card's first Action.OpenUrl, if any. */
function downloadUrlOf(card: Record<string, unknown>): string | undefined {
  const actions = Array.isArray(card.actions) ? (card.actions as Record<string, unknown>[]) : [];
  const open = actions.find((action) => action.type === 'Action.OpenUrl');
  return typeof open?.url === 'string' ? open.url : undefined;
}

/** Splits CSV text into records of fields (RFC 4180), for checking what a spreadsheet would read. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i += 1;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i += 1;
    } else field += c;
  }
  return rows;
}

describe('the quarterly report', () => {
  const app = useAppUnderTest({ env: { REPORT_LINK_SECRET: secret } });

  beforeAll(async () => {
    // A recommendation whose text would run as a formula in a spreadsheet, with a comma, quotes and a line break.
    const found = await app.store.records.getRecommendation('BUC', 'BUC-2.3');
    if (!found) throw new Error('demo data changed: BUC-2.3 is missing');
    await app.store.records.commit('BUC', [
      {
        kind: 'update',
        etag: found.etag,
        entity: {
          type: 'recommendation',
          value: { ...found.value, text: '=HYPERLINK("https://evil.example","Click"), then\nsee "notes"' },
        },
      },
    ]);
  });

  it('shows every recommendation’s status, open or closed, per service, with totals from the data', async () => {
    const cocs = await app.store.records.listCocsWithRecommendations();
    const all = cocs.flatMap((c) => c.recommendations.map((r) => r.value));
    const closed = all.filter((r) => r.status === 'closed');

    const turn = await app.client.sendMessage('report quarterly', demoPeople.sll);

    const card = checked(turn.cards[0]);
    const text = visibleText(card);
    expect(text).toContain('Quarterly report: October to December 2026');
    expect(text).toContain(`Recommendations\n${String(all.length)}`);
    expect(text).toContain(`Open\n${String(all.length - closed.length)}`);
    expect(text).toContain(`Closed\n${String(closed.length)}`);
    const bucks = all.filter((r) => r.serviceCode === 'BUC');
    const bucksClosed = bucks.filter((r) => r.status === 'closed').length;
    expect(text).toContain(
      `Buckinghamshire Fire and Rescue Service (BUC)\n${String(bucks.length - bucksClosed)} open, ${String(bucksClosed)} closed`,
    );
    expect(text).toContain('BUC-1.2\nClosed (Signed off (closed))');
    // Not an administrator: no download link.
    expect(downloadUrlOf(card)).toBeUndefined();
  });

  it('refuses the CSV to anyone but an administrator, saying why', async () => {
    const turn = await app.client.sendMessage('report quarterly csv', demoPeople.sll);

    expect(visibleText(checked(turn.cards[0]))).toContain(
      "You can't download the quarterly report as a CSV file: only an Administrator can.",
    );
  });

  it('refuses the report to a Service Liaison Officer', async () => {
    const turn = await app.client.sendMessage('report quarterly', extraDemoPeople.sloBuckinghamshire);

    expect(visibleText(checked(turn.cards[0]))).toContain(
      "You can't see the quarterly report: it covers every service, so it is for inspectorate staff and administrators. You can see your own service’s picture with summary BUC.",
    );
    expect(visibleText(turn.cards[0])).not.toContain('Quarterly report: October');
  });

  it('gives an administrator, in a channel, no link but says where to ask', async () => {
    const turn = await app.client.sendMessage('report quarterly', admin, {
      conversationType: 'channel',
      mentionBot: true,
    });

    const card = checked(turn.cards[0]);
    expect(downloadUrlOf(card)).toBeUndefined();
    expect(visibleText(card)).toContain('ask me for report quarterly in our personal chat');
  });

  it('gives an administrator a signed link to a CSV of every recommendation, quoted and formula-safe', async () => {
    const cocs = await app.store.records.listCocsWithRecommendations();
    const total = cocs.reduce((sum, c) => sum + c.recommendations.length, 0);

    const turn = await app.client.sendMessage('report quarterly', admin);

    const url = downloadUrlOf(checked(turn.cards[0]));
    expect(url).toMatch(/\/reports\/quarterly\/2026-Q4\?expires=\d+&signature=[0-9a-f]{64}$/);
    const response = await fetch(url ?? '');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(response.headers.get('content-disposition')).toBe(
      'attachment; filename="quarterly-report-2026-Q4.csv"',
    );
    const body = (await response.text()).replace(/^\uFEFF/, '');
    const rows = parseCsv(body);
    expect(rows[0]).toEqual([
      'Service code',
      'Service',
      'Cause of concern',
      'Cause of concern title',
      'Recommendation',
      'Recommendation text',
      'Open or closed',
      'Status',
      'Target date',
      'Closed on',
    ]);
    expect(rows).toHaveLength(total + 1);
    const risky = rows.find((row) => row[4] === 'BUC-2.3');
    expect(risky?.[5]).toBe('\'=HYPERLINK("https://evil.example","Click"), then\nsee "notes"');
    expect(rows.find((row) => row[4] === 'BUC-1.2')?.slice(6, 8)).toEqual(['Closed', 'Signed off (closed)']);
    expect(body).toContain('"\'=HYPERLINK(""https://evil.example"",""Click""), then\nsee ""notes"""');
    expect(body.split('\r\n').every((line) => !/^[=+\-@]/.test(line))).toBe(true);
  });

  it('refuses a link whose signature was tampered with, or that has expired', async () => {
    const turn = await app.client.sendMessage('report quarterly', admin);
    const url = downloadUrlOf(checked(turn.cards[0])) ?? '';

    const forged = await fetch(
      url.replace(/expires=(\d+)/, (_m, n: string) => `expires=${String(Number(n) + 86_400_000)}`),
    );
    expect(forged.status).toBe(403);
    expect(await forged.text()).toContain('This link is not valid.');

    const otherReport = await fetch(url.replace('2026-Q4', '2026-Q3'));
    expect(otherReport.status).toBe(403);

    app.setNow(new Date('2026-11-22T10:16:00Z'));
    const late = await fetch(url);
    expect(late.status).toBe(403);
    expect(await late.text()).toContain('This link has expired.');
    app.setNow(new Date('2026-11-22T10:00:00Z'));
  });
});
