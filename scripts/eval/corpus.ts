import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { z } from 'zod';

/** Where the corpus and the eval policy live. */
export const ROOT = resolve(__dirname, '..', '..');
export const CORPUS_DIR = join(ROOT, 'test', 'eval', 'corpus');
export const POLICY_FILE = join(ROOT, 'test', 'eval', 'policy.json');
/** The hold-out corpus (npm run eval -- --holdout): written apart from the detectors and the main corpus's templates, with its own policy. */
export const HOLDOUT_DIR = join(ROOT, 'test', 'eval', 'holdout');
export const HOLDOUT_POLICY_FILE = join(HOLDOUT_DIR, 'policy.json');

/** Each gold rule and its category (POLICY.md): all AVG except private (privé), period and topic (scope). */
export const GOLD_RULES = {
  bsn: 'AVG',
  iban: 'AVG',
  phone: 'AVG',
  email: 'AVG',
  address: 'AVG',
  dob: 'AVG',
  plate: 'AVG',
  health: 'AVG',
  criminal: 'AVG',
  'bulk-pii': 'AVG',
  name: 'AVG',
  private: 'privé',
  period: 'scope',
  topic: 'scope',
} as const;
export type GoldRule = keyof typeof GOLD_RULES;
export const GOLD_RULE_IDS = Object.keys(GOLD_RULES) as GoldRule[];
/** Rules about the whole message: their gold span is always null. */
export const MESSAGE_LEVEL_RULES: ReadonlySet<string> = new Set(['private', 'period', 'topic', 'bulk-pii']);

const Span = z.strictObject({ start: z.number().int().nonnegative(), end: z.number().int().positive() }).refine((s) => s.end > s.start, 'a span ends after it starts');

export const GoldLabel = z
  .strictObject({
    category: z.enum(['privé', 'AVG', 'scope']),
    rule: z.enum(GOLD_RULE_IDS as [GoldRule, ...GoldRule[]]),
    span: Span.nullable(),
    /** The span's text: must equal the message text's slice. */
    text: z.string().min(1).optional(),
  })
  .refine((l) => GOLD_RULES[l.rule] === l.category, { message: 'rule and category do not belong together' })
  .refine((l) => (MESSAGE_LEVEL_RULES.has(l.rule) ? l.span === null : l.span !== null), { message: 'message-level rules have span null, the others a span' })
  .refine((l) => (l.span === null) === (l.text === undefined), { message: 'a span label carries its text, a message-level label none' });
export type GoldLabel = z.infer<typeof GoldLabel>;

export const CorpusMessage = z
  .strictObject({
    id: z.string().regex(/^m\d{6}$/),
    timestamp: z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}$/),
    precision: z.literal('minute'),
    sender: z.string().min(1),
    kind: z.literal('message'),
    text: z.string().min(1),
    labels: z.array(GoldLabel),
  })
  .superRefine((m, ctx) => {
    m.labels.forEach((l, i) => {
      if (!l.span) return;
      if (l.span.end > m.text.length) ctx.addIssue({ code: 'custom', path: ['labels', i, 'span'], message: `span ${l.span.start}-${l.span.end} is past the text (${m.text.length})` });
      else if (m.text.slice(l.span.start, l.span.end) !== l.text) ctx.addIssue({ code: 'custom', path: ['labels', i, 'text'], message: `"${l.text}" is not the text at ${l.span.start}-${l.span.end} ("${m.text.slice(l.span.start, l.span.end)}")` });
    });
  });
export type CorpusMessage = z.infer<typeof CorpusMessage>;

export const Manifest = z.object({
  description: z.string(),
  generator: z.string(),
  period: z.object({ start: z.string(), end: z.string().nullable() }),
  conversations: z.array(z.object({ file: z.string(), title: z.string(), description: z.string(), messages: z.number().int().positive(), first: z.string(), last: z.string() })).min(1),
});
export type Manifest = z.infer<typeof Manifest>;

export interface Conversation {
  file: string;
  title: string;
  messages: CorpusMessage[];
}

/** Reads and validates the corpus: every message against the schema; ids unique across files. */
export function loadCorpus(dir = CORPUS_DIR): { manifest: Manifest; conversations: Conversation[] } {
  const manifest = Manifest.parse(JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')));
  const ids = new Set<string>();
  const conversations = manifest.conversations.map((c) => {
    const lines = readFileSync(join(dir, c.file), 'utf8').split('\n').filter((l) => l.length > 0);
    const messages = lines.map((line, i) => {
      const parsed = CorpusMessage.safeParse(JSON.parse(line));
      if (!parsed.success) throw new Error(`${c.file}:${i + 1}: ${parsed.error.issues.map((x) => `${x.path.join('.')}: ${x.message}`).join('; ')}`);
      if (ids.has(parsed.data.id)) throw new Error(`${c.file}:${i + 1}: duplicate id ${parsed.data.id}`);
      ids.add(parsed.data.id);
      return parsed.data;
    });
    if (messages.length !== c.messages) throw new Error(`${c.file}: ${messages.length} messages, the manifest says ${c.messages}`);
    return { file: c.file, title: c.title, messages };
  });
  return { manifest, conversations };
}
