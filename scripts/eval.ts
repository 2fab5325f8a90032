/**
 * npm run eval: Chat Review's detection measured on the labelled corpus (test/eval/corpus) with
 * the eval policy (test/eval/policy.json), side by side with the npm PII detectors openredaction
 * and redact-pii on the rules they support.
 *
 *   npm run eval                          tables, goals, timing; errors to test-output/eval/
 *   npm run eval -- --verbose             also print every false positive and false negative
 *   npm run eval -- --min-confidence 0.5  score only flags at or above a confidence
 *   npm run eval -- --no-peers            Chat Review only
 *   npm run eval -- --holdout             the hold-out corpus (test/eval/holdout) and its policy instead;
 *                                         output to test-output/eval/holdout.json and holdout-errors.txt
 *
 * Figures: test-output/eval/eval.json; false positives and negatives: test-output/eval/errors.txt.
 * A benchmark, not a test: it exits 0 whether or not the goals are met.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { Policy } from '../src/model/policy';
import { CORPUS_DIR, GOLD_RULE_IDS, GOLD_RULES, HOLDOUT_DIR, HOLDOUT_POLICY_FILE, loadCorpus, POLICY_FILE, ROOT, type Conversation, type CorpusMessage } from './eval/corpus';
import { ensurePeersInstalled, loadOpenRedaction, loadRedactPii, type Peer } from './eval/peers';
import { GOALS, meetsGoal, scoreBy, type Item, type Scores, type TableResult } from './eval/score';

interface Pred extends Item {
  confidence: number;
  explanation: string;
}

const OUT_DIR = join(ROOT, 'test-output', 'eval');
const CATEGORIES = ['AVG', 'privé', 'scope'];
/** The validated identifiers of the issue's first goal. */
const IDENTIFIERS: readonly string[] = ['bsn', 'iban', 'phone', 'email', 'address'];

function args() {
  const a = process.argv.slice(2);
  const value = (name: string) => {
    const i = a.findIndex((x) => x === name || x.startsWith(`${name}=`));
    if (i < 0) return undefined;
    return a[i].includes('=') ? a[i].split('=')[1] : a[i + 1];
  };
  const min = Number(value('--min-confidence') ?? 0);
  if (!Number.isFinite(min) || min < 0 || min > 1) throw new Error('--min-confidence takes a number from 0 to 1');
  return { verbose: a.includes('--verbose') || a.includes('-v'), peers: !a.includes('--no-peers'), minConfidence: min, holdout: a.includes('--holdout') };
}

const fmt = (x: number | null) => (x === null ? '  –  ' : x.toFixed(3));
const padL = (s: string | number, n: number) => String(s).padStart(n);
const padR = (s: string | number, n: number) => String(s).padEnd(n);

function goldItems(conversations: Conversation[]): (Item & { msg: CorpusMessage; conv: string })[] {
  const out: (Item & { msg: CorpusMessage; conv: string })[] = [];
  for (const c of conversations) for (const m of c.messages) for (const l of m.labels) out.push({ message: m.id, rule: l.rule, category: l.category, span: l.span, msg: m, conv: c.file });
  return out;
}

/** A one-line excerpt with the span marked ⟦…⟧ (whole message when the span is null). */
function excerpt(text: string, span: { start: number; end: number } | null, width = 150): string {
  const flat = (s: string) => s.replace(/\n/g, '⏎');
  if (!span) return flat(text.length > width ? text.slice(0, width) + '…' : text);
  const marked = text.slice(0, span.start) + '⟦' + text.slice(span.start, span.end) + '⟧' + text.slice(span.end);
  const centre = span.start;
  let from = Math.max(0, centre - Math.floor(width / 2));
  const to = Math.min(marked.length, from + width);
  from = Math.max(0, to - width);
  return (from > 0 ? '…' : '') + flat(marked.slice(from, to)) + (to < marked.length ? '…' : '');
}

async function runPeer(peer: Peer, conversations: Conversation[]): Promise<{ preds: Item[]; ms: number }> {
  const preds: Item[] = [];
  const t0 = performance.now();
  for (const c of conversations) {
    for (const m of c.messages) {
      for (const h of await peer.detect(m.text)) preds.push({ message: m.id, rule: h.rule, category: GOLD_RULES[h.rule as keyof typeof GOLD_RULES] ?? 'AVG', span: h.span });
    }
  }
  return { preds, ms: performance.now() - t0 };
}

function scoresJson(t: TableResult<Item, Item>) {
  return { rows: Object.fromEntries(t.rows), total: t.total };
}

async function main(): Promise<void> {
  const opts = args();
  const log = (s = '') => console.log(s);
  // Which corpus: the main one, or the hold-out written apart from the detectors (--holdout).
  const corpusDir = opts.holdout ? HOLDOUT_DIR : CORPUS_DIR;
  const policyFile = opts.holdout ? HOLDOUT_POLICY_FILE : POLICY_FILE;
  const out = opts.holdout ? { json: 'holdout.json', errors: 'holdout-errors.txt' } : { json: 'eval.json', errors: 'errors.txt' };
  const rel = (p: string) => p.slice(ROOT.length + 1);
  const tLoad = performance.now();
  const { manifest, conversations } = loadCorpus(corpusDir);
  const policy = Policy.parse(JSON.parse(readFileSync(policyFile, 'utf8')));
  const loadMs = performance.now() - tLoad;
  const messages = conversations.reduce((n, c) => n + c.messages.length, 0);
  const gold = goldItems(conversations);
  log(`Chat Review evaluation${opts.holdout ? ' on the HOLD-OUT corpus' : ''}: ${messages} messages in ${conversations.length} conversations, ${gold.length} gold labels (${rel(corpusDir)}); policy ${rel(policyFile)}` + (opts.minConfidence > 0 ? `; flags with confidence ≥ ${opts.minConfidence}` : ''));

  // Chat Review
  const byId = new Map<string, { msg: CorpusMessage; conv: string }>();
  for (const c of conversations) for (const m of c.messages) byId.set(m.id, { msg: m, conv: c.file });
  const preds: Pred[] = [];
  // Required here, not imported at the top: detection is being worked on, and a detector module
  // that does not load is reported in one line rather than as a stack trace.
  let scanConversation: typeof import('../src/server/detectors').scanConversation;
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    ({ scanConversation } = require('../src/server/detectors') as typeof import('../src/server/detectors'));
  } catch (e) {
    console.error(`Chat Review's detectors did not load: ${e instanceof Error ? e.message.split('\n')[0] : String(e)}`);
    process.exitCode = 1;
    return;
  }
  const tScan = performance.now();
  for (const c of conversations) {
    const flags = scanConversation(
      c.messages.map((m) => ({ id: m.id, timestamp: m.timestamp, precision: m.precision, sender: m.sender, kind: m.kind, text: m.text })),
      policy,
    );
    for (const f of flags) {
      if (f.category === 'info' || f.rule === 'always' || f.confidence < opts.minConfidence) continue;
      preds.push({ message: f.id, rule: f.rule, category: f.category, span: f.span, confidence: f.confidence, explanation: f.explanation });
    }
  }
  const scanMs = performance.now() - tScan;
  const extraRules = [...new Set(preds.map((p) => p.rule))].filter((r) => !(r in GOLD_RULES)).sort();
  const ruleKeys = [...GOLD_RULE_IDS, ...extraRules];
  const byRule = scoreBy(gold, preds, (x) => x.rule, ruleKeys);
  const byCategory = scoreBy(gold, preds, (x) => x.category, CATEGORIES);

  // Peers
  const peerResults: { name: string; version?: string; mapping?: string; rules?: readonly string[]; preds?: Item[]; table?: TableResult<Item, Item>; ms?: number; error?: string }[] = [];
  if (opts.peers) {
    const problem = ensurePeersInstalled(log);
    for (const load of [loadOpenRedaction, loadRedactPii]) {
      const l = problem ? ({ ok: false, name: load === loadOpenRedaction ? 'openredaction' : 'redact-pii', why: problem } as const) : load();
      if (!l.ok) {
        peerResults.push({ name: l.name, error: l.why });
        continue;
      }
      try {
        const { preds: pp, ms } = await runPeer(l.peer, conversations);
        peerResults.push({ name: l.peer.name, version: l.peer.version, mapping: l.peer.mapping, rules: l.peer.rules, preds: pp, table: scoreBy(gold, pp, (x) => x.rule, l.peer.rules), ms });
      } catch (e) {
        peerResults.push({ name: l.peer.name, error: e instanceof Error ? e.message.split('\n')[0] : String(e) });
      }
    }
  }

  // Per-rule table
  const goldCount = (key: (x: Item) => string, k: string) => gold.filter((g) => key(g) === k).length;
  const okPeers = peerResults.filter((p) => p.table);
  log();
  log('Per rule (a flag matches a gold label of the same rule on the same message when the spans overlap; null = whole message)');
  const headLeft = `${padR('rule', 9)} ${padL('gold', 5)} │ ${padL('TP', 4)} ${padL('FP', 4)} ${padL('FN', 4)}  ${padL('P', 5)}  ${padL('R', 5)}  ${padL('F1', 5)} │ ${padR('goal', 13)} ${padR('', 4)}`;
  log(headLeft + okPeers.map((p) => ` │ ${padR(p.name, 19)}`).join(''));
  if (okPeers.length > 0) log(' '.repeat(headLeft.length) + okPeers.map(() => ` │ ${padL('P', 5)} ${padL('R', 5)} ${padL('F1', 5)}  `).join(''));
  const goalCell = (k: string, s: Scores) => {
    const g = GOALS[k];
    return g ? `${padR(g.label, 13)} ${padR(meetsGoal(s, g) ? 'pass' : 'MISS', 4)}` : `${padR('', 13)} ${padR('', 4)}`;
  };
  for (const k of ruleKeys) {
    const s = byRule.rows.get(k)!;
    let line = `${padR(k, 9)} ${padL(goldCount((x) => x.rule, k), 5)} │ ${padL(s.tp, 4)} ${padL(s.fp, 4)} ${padL(s.fn, 4)}  ${fmt(s.precision)}  ${fmt(s.recall)}  ${fmt(s.f1)} │ ${goalCell(k, s)}`;
    for (const p of okPeers) {
      const ps = p.table!.rows.get(k);
      line += ps ? ` │ ${fmt(ps.precision)} ${fmt(ps.recall)} ${fmt(ps.f1)}  ` : ` │ ${padR('   (not supported)', 19)}`;
    }
    log(line);
  }
  log();
  log('Per category (a flag matches a gold label of the same category on the same message when the spans overlap)');
  log(`${padR('category', 9)} ${padL('gold', 5)} │ ${padL('TP', 4)} ${padL('FP', 4)} ${padL('FN', 4)}  ${padL('P', 5)}  ${padL('R', 5)}  ${padL('F1', 5)} │ goal`);
  for (const k of CATEGORIES) {
    const s = byCategory.rows.get(k)!;
    log(`${padR(k, 9)} ${padL(goldCount((x) => x.category, k), 5)} │ ${padL(s.tp, 4)} ${padL(s.fp, 4)} ${padL(s.fn, 4)}  ${fmt(s.precision)}  ${fmt(s.recall)}  ${fmt(s.f1)} │ ${goalCell(k, s)}`);
  }
  const t = byCategory.total;
  log(`${padR('total', 9)} ${padL(gold.length, 5)} │ ${padL(t.tp, 4)} ${padL(t.fp, 4)} ${padL(t.fn, 4)}  ${fmt(t.precision)}  ${fmt(t.recall)}  ${fmt(t.f1)} │ (micro-average)`);
  log();
  log(`Peers on the validated identifiers they support (${IDENTIFIERS.join(', ')}; micro-average), Chat Review on the same rules:`);
  for (const p of peerResults) {
    if (p.error) {
      log(`  ${p.name}: not run: ${p.error}`);
      continue;
    }
    const rules = p.rules!.filter((r) => IDENTIFIERS.includes(r));
    const theirs = scoreBy(gold, p.preds!, (x) => x.rule, rules).total;
    const mine = scoreBy(gold, preds, (x) => x.rule, rules).total;
    log(`  ${padR(`${p.name} ${p.version}`, 20)} P ${fmt(theirs.precision)} R ${fmt(theirs.recall)} F1 ${fmt(theirs.f1)} (TP ${theirs.tp}, FP ${theirs.fp}, FN ${theirs.fn}; ${rules.join(' ')}) in ${(p.ms! / 1000).toFixed(2)} s │ Chat Review P ${fmt(mine.precision)} R ${fmt(mine.recall)} F1 ${fmt(mine.f1)}`);
    log(`  ${' '.repeat(20)} types mapped: ${p.mapping}`);
  }
  if (!opts.peers) log('  (skipped: --no-peers)');
  log();
  log(`Time: Chat Review scanned ${messages} messages in ${scanMs.toFixed(0)} ms (${((scanMs * 1000) / messages).toFixed(0)} µs a message, first-call warm-up included); corpus and policy loaded in ${loadMs.toFixed(0)} ms.`);

  // Errors
  const lines: string[] = [];
  const section = (title: string, items: Item[], kind: 'FP' | 'FN') => {
    lines.push(`## ${title} (${items.length})`, '');
    const sorted = [...items].sort((a, b) => (a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : a.message < b.message ? -1 : 1));
    for (const it of sorted) {
      const m = byId.get(it.message)!;
      const extra = kind === 'FP' ? ` — ${(it as Pred).explanation} (confidence ${(it as Pred).confidence})` : '';
      lines.push(`${kind} ${padR(it.rule, 9)} ${it.message} ${m.conv.replace('.jsonl', '')} ${m.msg.timestamp}: ${excerpt(m.msg.text, it.span)}${extra}`);
    }
    lines.push('');
  };
  section('False negatives per rule: gold labels no flag matched', byRule.falseNegatives, 'FN');
  section('False positives per rule: flags that match no gold label', byRule.falsePositives, 'FP');
  mkdirSync(OUT_DIR, { recursive: true });
  writeFileSync(join(OUT_DIR, out.errors), `# Chat Review eval${opts.holdout ? ' (hold-out corpus, test/eval/holdout)' : ''}: false positives and negatives\n# ⟦…⟧ marks the span; a message-level label or flag shows the whole message.\n\n${lines.join('\n')}`);
  const json = {
    corpus: { ...(opts.holdout ? { dir: rel(corpusDir) } : {}), messages, conversations: manifest.conversations.map((c) => ({ file: c.file, messages: c.messages })), goldLabels: gold.length },
    policy: rel(policyFile),
    minConfidence: opts.minConfidence,
    chatReview: { perRule: Object.fromEntries(byRule.rows), perCategory: Object.fromEntries(byCategory.rows), total: byCategory.total, scanMs: Math.round(scanMs) },
    goals: Object.fromEntries(
      Object.entries(GOALS).map(([k, g]) => {
        const s = byRule.rows.get(k) ?? byCategory.rows.get(k)!;
        return [k, { ...g, met: meetsGoal(s, g) }];
      }),
    ),
    peers: Object.fromEntries(peerResults.map((p) => [p.name, p.error ? { error: p.error } : { version: p.version, rules: p.rules, mapping: p.mapping, ...scoresJson(p.table!), ms: Math.round(p.ms!) }])),
  };
  writeFileSync(join(OUT_DIR, out.json), JSON.stringify(json, null, 2) + '\n');
  log(`Figures: test-output/eval/${out.json}; ${byRule.falsePositives.length} false positives and ${byRule.falseNegatives.length} false negatives listed in test-output/eval/${out.errors}` + (opts.verbose ? ':' : ' (--verbose prints them).'));
  if (opts.verbose) {
    log();
    log(lines.join('\n'));
  }
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exitCode = 1;
});
