import { isExists } from 'date-fns';
import { InputError } from '../../model/errors';
import type { Precision } from '../../model/conversation';
import type { DayOrder } from '../registry';
import { DAY_FIRST_LANGUAGE_HINT } from './strings';

/**
 * The message-header grammars (FORMATS.md). Capture groups, the same in all three:
 * 1 first date part, 2 date separator, 3 second part, 4 third part, 5 hour, 7 minute,
 * 8 second, 9 a/p of AM/PM. The rest of the line (author and body, or an event) follows the
 * match; it is sliced off rather than captured, which halves the cost of the expression.
 */
const SP = '[ \\u00A0\\u202F]';
const DATE = '(\\d{1,4})([-./])(\\d{1,2})\\2(\\d{2,4})';
const TIME = '(\\d{1,2})([:.])(\\d{2})(?:\\6(\\d{2}))?';
const AMPM = `(?:${SP}?([AaPp])\\.?${SP}?[Mm]\\.?)?`;

export type Grammar = 'android' | 'ios' | 'ios-legacy';

export const GRAMMARS: Record<Grammar, RegExp> = {
  /** `23-03-2022 13:31 - Naam: tekst`, `2/4/23, 10:35‹NNBSP›PM - `; system lines lack `Naam: `. */
  android: new RegExp(`^\\u200E?${DATE},?${SP}${TIME}${AMPM}${SP}[-–]${SP}`),
  /** `[13-01-2024, 18:47:25] Tim: tekst`, `[1/29/18, 12:24:03 PM] `, optionally after an LRM. */
  ios: new RegExp(`^\\u200E?\\[${DATE},?${SP}${TIME}${AMPM}\\]${SP}`),
  /** iOS before 2018: `14-03-17 21:05:33: Naam: tekst`. */
  'ios-legacy': new RegExp(`^\\u200E?${DATE},?${SP}${TIME}${AMPM}: `),
};

const GRAMMAR_NAMES = Object.keys(GRAMMARS) as Grammar[];

/** What one pass over the headers tells about a file: its grammar and its day order. */
export interface HeaderLayout {
  grammar: Grammar;
  /** null for year-first dates, which have no day-order question. */
  dayOrder: DayOrder | null;
}

/** A line can only be a header if it starts with a digit, `[` or an LRM. */
export function mayBeHeader(line: string): boolean {
  const c = line.charCodeAt(0);
  return (c >= 48 && c <= 57) || c === 91 || c === 0x200e;
}

const ENOUGH_HEADERS = 64;

/**
 * Collects evidence line by line until both the grammar and the day order are certain (usually
 * within the first lines), so the caller can stop reading early. FORMATS.md's rules, in order:
 * a first part above 12 means day-first and a second part above 12 month-first; `-` and `.`
 * separators mean day-first; `/` with AM/PM means month-first; Dutch or German system strings
 * mean day-first; anything else is ambiguous and an error that names the flags.
 */
export class HeaderSniffer {
  private readonly counts: Record<Grammar, number> = { android: 0, ios: 0, 'ios-legacy': 0 };
  private firstOver12 = false;
  private secondOver12 = false;
  private yearFirst = false;
  private dashOrDot = false;
  private ampm = false;
  private languageHint = false;
  private lineNo = 0;
  private example: string | null = null;

  constructor(private readonly what: string, private readonly override?: DayOrder) {}

  get headerCount(): number {
    return Math.max(...GRAMMAR_NAMES.map((g) => this.counts[g]));
  }

  /** Feeds one line; returns true once nothing more can be learnt. */
  line(line: string): boolean {
    this.lineNo++;
    if (!this.languageHint && DAY_FIRST_LANGUAGE_HINT.test(line)) this.languageHint = true;
    if (!mayBeHeader(line)) return false;
    for (const g of GRAMMAR_NAMES) {
      const m = GRAMMARS[g].exec(line);
      if (!m) continue;
      this.counts[g]++;
      if (m[1].length === 4) this.yearFirst = true;
      else {
        if (Number(m[1]) > 12) {
          this.firstOver12 = true;
          this.example ??= `line ${this.lineNo}`;
        }
        if (Number(m[3]) > 12) this.secondOver12 = true;
      }
      if (m[2] !== '/') this.dashOrDot = true;
      if (m[9]) this.ampm = true;
      break;
    }
    return this.headerCount >= ENOUGH_HEADERS && this.decidedEarly() !== undefined;
  }

  private decidedEarly(): DayOrder | null | undefined {
    if (this.override) return this.override;
    if (this.yearFirst) return null;
    if (this.firstOver12 && this.secondOver12) return undefined; // reported at the end
    if (this.firstOver12) return 'day-first';
    if (this.secondOver12) return 'month-first';
    if (this.dashOrDot) return 'day-first';
    return undefined;
  }

  result(): HeaderLayout {
    if (this.headerCount === 0) {
      throw new InputError(`${this.what}: no recognisable WhatsApp messages (no line starts with a date and time)`);
    }
    const grammar = GRAMMAR_NAMES.reduce((a, b) => (this.counts[b] > this.counts[a] ? b : a));
    if (this.override) return { grammar, dayOrder: this.override };
    if (this.yearFirst) return { grammar, dayOrder: null };
    if (this.firstOver12 && this.secondOver12) {
      throw new InputError(`${this.what} mixes day-first and month-first dates; check the file, or force one with --day-first or --month-first`);
    }
    const order = this.decidedEarly()
      ?? (this.ampm ? 'month-first' : this.languageHint ? 'day-first' : undefined);
    if (!order) {
      throw new InputError(`${this.what}: the day order of its dates cannot be told (no day above 12, no AM/PM, no Dutch strings); run again with --day-first or --month-first`);
    }
    return { grammar, dayOrder: order };
  }
}

/** Turns header captures into a local ISO timestamp, or null when the date does not exist. */
export class TimestampReader {
  private readonly dates = new Map<string, string | null>();
  private last: { a: string; b: string; c: string; iso: string | null } | undefined;

  constructor(private readonly dayOrder: DayOrder | null) {}

  /** The local ISO timestamp of a header match; null when that date or time does not exist. */
  read(m: RegExpExecArray): string | null {
    const date = this.date(m[1], m[3], m[4]);
    if (date === null) return null;
    let hour = Number(m[5]);
    const minute = Number(m[7]);
    const second = m[8] === undefined ? 0 : Number(m[8]);
    if (m[9]) {
      if (hour < 1 || hour > 12) return null;
      const pm = m[9] === 'p' || m[9] === 'P';
      hour = (hour % 12) + (pm ? 12 : 0);
    }
    if (hour > 23 || minute > 59 || second > 59) return null;
    return `${date}T${pad2(hour)}:${pad2(minute)}:${pad2(second)}`;
  }

  static precision(m: RegExpExecArray): Precision {
    return m[8] === undefined ? 'minute' : 'second';
  }

  private date(a: string, b: string, c: string): string | null {
    // Consecutive messages mostly share a day.
    const last = this.last;
    if (last && last.a === a && last.b === b && last.c === c) return last.iso;
    const key = `${a}/${b}/${c}`;
    let iso = this.dates.get(key);
    if (iso === undefined) {
      iso = this.resolve(a, b, c);
      this.dates.set(key, iso);
    }
    this.last = { a, b, c, iso };
    return iso;
  }

  private resolve(a: string, b: string, c: string): string | null {
    let year: number, month: number, day: number;
    if (a.length === 4) [year, month, day] = [Number(a), Number(b), Number(c)];
    else {
      year = c.length === 4 ? Number(c) : c.length === 2 ? 2000 + Number(c) : NaN;
      [day, month] = this.dayOrder === 'month-first' ? [Number(b), Number(a)] : [Number(a), Number(b)];
    }
    if (!isExists(year, month - 1, day)) return null;
    return `${year}-${pad2(month)}-${pad2(day)}`;
  }
}

function pad2(n: number): string {
  return n < 10 ? '0' + n : String(n);
}
