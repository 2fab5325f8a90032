import { CodeActionKind, type CodeAction, type CodeActionParams, type TextEdit } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { TAG_COLUMN_WIDTH, type LineTag, type Tag } from '../model';
import type { Analysis, ReviewPage } from './analysis';
import { SOURCE, type FlagData } from './diagnostics';

const TAGS: readonly Tag[] = ['AVG', 'privé', 'scope'];
const TAG_LABEL: Record<Tag, string> = { AVG: 'AVG', 'privé': 'privé', scope: 'out of scope' };

/** Kinds under `source` so they appear in "Source Action…" and can be bound to keys. */
export const SOURCE_KINDS = {
  selection: `${CodeActionKind.Source}.chatreview.tagSelection`,
  day: `${CodeActionKind.Source}.chatreview.tagDay`,
  senders: `${CodeActionKind.Source}.chatreview.tagSenders`,
  period: `${CodeActionKind.Source}.chatreview.tagOutsidePeriod`,
};

/** Edits that put `tag` in the tag column of the given lines (skipping lines that have it). */
function tagEdits(doc: TextDocument, analysis: Analysis, ids: Iterable<string>, tag: LineTag | ''): TextEdit[] {
  const edits: TextEdit[] = [];
  for (const id of ids) {
    const entry = analysis.lines.get(id);
    if (!entry || entry.review.tag === tag) continue;
    const text = lineText(doc, entry.line);
    const idColumn = text.indexOf(id);
    edits.push({ range: { start: { line: entry.line, character: 0 }, end: { line: entry.line, character: idColumn } }, newText: tag.padEnd(TAG_COLUMN_WIDTH) });
  }
  return edits;
}

function lineText(doc: TextDocument, line: number): string {
  return doc.getText({ start: { line, character: 0 }, end: { line: line + 1, character: 0 } }).replace(/\r?\n$/, '');
}

function action(title: string, kind: string, uri: string, edits: TextEdit[], extra: Partial<CodeAction> = {}): CodeAction | undefined {
  if (edits.length === 0) return undefined;
  return { title, kind, edit: { changes: { [uri]: edits } }, ...extra };
}

/** The ids of message lines between two document lines. */
function idsInLines(analysis: Analysis, from: number, to: number): string[] {
  const ids: string[] = [];
  for (const [id, entry] of analysis.lines) if (entry.line >= from && entry.line <= to) ids.push(id);
  return ids;
}

export function codeActions(doc: TextDocument, page: ReviewPage, analysis: Analysis, params: CodeActionParams): CodeAction[] {
  const uri = doc.uri;
  const actions: (CodeAction | undefined)[] = [];
  const wantsSource = params.context.only?.some((k) => k.startsWith(CodeActionKind.Source)) ?? false;
  const { start, end } = params.range;
  const lastLine = end.character === 0 && end.line > start.line ? end.line - 1 : end.line;
  const selected = idsInLines(analysis, start.line, lastLine);

  // Messages with an unresolved flag of a rule, computed once per rule and request.
  const unresolvedByRule = new Map<string, string[]>();
  const unresolvedOf = (rule: string) => {
    let ids = unresolvedByRule.get(rule);
    if (!ids) {
      ids = [...new Set(analysis.flags.filter((f) => !f.resolved && f.flag.rule === rule).map((f) => f.flag.id))];
      unresolvedByRule.set(rule, ids);
    }
    return ids;
  };

  if (!wantsSource) {
    const offered = new Set<string>();
    for (const d of params.context.diagnostics) {
      if (d.source !== SOURCE || !d.data) continue;
      const flag = d.data as FlagData;
      if (flag.category === 'info') continue;
      const line = analysis.lines.get(flag.id);
      if (!line) continue;
      const key = `${flag.id}:${flag.category}`;
      if (!offered.has(key)) {
        offered.add(key);
        actions.push(action(`Tag ${flag.id} as ${TAG_LABEL[flag.category]} (${flag.rule})`, CodeActionKind.QuickFix, uri,
          tagEdits(doc, analysis, [flag.id], flag.category), { diagnostics: [d], isPreferred: true }));
      }
      const text = lineText(doc, line.line);
      const flagged = text.slice(d.range.start.character, d.range.end.character);
      // Not where it would nest or cross an existing redaction.
      if (flag.span && !/[⟦⟧]/.test(flagged) && text[d.range.start.character - 1] !== '|') {
        actions.push(action(`Redact only "${flagged}" as ${TAG_LABEL[flag.category]}`, CodeActionKind.QuickFix, uri, [
          { range: { start: d.range.start, end: d.range.start }, newText: `⟦${flag.category}|` },
          { range: { start: d.range.end, end: d.range.end }, newText: '⟧' },
        ], { diagnostics: [d] }));
      }
      const sameRule = unresolvedOf(flag.rule);
      if (sameRule.length > 1 && !offered.has(`rule:${flag.rule}`)) {
        offered.add(`rule:${flag.rule}`);
        actions.push(action(`Tag all ${sameRule.length} messages with an open "${flag.rule}" flag on this page as ${TAG_LABEL[flag.category]}`,
          CodeActionKind.QuickFix, uri, tagEdits(doc, analysis, sameRule, flag.category), { diagnostics: [d] }));
      }
      actions.push(action(`Keep ${flag.id} (dismiss its flags)`, CodeActionKind.QuickFix, uri, tagEdits(doc, analysis, [flag.id], 'keep'), { diagnostics: [d] }));
    }
    // A message and its replies (and theirs) on this page, tagged together.
    if (selected.length === 1) {
      const thread = repliesOf(page, selected[0]);
      if (thread.length > 1) {
        for (const tag of TAGS) {
          actions.push(action(`Tag ${selected[0]} and its ${thread.length - 1} ${thread.length === 2 ? 'reply' : 'replies'} as ${TAG_LABEL[tag]}`,
            CodeActionKind.QuickFix, uri, tagEdits(doc, analysis, thread, tag)));
        }
      }
    }
    // Plain tagging of the lines under the cursor or selection, flagged or not.
    for (const tag of TAGS) {
      if (selected.length === 1 && offered.has(`${selected[0]}:${tag}`)) continue;
      actions.push(action(selected.length === 1 ? `Tag ${selected[0]} as ${TAG_LABEL[tag]}` : `Tag ${selected.length} selected messages as ${TAG_LABEL[tag]}`,
        CodeActionKind.QuickFix, uri, tagEdits(doc, analysis, selected, tag)));
    }
    actions.push(action(selected.length === 1 ? `Clear the tag of ${selected[0]}` : `Clear the tags of ${selected.length} selected messages`,
      CodeActionKind.QuickFix, uri, tagEdits(doc, analysis, selected, '')));
    return dedupe(actions);
  }

  const messages = selected.map((id) => page.byId.get(id)!).filter(Boolean);
  const days = new Set(messages.map((m) => m.timestamp.slice(0, 10)));
  const senders = new Set(messages.map((m) => m.sender).filter((s): s is string => s !== null));
  const sameDay = page.data.messages.filter((m) => days.has(m.timestamp.slice(0, 10))).map((m) => m.id);
  const sameSender = page.data.messages.filter((m) => m.sender !== null && senders.has(m.sender)).map((m) => m.id);
  const outside = unresolvedOf('period');
  for (const tag of TAGS) {
    actions.push(action(`Tag the ${selected.length} selected messages as ${TAG_LABEL[tag]}`, SOURCE_KINDS.selection, uri, tagEdits(doc, analysis, selected, tag)));
    actions.push(action(`Tag all ${sameDay.length} messages of ${[...days].join(', ')} as ${TAG_LABEL[tag]}`, SOURCE_KINDS.day, uri, tagEdits(doc, analysis, sameDay, tag)));
    actions.push(action(`Tag all ${sameSender.length} messages of ${[...senders].join(', ')} on this page as ${TAG_LABEL[tag]}`, SOURCE_KINDS.senders, uri, tagEdits(doc, analysis, sameSender, tag)));
  }
  actions.push(action(`Tag all ${outside.length} messages outside the period as out of scope`, SOURCE_KINDS.period, uri, tagEdits(doc, analysis, outside, 'scope')));
  return dedupe(actions);
}

/** A message and every message on the page that replies to it, directly or through other replies. */
function repliesOf(page: ReviewPage, id: string): string[] {
  const thread = new Set([id]);
  for (const m of page.data.messages) if (m.replyTo !== null && thread.has(m.replyTo)) thread.add(m.id);
  return [...thread];
}

function dedupe(actions: (CodeAction | undefined)[]): CodeAction[] {
  const seen = new Set<string>();
  return actions.filter((a): a is CodeAction => {
    if (!a || seen.has(a.title)) return false;
    seen.add(a.title);
    return true;
  });
}
