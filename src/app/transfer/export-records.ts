/**
 * `npm run export`: a whole backup in the layout `npm run import` reads, so a file exported from
 * one store imports into an empty one as the same records, and exports again byte for byte. Every
 * row carries its whole record in the `record` cell; the kinds of backup-kinds.ts follow the
 * spreadsheet kinds.
 */
import type { ProgressUpdate } from '../../domain/records';
import type { Store } from '../../store';
import { actionPlanRuleText, type CsvRow } from './csv-format';
import { backupKinds } from './backup-kinds';
import { readEverything } from './stored-records';

const yesNo = (value: boolean): string => (value ? 'yes' : 'no');

/** A whole record as its `record` cell holds it. */
const json = (value: unknown): string => JSON.stringify(value);

/** The rows of the export, ordered so each row's references come before it. */
export async function exportRows(store: Store): Promise<CsvRow[]> {
  const { regions, services, people, cocs, afis, progress } = await readEverything(store);
  const byId =
    <T>(key: (item: T) => string) =>
    (a: T, b: T) =>
      key(a).localeCompare(key(b), 'en-GB', { numeric: true });
  const rows: CsvRow[] = [];
  for (const region of [...regions].sort(byId((r) => r.id)))
    rows.push({ kind: 'region', id: region.id, name: region.name, record: json(region) });
  for (const service of [...services].sort(byId((s) => s.code)))
    rows.push({
      kind: 'service',
      id: service.code,
      name: service.name,
      region: service.regionId,
      chief_fire_officer: service.chiefFireOfficer ?? '',
      authority_chair: service.authorityChair ?? '',
      authority_name: service.authorityName ?? '',
      record: json(service),
    });
  for (const person of [...people].sort(byId((p) => p.objectId)))
    rows.push({
      kind: 'person',
      id: person.objectId,
      name: person.name,
      tenant_id: person.tenantId,
      email: person.email ?? '',
      roles: person.roles.join(';'),
      region: person.regionId ?? '',
      service: person.serviceCodes.join(';'),
      record: json(person),
    });
  for (const { coc, recommendations } of [...cocs].sort(byId((c) => c.coc.value.id))) {
    const c = coc.value;
    rows.push({
      kind: 'coc',
      id: c.id,
      service: c.serviceCode,
      name: c.title,
      text: c.finding,
      status: c.status,
      pillar: c.pillar,
      public_safety_risk: yesNo(c.publicSafetyRisk),
      fieldwork_end_date: c.fieldworkEndDate,
      letter_date: c.letterDate ?? '',
      sll: c.owners.sll,
      cos: c.owners.cos,
      hmi: c.owners.hmi,
      report_published_date: c.reportPublishedDate ?? '',
      fieldwork_start_date: c.fieldworkStartDate ?? '',
      check_copy_sent_date: c.checkCopySentDate ?? '',
      website_published_date: c.websitePublishedDate ?? '',
      action_plan_rule: actionPlanRuleText(c.actionPlanRule),
      action_plan_received_date: c.actionPlanReceivedDate ?? '',
      record: json(c),
    });
    for (const { value: r } of recommendations)
      rows.push({
        kind: 'recommendation',
        id: r.id,
        coc: c.id,
        text: r.text,
        status: r.status,
        target_date: r.originalTargetDate ?? '',
        record: json(r),
      });
  }
  for (const { value: a } of [...afis].sort(byId((a) => a.value.id)))
    rows.push({
      kind: 'afi',
      id: a.id,
      service: a.serviceCode,
      question_ref: a.questionRef,
      text: a.text,
      status: a.status,
      target_date: a.targetDate ?? '',
      sll: a.sll,
      cos: a.cos,
      record: json(a),
    });
  const byTime = (a: ProgressUpdate, b: ProgressUpdate) =>
    a.at.localeCompare(b.at) || a.id.localeCompare(b.id);
  for (const u of [...progress].sort(
    (a, b) => byId((p: ProgressUpdate) => p.subjectId)(a, b) || byTime(a, b),
  ))
    rows.push({
      kind: 'progress',
      id: u.id,
      service: u.serviceCode,
      subject: u.subjectId,
      at: u.at,
      by: u.by,
      rag: u.rag ?? '',
      text: u.text,
      evidence_links: u.evidenceLinks.join(';'),
      source: u.source,
    });
  // The backup kinds: the whole record in `record`, a readable copy in the other cells.
  for (const kind of backupKinds)
    for (const value of await kind.exportAll(store))
      rows.push({ kind: kind.kind, ...kind.cells(value), record: json(value) });
  return rows;
}
