import { parse } from 'csv-parse/sync';
import type { Message, Redaction } from '../../model';
import { splitEnd, type CleaningPlan, type LineFormat } from '../lines';
import { cannotPlace, redactedText } from './text';

/** Characters that make a spreadsheet read a cell as a formula (OWASP "CSV injection"). */
const FORMULA_START = /^[=+\-@\t\r]/;
const MAY_HOLD_FORMULA = /(?:^|[,;"\n])[=+\-@\t]/;

/** A cell as CSV writes it: quoted when it holds the delimiter, a quote, a line break or edge space. */
function quote(cell: string, delimiter: string): string {
  return cell.includes(delimiter) || /["\r\n]/.test(cell) || /^\s|\s$/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell;
}

/** A signed number or phone number (`+31600000001`, `-5`): a spreadsheet reads it as a value, not a formula. */
const PLAIN_NUMBER = /^[+-][\d ().-]*$/;

/** Whether a spreadsheet would run a cell as a formula. */
function runsAsFormula(cell: string): boolean {
  return FORMULA_START.test(cell) && !PLAIN_NUMBER.test(cell);
}

/** A cell a spreadsheet would run as a formula gets a leading apostrophe: it then shows as text. */
function neutralise(cell: string): string {
  return runsAsFormula(cell) ? `'${cell}` : cell;
}

function readRecord(block: string, delimiter: string): string[] | undefined {
  try {
    const rows = parse(block, { delimiter, bom: false, relax_column_count: true }) as string[][];
    return rows.length === 1 ? rows[0] : undefined;
  } catch {
    return undefined;
  }
}

function writeRecord(cells: string[], delimiter: string, end: string): string {
  return cells.map((c) => quote(neutralise(c), delimiter)).join(delimiter) + end;
}

/**
 * A CSV export whose records are messages (iMazing). A redacted record is written again with the
 * text cell redacted; every record is re-quoted where needed, and any record with a cell that a
 * spreadsheet would run as a formula (`=…`, `@…`, `+cmd|…`; not a phone number like `+316…`) is
 * written with those cells neutralised, so the cleaned CSV is safe to open in Excel. Line breaks inside a cell keep the record's own line end.
 */
export function csvFormat(delimiter: string, textColumn: number, sameText: (cell: string, m: Message) => boolean): LineFormat {
  return {
    rewrite(raw: string[], m: Message, redactions: readonly Redaction[], plan: CleaningPlan) {
      const cells = readRecord(raw.join(''), delimiter);
      if (!cells || cells[textColumn] === undefined || !sameText(cells[textColumn], m)) throw cannotPlace(m, redactions, 'its record does not hold the text that was reviewed');
      cells[textColumn] = redactedText(m.text, redactions, plan);
      return [writeRecord(cells, delimiter, splitEnd(raw[raw.length - 1])[1]), ...raw.slice(1).map(() => null)];
    },
    normalize(raw: string[]) {
      const block = raw.join('');
      if (!MAY_HOLD_FORMULA.test(block) && !FORMULA_START.test(block)) return null;
      const cells = readRecord(block, delimiter);
      if (!cells || !cells.some(runsAsFormula)) return null;
      return { lines: [writeRecord(cells, delimiter, splitEnd(raw[raw.length - 1])[1]), ...raw.slice(1).map(() => null)], reason: 'CSV · a cell that would run as a formula in a spreadsheet, neutralised' };
    },
  };
}
