import { InputError } from './errors';
import { ReviewState, type Dismissal, type Redaction, type TagEntry } from './review';
import type { LineTag, RedactedSpan, ReviewLine, ReviewMarks } from './reviewDocument';
import type { Tag } from './review';

export function emptyReviewState(file: string, sha256: string, conversation?: string): ReviewState {
  return { version: 1, export: { file, sha256, ...(conversation === undefined ? {} : { conversation }) }, tags: [], redactions: [], dismissed: [], spotChecks: [] };
}

/** The state stamped with the policy it is saved under; an earlier policy moves to `previous`. */
export function withPolicy(state: ReviewState, sha256: string): ReviewState {
  const recorded = state.policy;
  if (recorded?.sha256 === sha256) return state;
  const previous = recorded ? [...(recorded.previous ?? []).filter((s) => s !== recorded.sha256), recorded.sha256] : [];
  return { ...state, policy: { sha256, ...(previous.length ? { previous } : {}) } };
}

/** Validates a sidecar's JSON against the schema and the export it claims to review. */
export function readReviewState(json: string, what: string, exportSha256: string): ReviewState {
  let data: unknown;
  try {
    data = JSON.parse(json);
  } catch (e) {
    throw new InputError(`${what} is not valid JSON (${(e as Error).message})`);
  }
  const parsed = ReviewState.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new InputError(`${what} is not a valid review state: ${issue.path.join('.') || 'document'}: ${issue.message}`);
  }
  if (parsed.data.export.sha256 !== exportSha256) {
    throw new InputError(`${what} reviews another version of the export (sha256 differs): the export changed under the review`);
  }
  return parsed.data;
}

/** The marks the review document shows for a state: tag column and redactions per message. */
export function marksFromState(state: ReviewState): ReviewMarks {
  const tags = new Map<string, LineTag>();
  for (const d of state.dismissed ?? []) tags.set(d.id, 'keep');
  for (const t of state.tags) tags.set(t.id, t.tag);
  const redactions = new Map<string, RedactedSpan[]>();
  for (const r of state.redactions ?? []) {
    const list = redactions.get(r.id) ?? [];
    list.push({ start: r.start, end: r.end, tag: r.tag });
    redactions.set(r.id, list);
  }
  return { tags, redactions };
}

export interface Stamp {
  /** Reviewer name for new entries. */
  by: string;
  /** ISO instant for new entries. */
  at: string;
  /** The rule behind a new tag or redaction, when a flag of that category suggested it. */
  ruleFor(id: string, tag: Tag, span?: { start: number; end: number }): string | undefined;
  /** Rules dismissed by `keep` on a message: its current flags. */
  flagRules(id: string): string[];
}

/**
 * Folds the marks of reviewed lines (one page) into the state. Entries that did not change keep
 * who made them and when; new ones get the stamp; ids not among `lines` are left alone.
 */
export function applyReviewLines(state: ReviewState, lines: readonly ReviewLine[], stamp: Stamp): ReviewState {
  const onPage = new Set(lines.map((l) => l.id));
  const oldTags = new Map(state.tags.filter((t) => onPage.has(t.id)).map((t) => [t.id, t]));
  const oldRedactions = new Map<string, Redaction>();
  for (const r of state.redactions ?? []) if (onPage.has(r.id)) oldRedactions.set(`${r.id}:${r.start}:${r.end}:${r.tag}`, r);
  const oldDismissed = (state.dismissed ?? []).filter((d) => onPage.has(d.id));

  const tags: TagEntry[] = state.tags.filter((t) => !onPage.has(t.id));
  const redactions: Redaction[] = (state.redactions ?? []).filter((r) => !onPage.has(r.id));
  const dismissed: Dismissal[] = (state.dismissed ?? []).filter((d) => !onPage.has(d.id));
  for (const line of lines) {
    if (line.tag === 'keep') {
      const kept = oldDismissed.filter((d) => d.id === line.id);
      if (kept.length) dismissed.push(...kept);
      else {
        // `*`: kept while no flag was known; it still records that a reviewer looked.
        const rules = stamp.flagRules(line.id);
        for (const rule of rules.length ? rules : ['*']) dismissed.push({ id: line.id, rule, by: stamp.by, at: stamp.at });
      }
    } else if (line.tag !== '') {
      const old = oldTags.get(line.id);
      if (old && old.tag === line.tag) tags.push(old);
      else {
        const rule = stamp.ruleFor(line.id, line.tag);
        tags.push({ id: line.id, tag: line.tag, ...(rule ? { rule } : {}), by: stamp.by, at: stamp.at });
      }
    }
    for (const r of line.redactions) {
      const old = oldRedactions.get(`${line.id}:${r.start}:${r.end}:${r.tag}`);
      if (old) redactions.push(old);
      else {
        const rule = stamp.ruleFor(line.id, r.tag, r);
        redactions.push({ id: line.id, start: r.start, end: r.end, tag: r.tag, ...(rule ? { rule } : {}), by: stamp.by, at: stamp.at });
      }
    }
  }
  const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  return { ...state, tags: tags.sort(byId), redactions: redactions.sort(byId), dismissed: dismissed.sort(byId) };
}
