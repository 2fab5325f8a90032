import { InputError } from '../model/errors';

const formatters = new Map<string, Intl.DateTimeFormat>();

/** Checks an IANA zone name (`--tz`, `chatReview.timeZone`); undefined means this machine's zone. */
export function checkTimeZone(zone: string | undefined): void {
  if (zone === undefined) return;
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
  } catch {
    throw new InputError(`unknown time zone "${zone}" (use an IANA name such as Europe/Amsterdam)`);
  }
}

/** Zone offsets change only on quarter hours (real zones: :00, :30, :45), so one is cached per quarter hour. */
const QUARTER_HOUR = 15 * 60 * 1000;
const offsets = new Map<string, Map<number, number>>();

function formatterFor(zone: string | undefined): Intl.DateTimeFormat {
  const key = zone ?? '';
  let f = formatters.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat('en-CA', {
      timeZone: zone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit',
    });
    formatters.set(key, f);
  }
  return f;
}

/** How far a zone's wall clock is ahead of UTC at an instant, in ms (Intl is slow: cached). */
function offsetAt(epochMs: number, zone: string | undefined): number {
  let byQuarter = offsets.get(zone ?? '');
  if (!byQuarter) offsets.set(zone ?? '', byQuarter = new Map());
  const quarter = Math.floor(epochMs / QUARTER_HOUR);
  let offset = byQuarter.get(quarter);
  if (offset === undefined) {
    const at = quarter * QUARTER_HOUR;
    const p = Object.fromEntries(formatterFor(zone).formatToParts(new Date(at)).map((x) => [x.type, x.value]));
    offset = Date.UTC(+p.year, +p.month - 1, +p.day, +p.hour, +p.minute, +p.second) - at;
    byQuarter.set(quarter, offset);
  }
  return offset;
}

const two = (n: number) => (n < 10 ? `0${n}` : `${n}`);

/**
 * Epoch milliseconds as local wall-clock time in a zone (`2020-03-12T14:05:00`), the form every
 * message timestamp takes. Exports that store epoch times (SMS, Telegram) go through here.
 */
export function wallClock(epochMs: number, zone?: string): string {
  const d = new Date(epochMs + offsetAt(epochMs, zone));
  const year = d.getUTCFullYear();
  return `${year < 1000 ? String(year).padStart(4, '0') : year}-${two(d.getUTCMonth() + 1)}-${two(d.getUTCDate())}T${two(d.getUTCHours())}:${two(d.getUTCMinutes())}:${two(d.getUTCSeconds())}`;
}
