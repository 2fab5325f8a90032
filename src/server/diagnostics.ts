import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver/node';
import { DISPUTE_RULE, POLICY_HEADER, type Flag, type HeaderPolicy } from '../model';
import { flagPriority, type Analysis, type PlacedFlag } from './analysis';

import { DIAGNOSTIC_SOURCE as SOURCE } from '../model';
export { SOURCE };

/** What a code action needs to know about the flag behind a diagnostic. */
export interface FlagData {
  id: string;
  rule: string;
  category: Flag['category'];
  span: Flag['span'];
}

function severity(f: Flag): DiagnosticSeverity {
  return f.category === 'info' && f.rule !== DISPUTE_RULE ? DiagnosticSeverity.Information : DiagnosticSeverity.Warning;
}

function toDiagnostic(p: PlacedFlag): Diagnostic {
  const { flag } = p;
  const data: FlagData = { id: flag.id, rule: flag.rule, category: flag.category, span: flag.span };
  return {
    range: { start: { line: p.line, character: p.start }, end: { line: p.line, character: p.end } },
    severity: severity(flag),
    code: flag.rule,
    source: SOURCE,
    message: `${flag.category === 'info' ? 'note' : flag.category}: ${flag.explanation}`,
    data,
  };
}

/**
 * Notes on the header's policy line: a policy file with problems (the built-in policy is in
 * force meanwhile), and a policy that changed since the tags were last saved.
 */
export function policyDiagnostics(text: string, policy: HeaderPolicy | undefined): Diagnostic[] {
  if (!policy || (!policy.problemsIn && !policy.savedUnder)) return [];
  const at = text.indexOf('\n' + POLICY_HEADER);
  if (at < 0) return [];
  const line = text.slice(0, at + 1).split('\n').length - 1;
  const end = text.indexOf('\n', at + 1);
  const range = { start: { line, character: 0 }, end: { line, character: (end < 0 ? text.length : end) - at - 1 } };
  const out: Diagnostic[] = [];
  if (policy.problemsIn) {
    const { file, count } = policy.problemsIn;
    out.push({
      range, severity: DiagnosticSeverity.Warning, code: 'policy-problems', source: SOURCE,
      message: `${file} has ${count} problem${count === 1 ? '' : 's'} (see that file): the built-in policy is in force, and saving a cleaned export is refused until ${count === 1 ? 'it is' : 'they are'} fixed`,
    });
  }
  if (policy.savedUnder) {
    out.push({
      range, severity: DiagnosticSeverity.Information, code: 'policy-changed', source: SOURCE,
      message: `the policy changed since the tags were last saved (was ${policy.savedUnder.slice(0, 12)}…, now ${policy.sha256.slice(0, 12)}…): flags follow the new policy; decisions made earlier followed the old one`,
    });
  }
  return out;
}

/**
 * Unresolved flags as diagnostics, most important first and capped: VS Code shows at most 1000
 * per file, so the cap keeps identifiers from being pushed out by notices. Edited message text
 * comes first of all: it blocks saving.
 */
export function toDiagnostics(analysis: Analysis, max: number): Diagnostic[] {
  const open = analysis.flags.filter((f) => !f.resolved);
  // One slot stays free for the "more flags" notice whenever flags exist.
  const problems: Diagnostic[] = analysis.problems.slice(0, open.length ? max - 1 : max).map((p) => ({
    range: p.column === undefined
      ? { start: { line: p.line, character: 0 }, end: { line: p.line, character: Number.MAX_SAFE_INTEGER } }
      : { start: { line: p.line, character: p.column }, end: { line: p.line, character: p.column + 1 } },
    severity: DiagnosticSeverity.Error,
    code: 'edited-text',
    source: SOURCE,
    message: p.message,
  }));
  open.sort((a, b) => flagPriority(a.flag) - flagPriority(b.flag) || a.line - b.line || a.start - b.start);
  const room = Math.max(0, max - problems.length);
  const shown = open.length > room ? open.slice(0, Math.max(0, room - 1)) : open;
  const diagnostics = problems.concat(shown.map(toDiagnostic));
  if (shown.length < open.length) {
    diagnostics.push({
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } },
      severity: DiagnosticSeverity.Information,
      code: 'more-flags',
      source: SOURCE,
      message: `${open.length - shown.length} more open flags on this page are not listed; tag or keep the listed ones first`,
    });
  }
  return diagnostics;
}
