/**
 * The npm PII detectors `npm run eval` compares with, run offline on the same messages:
 * openredaction (its engine, @openredaction/core) and redact-pii (the built-in regex and name
 * redactors only; its Google DLP part needs the cloud and is never used).
 *
 * They live in their own package, test/eval/peers, not in the project's devDependencies:
 * @openredaction/core declares an optional peer tesseract.js@^5 that conflicts with the
 * project's tesseract.js@7, so adding it to the main tree makes every plain `npm install` fail
 * with ERESOLVE. `npm run eval` installs that package on first use (npm ci --prefix).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { ROOT } from './corpus';
import type { Span } from './score';

export const PEERS_DIR = join(ROOT, 'test', 'eval', 'peers');

export interface PeerHit {
  rule: string;
  span: Span;
  /** The peer's own type name, for the error listing. */
  type: string;
}

export interface Peer {
  name: string;
  version: string;
  /** The Chat Review rules this peer's types map onto: only these are scored. */
  rules: readonly string[];
  /** How the peer's types map, for the report. */
  mapping: string;
  detect(text: string): Promise<PeerHit[]>;
}

export type PeerLoad = { ok: true; peer: Peer } | { ok: false; name: string; why: string };

/** Installs test/eval/peers when its node_modules is missing; returns a one-line problem or null. */
export function ensurePeersInstalled(log: (line: string) => void): string | null {
  if (existsSync(join(PEERS_DIR, 'node_modules', '@openredaction', 'core')) && existsSync(join(PEERS_DIR, 'node_modules', 'redact-pii'))) return null;
  log('installing the peer detectors into test/eval/peers (npm ci --prefix test/eval/peers) ...');
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const r = spawnSync(npm, ['ci', '--prefix', PEERS_DIR, '--no-audit', '--no-fund', '--loglevel=error'], { cwd: ROOT, encoding: 'utf8', timeout: 300_000 });
  if (r.status === 0) return null;
  const msg = `${r.error?.message ?? ''} ${r.stderr ?? ''}`.trim().split('\n').find((l) => l.trim().length > 0) ?? `exit ${r.status}`;
  return `npm ci in test/eval/peers failed: ${msg}`;
}

function peerRequire(): NodeJS.Require {
  return createRequire(join(PEERS_DIR, 'package.json'));
}

/** Read from the file: a package's exports may not expose its package.json. */
function versionOf(pkg: string): string {
  try {
    return (JSON.parse(readFileSync(join(PEERS_DIR, 'node_modules', pkg, 'package.json'), 'utf8')) as { version: string }).version;
  } catch {
    return '?';
  }
}

// ---------------------------------------------------------------- openredaction

/** openredaction's type names → Chat Review rules; other types are not scored. */
export function openRedactionRule(type: string): string | null {
  if (type === 'EMAIL') return 'email';
  if (type === 'IBAN') return 'iban';
  if (type === 'DUTCH_BSN') return 'bsn';
  if (type.startsWith('PHONE')) return 'phone';
  if (type === 'ADDRESS_STREET' || type.includes('POSTCODE') || type.includes('POSTAL_CODE')) return 'address';
  if (type === 'DATE_OF_BIRTH') return 'dob';
  if (type === 'NAME') return 'name';
  return null;
}

interface OpenRedactionDetection {
  type: string;
  position: [number, number];
}
interface OpenRedactionInstance {
  detect(text: string): Promise<{ detections: OpenRedactionDetection[] }>;
}

export function loadOpenRedaction(): PeerLoad {
  const name = 'openredaction';
  try {
    const req = peerRequire();
    const mod = req('@openredaction/core') as { OpenRedaction: new (opts?: object) => OpenRedactionInstance };
    const engine = new mod.OpenRedaction({ enableCache: false });
    return {
      ok: true,
      peer: {
        name,
        version: versionOf('@openredaction/core'),
        rules: ['bsn', 'iban', 'phone', 'email', 'address', 'dob', 'name'],
        mapping: 'EMAIL→email, IBAN→iban, DUTCH_BSN→bsn, PHONE*→phone, ADDRESS_STREET/*POSTCODE*→address, DATE_OF_BIRTH→dob, NAME→name',
        async detect(text) {
          const r = await engine.detect(text);
          const hits: PeerHit[] = [];
          for (const d of r.detections) {
            const rule = openRedactionRule(d.type);
            if (rule) hits.push({ rule, type: d.type, span: { start: d.position[0], end: d.position[1] } });
          }
          return hits;
        },
      },
    };
  } catch (e) {
    return { ok: false, name, why: oneLine(e) };
  }
}

// ---------------------------------------------------------------- redact-pii

/** redact-pii's replacement tokens → Chat Review rules (null: not scored). */
const REDACT_PII_TOKENS: Record<string, string | null> = {
  CREDIT_CARD_NUMBER: null,
  STREET_ADDRESS: 'address',
  ZIPCODE: 'address',
  PHONE_NUMBER: 'phone',
  IP_ADDRESS: null,
  US_SOCIAL_SECURITY_NUMBER: null,
  EMAIL_ADDRESS: 'email',
  USERNAME: null,
  PASSWORD: null,
  CREDENTIALS: null,
  DIGITS: null,
  URL: null,
  PERSON_NAME: 'name',
};
const TOKEN_RE = new RegExp(Object.keys(REDACT_PII_TOKENS).sort((a, b) => b.length - a.length).join('|'), 'g');

/**
 * redact-pii returns only the redacted text. The spans come from aligning it with the original:
 * the literal pieces between replacement tokens must appear in order, each token standing for
 * at least one character. Earliest consistent alignment wins.
 */
export function alignRedacted(original: string, redacted: string): { token: string; span: Span }[] {
  const literals: string[] = [];
  const tokens: string[] = [];
  let last = 0;
  for (const m of redacted.matchAll(TOKEN_RE)) {
    literals.push(redacted.slice(last, m.index));
    tokens.push(m[0]);
    last = m.index + m[0].length;
  }
  literals.push(redacted.slice(last));
  if (tokens.length === 0) return [];
  if (!original.startsWith(literals[0])) return [];
  // place(i, from): positions of literal i (i ≥ 1) at or after `from`, so the rest fits.
  const memo = new Map<string, number[] | null>();
  const place = (i: number, from: number): number[] | null => {
    const key = `${i}:${from}`;
    if (memo.has(key)) return memo.get(key)!;
    let result: number[] | null = null;
    const lit = literals[i];
    if (i === literals.length - 1) {
      const at = original.length - lit.length;
      result = at >= from && original.endsWith(lit) ? [at] : null;
    } else {
      for (let at = original.indexOf(lit, from); at >= 0 && at <= original.length; at = original.indexOf(lit, at + 1)) {
        const rest = place(i + 1, at + lit.length + 1);
        if (rest) {
          result = [at, ...rest];
          break;
        }
        if (lit.length === 0 && at >= original.length) break;
      }
    }
    memo.set(key, result);
    return result;
  };
  const at = place(1, literals[0].length + 1);
  if (!at) return [];
  const out: { token: string; span: Span }[] = [];
  let start = literals[0].length;
  tokens.forEach((token, k) => {
    out.push({ token, span: { start, end: at[k] } });
    start = at[k] + literals[k + 1].length;
  });
  return out;
}

export function loadRedactPii(): PeerLoad {
  const name = 'redact-pii';
  try {
    const req = peerRequire();
    const mod = req('redact-pii') as { SyncRedactor: new (opts?: object) => { redact(text: string): string } };
    const redactor = new mod.SyncRedactor();
    return {
      ok: true,
      peer: {
        name,
        version: versionOf('redact-pii'),
        rules: ['phone', 'email', 'address', 'name'],
        mapping: 'EMAIL_ADDRESS→email, PHONE_NUMBER→phone, STREET_ADDRESS/ZIPCODE→address, PERSON_NAME→name (spans by aligning the redacted text)',
        async detect(text) {
          const hits: PeerHit[] = [];
          for (const a of alignRedacted(text, redactor.redact(text))) {
            const rule = REDACT_PII_TOKENS[a.token];
            if (rule && a.span.end > a.span.start) hits.push({ rule, type: a.token, span: a.span });
          }
          return hits;
        },
      },
    };
  } catch (e) {
    return { ok: false, name, why: oneLine(e) };
  }
}

function oneLine(e: unknown): string {
  const s = e instanceof Error ? e.message : String(e);
  return s.split('\n')[0];
}
