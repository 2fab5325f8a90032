import { findNodeAtLocation, getNodeValue, parseTree, printParseErrorCode, type Node, type ParseError } from 'jsonc-parser';
import type { RemovalReport } from './report';
import type { ReviewState } from './review';
import type { HeaderPolicy } from './reviewDocument';
import { DEFAULT_POLICY, parsePolicy, policySha256, type Policy } from './policy';

/** How the review header names a policy in force (and the one a state was saved under). */
export function headerPolicy(p: PolicyInForce, savedUnder: string | undefined): HeaderPolicy {
  return {
    sha256: p.sha256,
    source: p.source,
    ...(p.problems.length && p.file ? { problemsIn: { file: p.file, count: p.problems.length } } : {}),
    ...(savedUnder && savedUnder !== p.sha256 ? { savedUnder } : {}),
  };
}

/**
 * The report's account of the policy: the one in force, and every other one the review state
 * was saved under before (a change of policy mid-review shows here).
 */
export function reportPolicy(p: PolicyInForce, state: ReviewState): NonNullable<RemovalReport['policy']> {
  const saved = state.policy ? [...(state.policy.previous ?? []), state.policy.sha256] : [];
  const previous = saved.filter((s, i) => s !== p.sha256 && saved.indexOf(s) === i);
  return { sha256: p.sha256, name: p.policy.name, version: p.policy.version, source: p.source, ...(previous.length ? { previous } : {}) };
}

/** A problem in a policy file, placed: offset and length in the file's text. */
export interface PlacedProblem {
  message: string;
  offset: number;
  length: number;
}

/** The policy detection and cleaning use, where it came from, and what is wrong with the file. */
export interface PolicyInForce {
  policy: Policy;
  sha256: string;
  /** `built-in`, or the policy file (workspace-relative or as given). */
  source: string;
  /** The policy file read, if any (also when it has problems and so is not in force). */
  file: string | null;
  /**
   * Problems of the policy file. When there are any, the built-in policy (with the settings) is
   * in force instead, and saving a cleaned export is refused until the file is fixed.
   */
  problems: PlacedProblem[];
}

/** The built-in policy (POLICY.md's, with what the settings say). */
export function builtInPolicy(base: Record<string, unknown> = {}): PolicyInForce {
  const r = parsePolicy({}, base);
  const policy = r.ok ? r.policy : DEFAULT_POLICY;
  return { policy, sha256: policySha256(policy), source: 'built-in', file: null, problems: [] };
}

/**
 * A policy file's text read into the policy in force: JSON (comments allowed, as VS Code's
 * settings files), validated, each problem placed at the value or key it is about.
 */
export function readPolicyText(text: string, source: string, base: Record<string, unknown> = {}): PolicyInForce {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const offsetShift = body.length === text.length ? 0 : 1;
  const fallBack = (problems: PlacedProblem[]): PolicyInForce => ({ ...builtInPolicy(base), file: source, problems });
  if (body.trim() === '') return fallBack([{ message: 'the file is empty: a policy is a JSON object', offset: 0, length: 0 }]);
  const errors: ParseError[] = [];
  const root = parseTree(body, errors, { allowTrailingComma: false, disallowComments: false });
  if (errors.length > 0 || !root) {
    // One problem per place: the parser reports a missing name and a missing value at one comma.
    const firstAt = errors.filter((e, i) => errors.findIndex((x) => x.offset === e.offset) === i);
    const problems = firstAt.map((e) => ({ message: `JSON: ${syntaxError(e)}`, offset: e.offset + offsetShift, length: Math.max(1, e.length) }));
    return fallBack(problems);
  }
  const r = parsePolicy(getNodeValue(root), base);
  if (!r.ok) {
    return fallBack(r.problems.map((p) => {
      const node = placeOf(root, p.path, p.message);
      return { message: p.path.length ? `${p.path.join('.')}: ${p.message}` : p.message, offset: node.offset + offsetShift, length: node.length };
    }));
  }
  return { policy: r.policy, sha256: policySha256(r.policy), source, file: source, problems: [] };
}

function syntaxError(e: ParseError): string {
  const code = printParseErrorCode(e.error);
  return code.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
}

/**
 * The node a problem is about: the value at its path, or for an unknown field the key itself.
 * A path into something the file does not have (a default) falls back to its nearest parent.
 */
function placeOf(root: Node, path: (string | number)[], message: string): { offset: number; length: number } {
  let at = path.length;
  let node = findNodeAtLocation(root, path);
  while (!node && at > 0) node = findNodeAtLocation(root, path.slice(0, --at));
  node ??= root;
  const unknown = /^unknown (?:field|rule|word list)s? "([^"]+)"/.exec(message);
  if (unknown && node.type === 'object') {
    const property = node.children?.find((p) => p.children?.[0]?.value === unknown[1]);
    if (property?.children?.[0]) return { offset: property.children[0].offset, length: property.children[0].length };
  }
  // An object or array: its first character, not the whole block.
  if (node.type === 'object' || node.type === 'array') return { offset: node.offset, length: 1 };
  return { offset: node.offset, length: node.length };
}

/** Line and column (1-based) of an offset, for messages outside an editor (the CLI). */
export function lineColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}
