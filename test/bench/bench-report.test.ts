import { replaceSection, sectionEnd, sectionStart } from '../../scripts/bench/report';

describe('the docs section of npm run bench', () => {
  const document = '# Performance\n\nEarlier findings.\n';

  it('is appended once, then replaced in place by a rerun, keeping what surrounds it', () => {
    const first = replaceSection(document, 'First run.');
    const second = replaceSection(`${first}\nA note added later.\n`, 'Second run.');

    expect(first).toBe(`${document}\n${sectionStart}\n\nFirst run.\n\n${sectionEnd}\n`);
    expect(second).toContain('Earlier findings.');
    expect(second).toContain('Second run.');
    expect(second).not.toContain('First run.');
    expect(second).toContain('A note added later.');
    expect(second.split(sectionStart)).toHaveLength(2);
  });
});
