import { readAfiForm, type AfiFormInput } from '../../src/app/issue/issue-area-for-improvement';
import { extraDemoDirectory } from '../../src/demo/extra-people';
import { demoDirectory, demoPeople } from '../../src/demo/people';
import type { Service } from '../../src/domain/records';

const herefordAndWorcester: Service = {
  code: 'HWF',
  name: 'Hereford & Worcester Fire and Rescue Service',
  regionId: 'central',
};
const people = [...demoDirectory, ...extraDemoDirectory];

function aForm(overrides: Partial<AfiFormInput> = {}): AfiFormInput {
  return {
    formId: 'form-1',
    serviceCode: 'HWF',
    questionRef: ' p1.12 ',
    text: 'The service should monitor staff working hours.',
    finding: '',
    targetDate: '',
    sll: demoPeople.sll.objectId,
    cos: demoPeople.cos.objectId,
    ...overrides,
  };
}

describe('reading the new area for improvement form', () => {
  it('normalises the question reference and leaves out what was not given', () => {
    const result = readAfiForm(aForm(), herefordAndWorcester, people);

    expect(result).toEqual({
      ok: true,
      value: {
        serviceCode: 'HWF',
        questionRef: 'P1.12',
        text: 'The service should monitor staff working hours.',
        sll: demoPeople.sll.objectId,
        cos: demoPeople.cos.objectId,
      },
    });
  });

  it.each<[string, Partial<AfiFormInput>, string, string]>([
    [
      'no question reference',
      { questionRef: '' },
      'questionRef',
      'Enter the question reference, for example ES1.1.',
    ],
    [
      'a question reference of the wrong shape',
      { questionRef: 'ES1' },
      'questionRef',
      'The question reference must look like ES1.1 or P1.12.',
    ],
    [
      'a target date that does not exist',
      { targetDate: '2027-13-01' },
      'targetDate',
      'The target date must be a real date.',
    ],
    [
      'a Service Liaison Lead chosen as Chief of Staff',
      { cos: demoPeople.sll.objectId },
      'cos',
      "Sam Patel is not a Chief of Staff, so can't be this record's Chief of Staff.",
    ],
  ])('names the field at fault for %s', (_story, overrides, field, message) => {
    const result = readAfiForm(aForm(overrides), herefordAndWorcester, people);

    expect(result.ok).toBe(false);
    if (result.ok || result.error.code !== 'validation') return;
    expect(result.error.issues).toContainEqual({ field, message });
  });
});
