/**
 * Builds the hold-out corpus (test/eval/holdout/*.jsonl and manifest.json) from source.ts.
 *
 *   npx tsx test/eval/holdout/build.ts           write the files
 *   npx tsx test/eval/holdout/build.ts --check   exit 1 when the files on disk differ
 *
 * The source is a small chat script per conversation:
 *
 *   == 2020-03-20                     a new day
 *   08:02 ans: tekst ##private        a message: time, sender key, text, message-level labels
 *   // comment                        ignored
 *
 * In the text, [[span|rule]] marks a labelled span (offsets are computed here, never typed),
 * ⏎ is a line break inside a message, and identifiers are computed, not typed:
 *   {bsn:key[:plain|dots|spaces]}           a BSN that passes the 11-test
 *   {bsnx:key[:fmt]}                         a nine-digit near miss that fails it
 *   {iban:key:NL/ABNA[:grouped|compact|lower]}  a valid IBAN (BE/3 digits, DE/8 digits too)
 *   {ibanx:key:CC/bank[:fmt]}                the same with a wrong check
 * Message-level labels: ##private and ##topic are written; period (outside the hold-out policy's
 * period) and bulk-pii (three or more labelled phone numbers or e-mail addresses) are computed.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CorpusMessage, GOLD_RULES, type GoldLabel, type GoldRule } from '../../../scripts/eval/corpus';
import { bsnValid, formatBsn, formatIban, ibanValid, makeBadBsn, makeBadIban, makeBsn, makeIban } from './identifiers';
import { HOLDOUT, type SourceConversation } from './source';

export const HOLDOUT_DIR = __dirname;
const FIRST_ID = 900001;
const WRITTEN_MESSAGE_RULES = new Set(['private', 'topic']);

interface Period {
  start: string;
  end: string | null;
}

function holdoutPeriod(): Period {
  const policy = JSON.parse(readFileSync(join(HOLDOUT_DIR, 'policy.json'), 'utf8')) as { period: Period };
  return { start: policy.period.start, end: policy.period.end ?? null };
}

/** Replaces the identifier placeholders ({bsn:…}, {bsnx:…}, {iban:…}, {ibanx:…}) with computed numbers. */
function expandIdentifiers(text: string, where: string): string {
  return text.replace(/\{(bsnx?|ibanx?):([^}]*)\}/g, (_all, kind: string, rest: string) => {
    const parts = rest.split(':');
    const key = parts[0];
    if (!key) throw new Error(`${where}: placeholder without a key`);
    if (kind === 'bsn' || kind === 'bsnx') {
      const fmt = parts[1] ?? '';
      return formatBsn(kind === 'bsn' ? makeBsn(key) : makeBadBsn(key), fmt);
    }
    const [country, bank] = (parts[1] ?? '').split('/');
    if (!country || !bank) throw new Error(`${where}: IBAN placeholder needs CC/bank`);
    const fmt = parts[2] ?? '';
    return formatIban(kind === 'iban' ? makeIban(key, country, bank) : makeBadIban(key, country, bank), fmt);
  });
}

/** Strips [[span|rule]] markup, returning the plain text and the labels with their offsets. */
function parseMarkup(marked: string, where: string): { text: string; labels: GoldLabel[] } {
  const labels: GoldLabel[] = [];
  let text = '';
  let last = 0;
  const re = /\[\[([^\]|]+)\|([a-z-]+)\]\]/g;
  for (let m = re.exec(marked); m; m = re.exec(marked)) {
    text += marked.slice(last, m.index);
    const rule = m[2] as GoldRule;
    if (!(rule in GOLD_RULES) || rule === 'private' || rule === 'topic' || rule === 'period' || rule === 'bulk-pii') throw new Error(`${where}: [[…|${m[2]}]] is not a span rule`);
    const start = text.length;
    text += m[1];
    labels.push({ category: GOLD_RULES[rule], rule, span: { start, end: text.length }, text: m[1] });
    last = m.index + m[0].length;
  }
  text += marked.slice(last);
  if (/\[\[|\]\]/.test(text)) throw new Error(`${where}: unbalanced [[…]] markup`);
  return { text, labels };
}

export interface BuiltConversation {
  file: string;
  title: string;
  description: string;
  messages: CorpusMessage[];
}

function buildConversation(conv: SourceConversation, firstId: number, period: Period): BuiltConversation {
  const messages: CorpusMessage[] = [];
  let day: string | null = null;
  let previous = '';
  conv.script.split('\n').forEach((raw, lineNo) => {
    const where = `${conv.file} script line ${lineNo + 1}`;
    const line = raw.trim();
    if (line === '' || line.startsWith('//')) return;
    const dayLine = /^== (\d{4}-\d{2}-\d{2})$/.exec(line);
    if (dayLine) {
      day = dayLine[1];
      return;
    }
    const msg = /^(\d{2}:\d{2}) ([a-z]+): (.+)$/.exec(line);
    if (!msg) throw new Error(`${where}: not a message line: ${line}`);
    if (!day) throw new Error(`${where}: message before the first day line`);
    const sender = conv.people[msg[2]];
    if (!sender) throw new Error(`${where}: unknown sender key ${msg[2]}`);
    let body = msg[3];
    const messageRules: string[] = [];
    for (let tag = /\s+##([a-z-]+)$/.exec(body); tag; tag = /\s+##([a-z-]+)$/.exec(body)) {
      if (!WRITTEN_MESSAGE_RULES.has(tag[1])) throw new Error(`${where}: ##${tag[1]} is not written by hand (only ##private, ##topic)`);
      messageRules.unshift(tag[1]);
      body = body.slice(0, tag.index);
    }
    if (body.includes('##')) throw new Error(`${where}: ## in the middle of a message`);
    if (messageRules.includes('private') && messageRules.includes('topic')) throw new Error(`${where}: privé and topic stay apart`);
    const { text, labels } = parseMarkup(expandIdentifiers(body.replace(/⏎/g, '\n'), where), where);
    for (const l of labels) {
      if (l.rule === 'bsn' && !bsnValid(l.text!.replace(/\D/g, ''))) throw new Error(`${where}: labelled BSN ${l.text} fails the 11-test`);
      if (l.rule === 'iban' && !ibanValid(l.text!)) throw new Error(`${where}: labelled IBAN ${l.text} fails mod 97`);
    }
    const timestamp = `${day}T${msg[1]}:00`;
    if (timestamp < previous) throw new Error(`${where}: ${timestamp} is before the message above it`);
    previous = timestamp;
    if (day < period.start || (period.end !== null && day > period.end)) labels.push({ category: 'scope', rule: 'period', span: null });
    for (const r of messageRules) labels.push({ category: GOLD_RULES[r as GoldRule], rule: r as GoldRule, span: null });
    if (labels.filter((l) => l.rule === 'phone' || l.rule === 'email').length >= 3) labels.push({ category: 'AVG', rule: 'bulk-pii', span: null });
    const candidate = { id: `m${String(firstId + messages.length).padStart(6, '0')}`, timestamp, precision: 'minute', sender, kind: 'message', text, labels };
    const parsed = CorpusMessage.safeParse(candidate);
    if (!parsed.success) throw new Error(`${where}: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
    messages.push(parsed.data);
  });
  if (messages.length === 0) throw new Error(`${conv.file}: no messages`);
  return { file: conv.file, title: conv.title, description: conv.description, messages };
}

/** The hold-out corpus as file name → content, exactly as it should be on disk. */
export function buildHoldout(): Map<string, string> {
  const period = holdoutPeriod();
  const files = new Map<string, string>();
  const conversations: BuiltConversation[] = [];
  let next = FIRST_ID;
  for (const conv of HOLDOUT) {
    const built = buildConversation(conv, next, period);
    next += built.messages.length;
    conversations.push(built);
    files.set(built.file, built.messages.map((m) => JSON.stringify(m)).join('\n') + '\n');
  }
  const manifest = {
    description: 'Hold-out corpus for Chat Review\'s evaluation: hand-written Dutch crisis chats, written without looking at the detectors or the main corpus\'s templates. All names, numbers and addresses are fictional. See ../README.md.',
    generator: 'test/eval/holdout/build.ts (npx tsx test/eval/holdout/build.ts)',
    period,
    conversations: conversations.map((c) => ({ file: c.file, title: c.title, description: c.description, messages: c.messages.length, first: c.messages[0].timestamp, last: c.messages[c.messages.length - 1].timestamp })),
  };
  files.set('manifest.json', JSON.stringify(manifest, null, 2) + '\n');
  return files;
}

function main(): void {
  const check = process.argv.includes('--check');
  const files = buildHoldout();
  const stale: string[] = [];
  for (const [name, content] of files) {
    const path = join(HOLDOUT_DIR, name);
    let onDisk: string | null = null;
    try {
      onDisk = readFileSync(path, 'utf8');
    } catch {
      onDisk = null;
    }
    if (onDisk === content) continue;
    if (check) stale.push(name);
    else writeFileSync(path, content);
  }
  const messages = [...files.entries()].filter(([n]) => n.endsWith('.jsonl')).reduce((n, [, c]) => n + c.split('\n').filter(Boolean).length, 0);
  if (check) {
    if (stale.length > 0) {
      console.error(`hold-out corpus is stale (${stale.join(', ')}): run npx tsx test/eval/holdout/build.ts`);
      process.exitCode = 1;
    } else console.log(`hold-out corpus up to date: ${messages} messages in ${files.size - 1} conversations`);
  } else console.log(`hold-out corpus written: ${messages} messages in ${files.size - 1} conversations`);
}

if (require.main === module) main();
