import { addDays, format, isValid, parse, previousDay } from 'date-fns';
import { messageId, screenshotOrder, type Conversation, type Message } from '../../model/conversation';
import type { Box, Bubble, DaySeparator, OrderedConversation, PlacedItem, ScreenHint, ScreenLayout } from './types';

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
  layouts: readonly ScreenLayout[],
): { conversation: Conversation; messages: Message[] } {
  const titles = layouts.map((l) => l.title);
  const layoutOf = new Map(layouts.map((l) => [l.file, l]));
  const remnants = edgeRemnants(ordered, layouts);
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
  let runSender: string | undefined;
  // The transcript's first two lines are its heading; a gap takes a line of its own (see transcriptOf).
  let line = 3;
  for (const placed of ordered.items) {
    if (placed.afterGap) {
      gap = true;
      runSender = undefined;
    }
    const item = placed.item;
    if (item.kind === 'separator') {
      runSender = undefined;
      day = dateOf(item, placed.file) ?? day;
      if (item.time) time = item.time;
      timeFresh = item.time !== undefined;
      continue;
    }
    const bubble: Bubble & { sender?: string } = item;
    // A group chat names the sender above the first bubble of a run; the run's next bubbles are theirs too.
    if (bubble.side === 'right') runSender = undefined;
    else if (bubble.sender) runSender = bubble.sender;
    const exact = bubble.time !== undefined || timeFresh;
    if (bubble.time) time = bubble.time;
    timeFresh = false;
    if (gap) line++;
    const lines = bubble.text.split('\n').length;
    // The same bubble on other screenshots (an overlap): where the text reads alike, its words' boxes too.
    const copies = (placed.copies ?? []).flatMap(({ file, index }) => {
      const copy = layoutOf.get(file)?.items[index];
      if (copy?.kind !== 'bubble') return [];
      return [{ file, box: copy.box, ...(copy.text === bubble.text ? { words: copy.words } : {}) }];
    }).concat(remnants.get(placed) ?? []);
    messages.push({
      id: messageId(messages.length + 1),
      timestamp: `${day}T${time}:00`,
      precision: exact && firstDate ? 'minute' : 'day',
      sender: bubble.side === 'right' ? OWNER : runSender ?? title,
      direction: bubble.side === 'right' ? 'outgoing' : 'incoming',
      kind: 'message',
      text: bubble.text,
      attachments: [],
      replyTo: null,
      source: { line, lines },
      meta: {
        image: {
          file: placed.file, box: bubble.box, confidence: Math.round(bubble.confidence * 100) / 100, words: bubble.words,
          ...(copies.length ? { copies } : {}),
        },
        ...(gap ? { gapBefore: true } : {}),
        ...(firstDate ? {} : { dateUnknown: true }),
      },
    });
    gap = false;
    line += lines;
  }
  const participants = [...new Set(messages.map((m) => m.sender!))].map((name) => ({ name }));
  const screenshots = ordered.screens.map((s) => ({
    file: s.file, overlap: s.overlap, joinConfidence: s.joinConfidence === null ? null : Math.round(s.joinConfidence * 100) / 100, gap: s.gap,
  }));
  return { conversation: { title, participants, screenshots }, messages };
}

/**
 * Where a bubble may show on a screenshot without being read: above the first item, the last
 * lines of the bubble before it can stand at the top edge, cut so far that OCR read nothing (or
 * fragments it dropped); below the last item, the first lines of the next. Those strips are
 * partial copies of that bubble, so removing it blacks them out too. After a gap, the strip
 * belongs to a message the screenshots never show whole, not to the one before.
 */
function edgeRemnants(ordered: OrderedConversation, layouts: readonly ScreenLayout[]): Map<PlacedItem, { file: string; box: Box }[]> {
  const position = new Map<string, number>();
  ordered.items.forEach((p, i) => {
    for (const at of [{ file: p.file, index: p.index }, ...(p.copies ?? [])]) position.set(`${at.file}\0${at.index}`, i);
  });
  const remnants = new Map<PlacedItem, { file: string; box: Box }[]>();
  const add = (placed: PlacedItem | undefined, file: string, y0: number, y1: number, band: Box) => {
    if (placed?.item.kind !== 'bubble' || y1 - y0 < 1) return;
    remnants.set(placed, [...(remnants.get(placed) ?? []), { file, box: { x: band.x, y: y0, width: band.width, height: y1 - y0 } }]);
  };
  for (const layout of layouts) {
    const { band, items } = layout;
    if (!band || items.length === 0) continue;
    const first = position.get(`${layout.file}\0${0}`);
    const last = position.get(`${layout.file}\0${items.length - 1}`);
    if (first !== undefined && !ordered.items[first].afterGap) add(ordered.items[first - 1], layout.file, band.y, items[0].box.y, band);
    const end = items[items.length - 1].box;
    if (last !== undefined && !ordered.items[last + 1]?.afterGap) add(ordered.items[last + 1], layout.file, end.y + end.height, band.y + band.height, band);
  }
  return remnants;
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

/** `[2020-03-12 14:05] Sender: ` — where a transcript line's text starts; `--:--` for a time not shown, `????-??-??` for a date. */
export const TRANSCRIPT_LINE = /^\[(?:\d{4}-\d{2}-\d{2}|\?{4}-\?\?-\?\?) (?:\d{2}:\d{2}|--:--)\] [^:\n]*: /;

/**
 * The reconstructed conversation as plain text, the chat text of a screenshot export: a heading,
 * then one message per line (`[date time] sender: text`, a text's further lines verbatim after
 * it), and a marked line where the screenshots did not overlap. Every message stands on the
 * lines its `source` names, so the transcript is cleaned and diffed like any chat text.
 */
export function transcriptOf(conversation: Conversation, messages: readonly Message[]): string {
  // File names and names read by OCR stay on their line: a line break in one would shift every
  // message off the lines its source names, and cleaning removes lines by number.
  const oneLine = (s: string) => s.replace(/[\r\n]/g, ' ');
  const out = [
    `# ${oneLine(conversation.title)} · read from screenshots by OCR and put in order by Chat Review; --:-- is a time the screenshots do not show\n`,
    `# screenshots in order, each join's certainty: ${oneLine(screenshotOrder(conversation.screenshots ?? []))}\n`,
  ];
  for (const m of messages) {
    if (m.meta?.gapBefore) out.push('# gap: the screenshots do not overlap here, messages may be missing\n');
    const time = m.precision === 'day' ? '--:--' : m.timestamp.slice(11, 16);
    const date = m.meta?.dateUnknown ? '????-??-??' : m.timestamp.slice(0, 10);
    // A colon in the name would blur where the text starts (a title read by OCR may have one).
    out.push(`[${date} ${time}] ${oneLine(m.sender ?? '').replace(/:/g, '∶')}: ${m.text.replace(/\r/g, ' ')}\n`);
  }
  return out.join('');
}
