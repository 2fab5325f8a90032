import type { Flag, FlagCategory, Message } from '../model';
import { DISPUTE_RULE, IDENTIFIER_RULES, isFlagResolved, LineLayout, lineId, readReviewLine, ReviewLineError, TAG_COLUMN_WIDTH, type ReviewLine } from '../model';
import type { PageRequest, ReviewStats } from '../model/protocol';
import { participantKeys, scanConversation } from './detectors';

/** A flag placed in the document: where it is and whether the reviewer already dealt with it. */
export interface PlacedFlag {
  flag: Flag;
  line: number;
  /** Columns in the current line text. */
  start: number;
  end: number;
  resolved: boolean;
}

export interface LineProblem {
  line: number;
  /** Where on the line, when known; otherwise the whole line. */
  column?: number;
  message: string;
}

export interface Analysis {
  flags: PlacedFlag[];
  problems: LineProblem[];
  /** Review state of each message line, by id (absent for lines with problems). */
  lines: Map<string, { line: number; review: ReviewLine }>;
  stats: ReviewStats;
}

const IDENTIFIERS = new Set<string>(IDENTIFIER_RULES);

/** Lower sorts first: validated identifiers, then other AVG, privé, scope, notices. */
export function flagPriority(f: Flag): number {
  if (f.category === 'AVG') return IDENTIFIERS.has(f.rule) || f.rule === 'bulk-pii' ? 0 : 1;
  return f.category === 'privé' ? 2 : f.category === 'scope' ? 3 : 4;
}

/** Below this mean word confidence an OCR reading gets a notice: check it against the image. */
const LOW_OCR_CONFIDENCE = 0.8;

/** Notices on messages read from screenshots: a doubtful reading, and a gap before the message. */
function screenshotNotices(messages: readonly Message[]): Flag[] {
  const out: Flag[] = [];
  let dateNoted = false;
  for (const m of messages) {
    const image = m.meta?.image;
    if (!image) continue;
    if (image.confidence < LOW_OCR_CONFIDENCE) {
      out.push({ id: m.id, category: 'info', rule: 'ocr', confidence: 1, span: null, explanation: `read by OCR with confidence ${Math.round(image.confidence * 100)}% from ${image.file}: check the text against the bubble (hover)` });
    }
    if (m.meta?.dateUnknown && !dateNoted) {
      dateNoted = true;
      out.push({ id: m.id, category: 'info', rule: 'ocr-date', confidence: 1, span: null, explanation: 'the screenshots show no date (only relative days such as "Vandaag") and carry no capture time: the dates are unknown (shown as 1970-01-01) and the period is not checked' });
    }
    if (m.meta?.gapBefore) {
      out.push({ id: m.id, category: 'info', rule: 'ocr-gap', confidence: 1, span: null, explanation: 'the screenshots before this message do not overlap with its own: messages may be missing just before it' });
    }
  }
  return out;
}

/**
 * One review page as the server knows it: its messages (from the client) and their flags,
 * computed once per page and policy. Edits only change tags, so re-analysing the text after an
 * edit never re-runs detection; unchanged lines are not even re-read.
 */
export class ReviewPage {
  readonly byId = new Map<string, Message>();
  readonly flagsById = new Map<string, Flag[]>();
  private readonly lineCache = new Map<string, { text: string; review: ReviewLine }>();
  /** Text offset → column maps, per flagged message; message text never changes. */
  private readonly layouts = new Map<string, LineLayout>();

  constructor(readonly data: PageRequest.Result) {
    for (const m of data.messages) this.byId.set(m.id, m);
    const scanned = [...data.before, ...data.messages, ...data.after];
    const disputes: Flag[] = (data.disputes ?? []).map((d) => ({
      id: d.id, category: 'info', rule: DISPUTE_RULE, confidence: 1, span: null,
      explanation: `the second reviewer disputes this decision${d.comment ? `: "${d.comment}"` : ''}`,
    }));
    for (const flag of [...disputes, ...screenshotNotices(data.messages), ...scanConversation(scanned, data.policy, participantKeys(data.header.conversation.participants.map((p) => p.name)))]) {
      if (!this.byId.has(flag.id)) continue;
      const list = this.flagsById.get(flag.id);
      if (list) list.push(flag);
      else this.flagsById.set(flag.id, [flag]);
    }
  }

  /** Reads every line of the document: tags, redactions, edits that are not allowed, flags. */
  analyse(lines: readonly string[]): Analysis {
    const flags: PlacedFlag[] = [];
    const problems: LineProblem[] = [];
    const reviewed = new Map<string, { line: number; review: ReviewLine }>();
    const seen = new Set<string>();
    const stats = emptyStats(this.data.messages.length);
    for (let i = 0; i < lines.length; i++) {
      const text = lines[i];
      if (text.startsWith('#') || text.trim() === '') continue;
      const id = lineId(text);
      const m = id === undefined ? undefined : this.byId.get(id);
      if (!id || !m) {
        problems.push({ line: i, message: id ? `${id} is not a message of this page` : 'this line is not a message line (lines cannot be added)' });
        continue;
      }
      if (seen.has(id)) {
        problems.push({ line: i, message: `${id} appears twice (lines cannot be copied)` });
        continue;
      }
      seen.add(id);
      let review: ReviewLine;
      try {
        review = this.read(text, m);
      } catch (e) {
        if (!(e instanceof ReviewLineError)) throw e;
        problems.push({ line: i, column: e.column, message: `${id}: ${e.message}` });
        continue;
      }
      reviewed.set(id, { line: i, review });
      this.place(i, text, m, review, flags, stats);
    }
    for (const m of this.data.messages) {
      if (!seen.has(m.id)) problems.push({ line: 0, message: `message ${m.id} is missing: its line was deleted; undo to restore it` });
    }
    stats.invalidLines = problems.length;
    return { flags, problems, lines: reviewed, stats };
  }

  private read(text: string, m: Message): ReviewLine {
    const cached = this.lineCache.get(m.id);
    if (cached && cached.text === text) return cached.review;
    const review = readReviewLine(text, m);
    this.lineCache.set(m.id, { text, review });
    return review;
  }

  private place(line: number, text: string, m: Message, review: ReviewLine, out: PlacedFlag[], stats: ReviewStats): void {
    if (review.tag === 'keep') stats.kept++;
    else if (review.tag !== '') stats.tagged[review.tag]++;
    stats.redactions += review.redactions.length;
    const flags = this.flagsById.get(m.id);
    let open = 0;
    if (flags) {
      const idColumn = text.indexOf(m.id);
      let layout = this.layouts.get(m.id);
      if (!layout) this.layouts.set(m.id, (layout = LineLayout.forMessage(m)));
      const toColumn = (unmarked: number, end = false) => lineColumn(unmarked, idColumn, review, end);
      const bodyStart = toColumn(layout.columnOf(0));
      for (const flag of flags) {
        const resolved = isFlagResolved(flag, review.tag, review.redactions);
        const [start, end] = flag.span
          ? [toColumn(layout.columnOf(flag.span.start)), toColumn(layout.columnOf(flag.span.end), true)]
          : [bodyStart, text.length];
        out.push({ flag, line, start, end: Math.max(end, start + 1), resolved });
        if (!resolved) {
          // Notices (uncertain order) ask for no decision: they do not hold a message back.
          if (flag.category !== 'info' || flag.rule === DISPUTE_RULE) open++;
          stats.open[flag.category]++;
          stats.openByRule[flag.rule] = (stats.openByRule[flag.rule] ?? 0) + 1;
        }
      }
    }
    if (open === 0 || review.tag !== '') stats.reviewed++;
  }
}

/**
 * Column in the current line of a column in the unmarked rendering: the tag column and the
 * markers before it shift it. A start lands after a marker at that spot, an (exclusive) end
 * before it, so a range never includes a marker it does not enclose.
 */
function lineColumn(unmarked: number, idColumn: number, review: ReviewLine, end: boolean): number {
  let col = unmarked + idColumn - TAG_COLUMN_WIDTH;
  for (const mk of review.markers) {
    if (end ? mk.open >= col : mk.open > col) break;
    col += mk.tag.length + 2;
    if (end ? mk.close < col : mk.close <= col) col += 1;
  }
  return col;
}

export function emptyStats(messages: number): ReviewStats {
  const open: Record<FlagCategory, number> = { 'privé': 0, AVG: 0, scope: 0, info: 0 };
  return { messages, open, openByRule: {}, tagged: { 'privé': 0, AVG: 0, scope: 0 }, kept: 0, redactions: 0, reviewed: 0, invalidLines: 0 };
}
