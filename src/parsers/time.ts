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

/**
 * Epoch milliseconds as local wall-clock time in a zone (`2020-03-12T14:05:00`), the form every
 * message timestamp takes. Exports that store epoch times (SMS, Telegram) go through here.
 */
export function wallClock(epochMs: number, zone?: string): string {
  const key = zone ?? '';
  let f = formatters.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat('en-CA', {
      timeZone: zone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit',
    });
    formatters.set(key, f);
  }
  const p = Object.fromEntries(f.formatToParts(new Date(epochMs)).map((x) => [x.type, x.value]));
  return `${p.year}-${p.month}-${p.day}T${p.hour}:${p.minute}:${p.second}`;
}
