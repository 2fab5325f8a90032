import { addDays, format, isValid, parse, previousDay } from 'date-fns';
import { messageId, type Conversation, type Message } from '../../model/conversation';
import type { Bubble, DaySeparator, OrderedConversation, ScreenHint } from './types';

/** Who the right-hand (sent) bubbles are from: the phone's owner, whose name a screenshot never shows. */
export const OWNER = 'Ik (eigenaar telefoon)';

/**
 * The reconstructed conversation as messages: bubbles in order, dated by the separators before
 * them, with honest precision — `minute` for a bubble whose own time is shown or that directly
 * follows a separator with a time, `day` for the rest (their time is the last one shown, so
 * order is kept, but the review shows `--:--`). Relative separators ("Vandaag", "Gisteren", a
 * weekday) count from the capture date of the screenshot they are on. Before the first dated
 * separator, the first date found later (or the capture date) stands in, at `day` precision.
 */
export function messagesFromScreens(
  ordered: OrderedConversation,
  hints: readonly ScreenHint[],
  titles: readonly (string | null)[],
): { conversation: Conversation; messages: Message[] } {
  const captured = new Map(hints.filter((h) => h.capturedAt).map((h) => [h.file, h.capturedAt!.slice(0, 10)]));
  const dateOf = (s: DaySeparator, file: string): string | undefined => separatorDate(s, captured.get(file));
  const firstDate = ordered.items.map((p) => (p.item.kind === 'separator' ? dateOf(p.item, p.file) : undefined)).find(Boolean)
    ?? [...captured.values()].sort()[0];

  const title = mostCommon(titles.filter((t): t is string => !!t)) ?? 'Screenshots';
  const messages: Message[] = [];
  let day = firstDate ?? '1970-01-01';
  let time = '00:00';
  let timeFresh = false;
  let gap = false;
  for (const placed of ordered.items) {
    if (placed.afterGap) gap = true;
    const item = placed.item;
    if (item.kind === 'separator') {
      day = dateOf(item, placed.file) ?? day;
      if (item.time) time = item.time;
      timeFresh = item.time !== undefined;
      continue;
    }
    const bubble: Bubble = item;
    const exact = bubble.time !== undefined || timeFresh;
    if (bubble.time) time = bubble.time;
    timeFresh = false;
    messages.push({
      id: messageId(messages.length + 1),
      timestamp: `${day}T${time}:00`,
      precision: exact && firstDate ? 'minute' : 'day',
      sender: bubble.side === 'right' ? OWNER : title,
      direction: bubble.side === 'right' ? 'outgoing' : 'incoming',
      kind: 'message',
      text: bubble.text,
      attachments: [],
      replyTo: null,
      source: { line: messages.length + 1, lines: 1 },
      meta: {
        image: { file: placed.file, box: bubble.box, confidence: Math.round(bubble.confidence * 100) / 100 },
        ...(gap ? { gapBefore: true } : {}),
      },
    });
    gap = false;
  }
  const participants = [...new Set(messages.map((m) => m.sender!))].map((name) => ({ name }));
  return { conversation: { title, participants }, messages };
}

/** `YYYY-MM-DD` a separator names, if it names (or, with a capture date, implies) one. */
export function separatorDate(s: DaySeparator, capturedOn: string | undefined): string | undefined {
  const d = s.date;
  if (!d) return undefined;
  const reference = capturedOn ? parse(capturedOn, 'yyyy-MM-dd', new Date(0)) : undefined;
  let date: Date | undefined;
  if ('relativeDays' in d) date = reference && addDays(reference, d.relativeDays);
  else if ('weekday' in d) date = reference && (reference.getDay() === d.weekday ? reference : previousDay(reference, d.weekday as 0 | 1 | 2 | 3 | 4 | 5 | 6));
  else {
    const year = d.year ?? reference?.getFullYear();
    if (year === undefined) return undefined;
    date = new Date(year, d.month - 1, d.day);
    // A date without a year that would lie after the capture is from the year before.
    if (d.year === undefined && reference && date > reference) date = new Date(year - 1, d.month - 1, d.day);
    if (date.getMonth() !== d.month - 1) return undefined; // 31 February
  }
  return date && isValid(date) ? format(date, 'yyyy-MM-dd') : undefined;
}

function mostCommon(xs: readonly string[]): string | undefined {
  const counts = new Map<string, number>();
  for (const x of xs) counts.set(x, (counts.get(x) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0]?.[0];
}
