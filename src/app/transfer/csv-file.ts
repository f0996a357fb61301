/**
 * Reading and writing the CSV text (csv-parse / csv-stringify), with the line numbers a person sees
 * in a spreadsheet: the header is line 1, the first record line 2.
 */
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { csvColumns, type CsvColumn, type CsvRow, type RowProblem } from './csv-format';
import type { NumberedRow } from './import-records';

/** Parses the file; a header without `kind`, or an unknown column, is a problem on line 1. */
export function readCsv(
  text: string,
): { ok: true; rows: NumberedRow[] } | { ok: false; problems: RowProblem[] } {
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(text.replace(/^\uFEFF/, ''), {
      relax_column_count: true,
      skip_empty_lines: true,
      info: true,
    }) as unknown as { record: string[]; info: { lines: number } }[];
  } catch (error) {
    const line = (error as { lines?: number }).lines ?? 1;
    return { ok: false, problems: [{ line, message: `not readable as CSV: ${(error as Error).message}` }] };
  }
  const [header, ...body] = records;
  if (!header) return { ok: false, problems: [{ line: 1, message: 'the file is empty' }] };
  const names = header.record.map((name) => name.trim().toLowerCase());
  const unknown = names.filter((name) => !(csvColumns as readonly string[]).includes(name));
  if (!names.includes('kind') || unknown.length > 0) {
    const message = !names.includes('kind')
      ? 'the header must have a "kind" column'
      : `unknown column${unknown.length > 1 ? 's' : ''} ${unknown.join(', ')} (the columns are ${csvColumns.join(', ')})`;
    return { ok: false, problems: [{ line: header.info.lines, message }] };
  }
  const rows = body.map(({ record, info }) => {
    const cells: CsvRow = {};
    names.forEach((name, index) => {
      cells[name as CsvColumn] = record[index] ?? '';
    });
    return { line: info.lines, cells };
  });
  return { ok: true, rows };
}

/** Writes rows with every column in the standard order. */
export function writeCsv(rows: readonly CsvRow[]): string {
  return stringify(
    rows.map((row) => csvColumns.map((column) => row[column] ?? '')),
    { header: true, columns: [...csvColumns] },
  );
}
