/**
 * The cleaning round trip every format must pass, over one of its exports: tag some messages,
 * redact spans in others, clean; then the cleaned file re-parses to exactly the kept messages
 * with the spans as markers, `git apply` of the diff to the original gives the cleaned file byte
 * for byte, `verify` holds, and the original is untouched.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { cleanExport, type CleanResult } from '../../../../src/clean/cleaner';
import { verifyExport } from '../../../../src/clean/verify';
import { DEFAULT_MARKERS } from '../../../../src/clean/cleaner';
import type { Message } from '../../../../src/model/conversation';
import { InputError } from '../../../../src/model/errors';
import { ReviewState, type Redaction, type TagEntry } from '../../../../src/model/review';
import { readExport, type ParseExportOptions } from '../../../../src/parsers';
import { seededRandom } from '../../../../src/model/spotCheck';
import { encode, tempDir, unmark, type LineEnd } from '../../support/fixtures';
import { gitApply, sha256, unpack } from './harness';
import { AT } from './small';

export interface RoundTrip {
  result: CleanResult;
  kept: Message[];
  again: Message[];
  removed: Set<string>;
  redacted: Map<string, Redaction[]>;
}

const redactedText = (text: string, spans: readonly Redaction[]) => {
  let out = '';
  let at = 0;
  for (const r of spans) {
    out += text.slice(at, r.start) + DEFAULT_MARKERS[r.tag];
    at = r.end;
  }
  return out + text.slice(at);
};

/**
 * Cleans a copy of `source` with a seeded choice of tags (every third message or so) and
 * redactions (a word in others) and checks the round trip. `textOf` maps a re-parsed text to
 * what the format keeps of it (default: itself).
 */
export async function formatRoundTrip(source: string, options: ParseExportOptions & { seed?: number; eol?: LineEnd; composedEvents?: boolean; mayTag?: (m: Message, all: Message[]) => boolean; textOf?: (text: string) => string } = {}): Promise<RoundTrip | null> {
  const dir = tempDir();
  const file = path.join(dir, path.basename(source));
  fs.cpSync(path.dirname(source), dir, { recursive: true });
  // Fixtures write invisible characters as marks (‹BOM›): the export holds the characters.
  const bytes = fs.readFileSync(file);
  if (!bytes.includes(0)) fs.writeFileSync(file, encode(unmark(bytes.toString('utf8')), 'utf-8', options.eol ?? '\n'));
  const original = fs.readFileSync(file);
  const parsed = await readExport(file, options);
  const random = seededRandom(options.seed ?? 7);
  const tags: TagEntry[] = [];
  const redactions: Redaction[] = [];
  for (const m of parsed.messages) {
    const roll = random();
    if (roll < 0.3 && (options.mayTag?.(m, parsed.messages) ?? true)) tags.push({ id: m.id, tag: roll < 0.1 ? 'AVG' : roll < 0.2 ? 'privé' : 'scope', by: 'jdv', at: AT });
    else if (roll < 0.7) {
      // Events whose text the parser composes (a Telegram service message) cannot be redacted in place.
      const word = m.kind === 'system' && options.composedEvents ? null : /[\p{L}\p{N}]{3,}/u.exec(m.text);
      if (word) redactions.push({ id: m.id, start: word.index, end: word.index + word[0].length, tag: 'AVG', by: 'jdv', at: AT });
    }
  }
  // Small samples: at least one message goes, and one other has a span redacted.
  const first = parsed.messages.find((m) => (options.mayTag?.(m, parsed.messages) ?? true) && !redactions.some((r) => r.id === m.id));
  if (tags.length === 0 && first) tags.push({ id: first.id, tag: 'privé', by: 'jdv', at: AT });
  const other = parsed.messages.find((m) => !tags.some((t) => t.id === m.id) && /[\p{L}\p{N}]{3,}/u.test(m.text) && !(m.kind === 'system' && options.composedEvents));
  if (redactions.length === 0 && other) {
    const word = /[\p{L}\p{N}]{3,}/u.exec(other.text)!;
    redactions.push({ id: other.id, start: word.index, end: word.index + word[0].length, tag: 'AVG', by: 'jdv', at: AT });
  }
  assert.ok(tags.length && (redactions.length || options.composedEvents), `the sample ${path.basename(source)} gives tags (${tags.length}) and redactions (${redactions.length})`);
  const state = ReviewState.parse({
    version: 1, export: { file: path.basename(file), sha256: sha256(original), ...(options.conversation ? { conversation: options.conversation } : {}) }, tags, redactions,
  });
  const before = fs.readdirSync(dir).sort();
  const result = await cleanExport(file, state, { reviewer: 'jdv', now: new Date(AT) }).catch((e: unknown) => {
    // A redaction that would change what a message is (a call notice becoming a message) is refused.
    if (!(e instanceof InputError) || !/would make it read as/.test(e.message)) throw e;
    assert.deepEqual(fs.readdirSync(dir).sort(), before, 'a refused cleaning writes nothing');
    return null;
  });
  assert.ok(fs.readFileSync(file).equals(original), 'the original is untouched');
  if (!result) return null;

  const removed = new Set(tags.map((t) => t.id));
  const redacted = new Map<string, Redaction[]>();
  for (const r of redactions) redacted.set(r.id, [...(redacted.get(r.id) ?? []), r]);
  const kept = parsed.messages.filter((m) => !removed.has(m.id));
  const again = (await readExport(result.cleaned, { ...options, format: parsed.format })).messages;
  const textOf = options.textOf ?? ((t: string) => t);
  assert.deepEqual(
    again.map((m) => ({ sender: m.sender, timestamp: m.timestamp, kind: m.kind, text: textOf(m.text) })),
    kept.map((m) => ({ sender: m.sender, timestamp: m.timestamp, kind: m.kind, text: textOf(redacted.has(m.id) ? redactedText(m.text, redacted.get(m.id)!) : m.text) })),
    'the cleaned export holds the kept messages, redacted spans as markers',
  );

  // git apply of the diff to the original (a zip: to its unpacked entries) gives the cleaned file.
  const work = path.join(dir, 'apply');
  const want = path.join(dir, 'want');
  fs.mkdirSync(work);
  fs.mkdirSync(want);
  if (original.subarray(0, 2).toString() === 'PK') {
    await unpack(file, work);
    await unpack(result.cleaned, want);
  } else {
    fs.copyFileSync(file, path.join(work, path.basename(file)));
    fs.copyFileSync(result.cleaned, path.join(want, path.basename(file)));
  }
  const applied = gitApply(result.diff, work, ['--allow-empty']);
  if (applied.status !== 0 && process.env.KEEP_FAILED) fs.cpSync(dir, process.env.KEEP_FAILED, { recursive: true });
  assert.equal(applied.status, 0, applied.stderr);
  for (const name of fs.readdirSync(want, { recursive: true }) as string[]) {
    const wanted = path.join(want, name);
    if (fs.statSync(wanted).isFile()) assert.ok(fs.readFileSync(path.join(work, name)).equals(fs.readFileSync(wanted)), `git apply gives ${name} of the cleaned export`);
  }

  const verified = await verifyExport(file, result.report);
  assert.deepEqual(verified.problems, [], 'verify holds');
  return { result, kept, again, removed, redacted };
}
