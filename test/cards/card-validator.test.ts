import { findCardProblems } from '../support/card-validator';

describe('card validator', () => {
  it('accepts a plain 1.5 card', () => {
    const card = {
      type: 'AdaptiveCard',
      version: '1.5',
      body: [
        { type: 'TextBlock', text: 'Hello', wrap: true },
        { type: 'Input.Text', id: 'note', label: 'Note' },
      ],
      actions: [{ type: 'Action.Execute', title: 'Save', verb: 'save' }],
    };
    expect(findCardProblems(card)).toEqual([]);
  });

  it('reports an unknown element, a bad property value and duplicate input ids', () => {
    const card = {
      type: 'AdaptiveCard',
      version: '1.5',
      body: [
        { type: 'TextBlok', text: 'typo' },
        { type: 'TextBlock', text: 'x', size: 'enormous' },
        { type: 'Input.Text', id: 'a' },
        { type: 'Input.Text', id: 'a' },
      ],
    };
    const problems = findCardProblems(card).join('\n');
    expect(problems).toMatch(/TextBlok/);
    expect(problems).toMatch(/enormous/);
    expect(problems).toMatch(/[Dd]uplicate/);
  });
});
