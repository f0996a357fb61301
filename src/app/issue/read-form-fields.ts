/**
 * Checks shared by the issue forms. Each returns the problems it finds as `FieldIssue`s named by
 * the form's input ids, with a sentence that names the field, so the form can show every message
 * under its own field at once.
 */
import type { FieldIssue } from '../../domain/errors';
import { roleNames, LocalDate, type Person, type Service } from '../../domain/records';

/** Collects field issues while a form is read. */
export class IssueList {
  readonly issues: FieldIssue[] = [];

  /** Records a problem with one field (only the first problem of each field is kept). */
  add(field: string, message: string): void {
    if (!this.issues.some((issue) => issue.field === field)) this.issues.push({ field, message });
  }

  get isEmpty(): boolean {
    return this.issues.length === 0;
  }
}

/** A required text: trimmed, present and at most `max` characters; undefined when it is not. */
export function requiredText(
  issues: IssueList,
  field: string,
  label: string,
  value: string,
  max: number,
): string | undefined {
  const text = value.trim();
  if (text === '') {
    issues.add(field, `Enter the ${label}.`);
    return undefined;
  }
  return withinLimit(issues, field, label, text, max);
}

/** Text kept within `max` characters, counted as the record schemas count them (UTF-16 units). */
export function withinLimit(
  issues: IssueList,
  field: string,
  label: string,
  text: string,
  max: number,
): string | undefined {
  const { length } = text;
  if (length > max) {
    issues.add(field, `The ${label} must be at most ${max} characters; it has ${length}.`);
    return undefined;
  }
  return text;
}

/** An optional date (`YYYY-MM-DD` from Input.Date): undefined when empty or not a real date. */
export function optionalDate(
  issues: IssueList,
  field: string,
  label: string,
  value: string,
): string | undefined {
  const text = value.trim();
  if (text === '') return undefined;
  if (!LocalDate.safeParse(text).success) {
    issues.add(field, `The ${label} must be a real date.`);
    return undefined;
  }
  return text;
}

/** A required date. */
export function requiredDate(
  issues: IssueList,
  field: string,
  label: string,
  value: string,
): string | undefined {
  if (value.trim() === '') {
    issues.add(field, `Enter the ${label}.`);
    return undefined;
  }
  return optionalDate(issues, field, label, value);
}

/**
 * An owner chosen on the form: someone in the directory with the role; an SLL must also be the
 * service's SLL.
 */
export function ownerWithRole(
  issues: IssueList,
  field: 'sll' | 'cos' | 'hmi',
  objectId: string,
  people: readonly Person[],
  service: Service,
): string | undefined {
  const roleName = roleNames[field];
  if (objectId.trim() === '') {
    issues.add(field, `Choose the ${roleName}.`);
    return undefined;
  }
  const person = people.find((p) => p.objectId === objectId);
  if (!person) {
    issues.add(field, `The ${roleName} must be someone in the CoC Monitor directory.`);
    return undefined;
  }
  if (!person.roles.includes(field)) {
    issues.add(field, `${person.name} is not a ${roleName}, so can't be this record's ${roleName}.`);
    return undefined;
  }
  if (field === 'sll' && !person.serviceCodes.includes(service.code)) {
    issues.add(field, `${person.name} is not the ${roleName} for ${service.name}.`);
    return undefined;
  }
  return person.objectId;
}

/** A person's name from the directory, or their id when they are no longer in it. */
export function nameOf(people: readonly Person[], objectId: string): string {
  return people.find((person) => person.objectId === objectId)?.name ?? objectId;
}
