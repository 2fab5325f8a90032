import type { Message } from '../model';
import { InputError } from '../model/errors';
import { parseExport } from '../parsers';

/** What the cleaned file must read back as: how many messages, and the redacted ones by position. */
export interface ReadBack {
  kept: number;
  redacted: Map<number, Message>;
}

/**
 * The cleaned file must read back as exactly the kept messages, each redacted one still the same
 * message (time, sender, kind): a marker may not, say, turn a call notice into a message, and a
 * rewritten element may not swallow its neighbour. Refused (nothing written) otherwise.
 */
export async function checkReadsBack(file: string, format: string, conversation: string | undefined, want: ReadBack): Promise<void> {
  if (want.kept === 0) return;
  let count = 0;
  let problem: string | undefined;
  await parseExport(file, { format, conversation }, {
    message(m) {
      const was = want.redacted.get(count++);
      if (!was || problem || (m.sender === was.sender && m.kind === was.kind && m.timestamp === was.timestamp)) return;
      const what = m.kind === 'system' ? 'an event' : m.kind === 'message' ? 'a message' : `a ${m.kind} message`;
      const reads = `${what}${m.sender ? ` from ${JSON.stringify(m.sender)}` : ''}`;
      problem = `the redaction of ${was.id} would make it read as ${reads}; redact a wider span or tag the message instead`;
    },
  }).catch((e: unknown) => {
    if (!(e instanceof InputError)) throw e;
    problem ??= `the cleaned file would not read back (${e.message}); a redaction broke its format`;
  });
  if (!problem && count !== want.kept) problem = `the cleaned file would read back as ${count} messages, not the ${want.kept} kept; a redaction broke its format`;
  if (problem) throw new InputError(problem);
}
