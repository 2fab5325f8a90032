import type { Message } from './conversation';

/** VS Code stays responsive with pages this size: far below its large-file and diagnostics limits. */
export const MAX_PAGE_MESSAGES = 10_000;

export interface Page {
  /** `2020-03`, or `2020-03.2` for the second part of a month too long for one page. */
  label: string;
  /** Index range into the conversation's messages, end exclusive. */
  start: number;
  end: number;
}

const PAGE_LABEL = /^\d{4}-\d{2}(?:\.\d+)?$/;

export function isPageLabel(s: string): boolean {
  return PAGE_LABEL.test(s);
}

/**
 * Splits a long conversation into pages: one per calendar month, a month with more than
 * `max` messages into parts (`2020-03.1`, `2020-03.2`). A conversation that fits on one page is
 * not split (no pages). Messages stay in source order, so a month that comes back after an
 * out-of-order timestamp gets a part of its own; labels are always unique.
 */
export function paginate(messages: readonly Message[], max = MAX_PAGE_MESSAGES): Page[] {
  if (messages.length <= max) return [];
  const chunks: { month: string; start: number; end: number }[] = [];
  let start = 0;
  for (let i = 1; i <= messages.length; i++) {
    const month = messages[start].timestamp.slice(0, 7);
    if (i === messages.length || i - start === max || messages[i].timestamp.slice(0, 7) !== month) {
      chunks.push({ month, start, end: i });
      start = i;
    }
  }
  const perMonth = new Map<string, number>();
  for (const c of chunks) perMonth.set(c.month, (perMonth.get(c.month) ?? 0) + 1);
  const seen = new Map<string, number>();
  return chunks.map((c) => {
    const part = (seen.get(c.month) ?? 0) + 1;
    seen.set(c.month, part);
    return { label: perMonth.get(c.month) === 1 ? c.month : `${c.month}.${part}`, start: c.start, end: c.end };
  });
}
