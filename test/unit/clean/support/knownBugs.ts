/**
 * Generated cases that hit a cleaner bug already pinned by a test in regressions.test.ts: the
 * properties bend their expectation around these (or leave that one comparison out) so they
 * keep hunting for new bugs. CLEAN_STRICT=1 holds every case to the full expectation; delete
 * a guard once its bug is fixed.
 */
import type { Run } from './harness';

export const STRICT = process.env.CLEAN_STRICT === '1';

/**
 * BUG (Android event lines): an event line has no author, which the parser knows because a
 * quote stands before its first `: ` (`… gewijzigd van "Dijk: Noord" naar …`). A redaction that
 * covers that quote leaves `… [AVG]ijk: Noord" …`, which re-parses as a message whose sender is
 * the event text before the colon.
 */
export function androidEventTurnsIntoMessage(run: Run, i: number, cleanedText: string): boolean {
  if (run.c.model.chat.platform !== 'android' || run.parsed.messages[i].kind !== 'system' || !run.spans.has(i)) return false;
  const colon = cleanedText.indexOf(': ');
  return colon >= 0 && !/["“”«]/.test(cleanedText.slice(0, colon));
}

/**
 * BUG (line breaks kept inside a span, see regressions.test.ts): a span over the last lines of a
 * message leaves them blank, and blank lines at the end of a message do not all survive a
 * re-parse: before an edit note the parser's `\s*<Dit bericht is bewerkt>` takes them, and at
 * the end of a file without a final line break the last, empty line is no line at all. Returns
 * the text a re-parse gives in those cases (the cleaned bytes themselves are checked exactly).
 */
export function reparsedText(run: Run, i: number, cleanedText: string): string {
  const m = run.c.model.chat;
  if (m.messages[i].suffix.includes('<Dit bericht is bewerkt>')) return cleanedText.trimEnd();
  if (i === m.messages.length - 1 && !m.finalEol && cleanedText.endsWith('\n')) return cleanedText.slice(0, -1);
  return cleanedText;
}
