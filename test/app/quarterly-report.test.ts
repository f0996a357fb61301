import {
  csvField,
  quarterOf,
  quarterlyReportCsv,
  type QuarterlyReport,
} from '../../src/app/reports/quarterly-report';

describe('CSV fields of the quarterly report', () => {
  it('leaves plain values alone', () => {
    expect(csvField('BUC-1.2')).toBe('BUC-1.2');
    expect(csvField('Signed off (closed)')).toBe('Signed off (closed)');
  });

  it('quotes values with commas, quotes or line breaks, doubling the quotes', () => {
    expect(csvField('Crews, pumps')).toBe('"Crews, pumps"');
    expect(csvField('The "Aylesbury" plan')).toBe('"The ""Aylesbury"" plan"');
    expect(csvField('line one\nline two')).toBe('"line one\nline two"');
    expect(csvField('carriage\rreturn')).toBe('"carriage\rreturn"');
    expect(csvField(' padded ')).toBe('" padded "');
  });

  it.each(['=1+1', '+44 1234', '-5', '@SUM(A1:A2)', '\tTab'])(
    'puts an apostrophe before %j so a spreadsheet does not run it',
    (value) => {
      expect(
        csvField(value)
          .replace(/^"/, '')
          .startsWith(`'${value.charAt(0)}`),
      ).toBe(true);
    },
  );

  it('guards a formula and quotes it when it also has a comma or quote', () => {
    expect(csvField('=HYPERLINK("https://x.example","a")')).toBe(
      '"\'=HYPERLINK(""https://x.example"",""a"")"',
    );
  });
});

describe('the quarterly report as CSV', () => {
  const report: QuarterlyReport = {
    id: '2026-Q4',
    quarter: 'October to December 2026',
    today: '2026-11-22',
    actionPlans: {},
    services: [{ serviceCode: 'BUC', serviceName: 'Buckinghamshire', open: 1, closed: 1 }],
    rows: [
      {
        serviceCode: 'BUC',
        serviceName: 'Buckinghamshire',
        cocId: 'BUC-1',
        cocTitle: 'Prevention, protection',
        recommendationId: 'BUC-1.1',
        recommendation: 'Train crews',
        publicStatus: 'Open',
        status: 'In progress',
        targetDate: '2026-03-31',
      },
      {
        serviceCode: 'BUC',
        serviceName: 'Buckinghamshire',
        cocId: 'BUC-1',
        cocTitle: 'Prevention, protection',
        recommendationId: 'BUC-1.2',
        recommendation: '-1 pumps',
        publicStatus: 'Closed',
        status: 'Signed off (closed)',
        closedOn: '2026-07-01',
      },
    ],
  };

  it('has a header row, one line per recommendation, CRLF line ends and a byte-order mark', () => {
    expect(quarterlyReportCsv(report)).toBe(
      '\uFEFFService code,Service,Cause of concern,Cause of concern title,Recommendation,Recommendation text,Open or closed,Status,Target date,Closed on\r\n' +
        'BUC,Buckinghamshire,BUC-1,"Prevention, protection",BUC-1.1,Train crews,Open,In progress,31 March 2026,\r\n' +
        'BUC,Buckinghamshire,BUC-1,"Prevention, protection",BUC-1.2,\'-1 pumps,Closed,Signed off (closed),,1 July 2026\r\n',
    );
  });

  it('names calendar quarters', () => {
    expect(quarterOf('2026-11-22')).toEqual({ id: '2026-Q4', name: 'October to December 2026' });
    expect(quarterOf('2027-01-01')).toEqual({ id: '2027-Q1', name: 'January to March 2027' });
  });
});
