/**
 * The revisit findings form as read: a finding needs a RAG, blank rows are left out, and the
 * findings together stay within what the letter that quotes them all can hold.
 */
import { findingsOf, maxFindingsLength } from '../../src/app/revisits/record-revisit-findings';
import { expectError, expectOk } from '../support/results';

const row = (recommendationId: string, text: string, rag = 'amber') => ({ recommendationId, text, rag });

describe('the revisit findings typed', () => {
  it('keeps the rows with text, each with its RAG', () => {
    expect(expectOk(findingsOf([row('BUC-1.1', ' On time. '), row('BUC-1.2', '')]))).toEqual([
      { recommendationId: 'BUC-1.1', rag: 'amber', text: 'On time.' },
    ]);
  });

  it('names the RAG of a finding without one', () => {
    const error = expectError(findingsOf([row('BUC-1.1', 'On time.', '')]));
    expect(error.code === 'validation' && error.issues.map((i) => i.field)).toEqual(['rag1']);
  });

  it('refuses findings longer together than the letter can hold, saying how long they are', () => {
    const long = 'x'.repeat(3_500);
    const error = expectError(findingsOf([1, 2, 3, 4].map((n) => row(`BUC-1.${String(n)}`, long))));
    expect(error.reason).toBe(
      `The findings are 14,000 characters together; the letter holds at most ${maxFindingsLength.toLocaleString('en-GB')}. Shorten them.`,
    );
    expect(error.code === 'validation' && error.issues.map((i) => i.field)).toEqual(['finding1']);
  });
});
