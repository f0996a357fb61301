import { draftClosureLetter, letterAddressees } from '../../src/domain/lifecycle/closure-letter';
import type { Service } from '../../src/domain/records';
import { aCauseOfConcern, aRecommendation } from '../support/builders';

const service: Service = {
  code: 'BUC',
  name: 'Buckinghamshire Fire and Rescue Service',
  regionId: 'central',
  chiefFireOfficer: 'Louise Harrison',
  authorityChair: 'Councillor Simon Rouse',
};

const coc = aCauseOfConcern({ status: 'closed', reportPublishedDate: '2023-07-27' });
const recommendations = [
  aRecommendation({ status: 'closed', signedOffAt: '2024-07-29T14:00:00.000Z' }),
  aRecommendation({
    id: 'BUC-1.2',
    text: 'The service should audit its highest-risk premises within its own timescales.',
    status: 'closed',
    signedOffAt: '2024-07-30T09:30:00.000Z',
  }),
];
const reasons = [
  {
    recommendationId: 'BUC-1.1',
    validationNote: 'Dip-sampled 20 premises; risk information was on the crews’ tablets within 24 hours',
    evidenceLinks: ['https://example.org/risk-info-audit.pdf'],
  },
  {
    recommendationId: 'BUC-1.2',
    validationNote: 'All 312 highest-risk premises were audited by June 2024.',
    evidenceLinks: [],
  },
];

describe('the closure letter', () => {
  const letter = draftClosureLetter({
    service,
    coc,
    recommendations,
    reasons,
    signedBy: 'Alex Carter',
    date: '2024-07-30',
  });

  it('is addressed to the chief fire officer and the chair of the authority, and dated like a letter', () => {
    expect(letter.startsWith('30 July 2024\n')).toBe(true);
    expect(letter).toContain('Louise Harrison, Chief Fire Officer');
    expect(letter).toContain('Councillor Simon Rouse, Chair of the Fire and Rescue Authority');
    expect(letter).toContain('Dear Louise Harrison and Councillor Simon Rouse,');
  });

  it('names the service, the cause of concern, its finding and every recommendation', () => {
    expect(letter).toContain(
      'Buckinghamshire Fire and Rescue Service: closure of cause of concern BUC-1, Risk information for crews',
    );
    expect(letter).toContain(
      'whose fieldwork ended on 10 March 2023 and set out in our report published on 27 July 2023',
    );
    expect(letter).toContain('Operational crews do not have up-to-date risk information.');
    expect(letter).toContain('We made these 2 recommendations:');
    expect(letter).toContain(
      '- BUC-1.2: The service should audit its highest-risk premises within its own timescales. Signed off on 30 July 2024.',
    );
  });

  it('gives the reasons for closure from the validation notes and evidence', () => {
    expect(letter).toContain('Reasons for closure');
    expect(letter).toContain(
      '- BUC-1.1: Dip-sampled 20 premises; risk information was on the crews’ tablets within 24 hours. Evidence reviewed: https://example.org/risk-info-audit.pdf.',
    );
    expect(letter).toContain('closed this cause of concern as of 30 July 2024');
    expect(letter.endsWith("Alex Carter\nHis Majesty's Inspector of Fire & Rescue Services")).toBe(true);
  });

  it('still reads well when the service record names nobody', () => {
    const plain = draftClosureLetter({
      service: { code: 'BUC', name: 'Buckinghamshire Fire and Rescue Service', regionId: 'central' },
      coc,
      recommendations: recommendations.slice(0, 1),
      reasons: [],
      signedBy: 'Alex Carter',
      date: '2024-07-30',
    });
    expect(plain).toContain('Dear Chief Fire Officer and Chair,');
    expect(plain).toContain('We made this recommendation:');
    expect(plain).toContain('- BUC-1.1: signed off by the HM Inspector.');
  });
});

describe('who a letter is addressed to', () => {
  const unnamed: Service = { code: 'OXF', name: 'Oxfordshire Fire and Rescue Service', regionId: 'central' };
  it.each([
    [
      'everyone named, with the authority',
      {
        chiefFireOfficer: 'Jane Smith',
        authorityChair: 'Cllr Simon Rouse',
        authorityName: 'Oxfordshire County Council',
      },
      ['Jane Smith, Chief Fire Officer', 'Cllr Simon Rouse, Chair of Oxfordshire County Council'],
      'Dear Jane Smith and Cllr Simon Rouse,',
    ],
    [
      'nobody named',
      {},
      ['The Chief Fire Officer', 'The Chair of the Fire and Rescue Authority'],
      'Dear Chief Fire Officer and Chair,',
    ],
    [
      'only the authority named, names left blank',
      { chiefFireOfficer: '  ', authorityName: 'Oxfordshire County Council' },
      ['The Chief Fire Officer', 'The Chair of Oxfordshire County Council'],
      'Dear Chief Fire Officer and Chair,',
    ],
  ])('%s', (_case, names, lines, greeting) => {
    const { to, greeting: opening } = letterAddressees({ ...unnamed, ...names });
    expect(to).toEqual([...lines, 'Oxfordshire Fire and Rescue Service']);
    expect(opening).toBe(greeting);
  });
});
