import { type Flag, type FlagCategory } from '../model';
import { parseExport, type ParseExportOptions } from '../parsers';
import { ConversationScanner, participantKeys } from '../server/detectors';
import { JsonWriter } from './jsonWriter';
import { policyInForce } from './policy';

export interface ScanStats {
  messages: number;
  flaggedMessages: number;
  flags: number;
  byCategory: Record<FlagCategory, number>;
  byRule: Record<string, number>;
}

/**
 * `chatreview scan`: the same detectors as the language server, streamed. Each message is
 * judged once its successor has arrived (rules look at neighbours), so memory stays flat.
 */
export async function runScan(file: string, options: ParseExportOptions & { policy?: string }): Promise<number> {
  const inForce = await policyInForce(options.policy);
  const policy = inForce.policy;
  const out = new JsonWriter(process.stdout);
  const stats: ScanStats = { messages: 0, flaggedMessages: 0, flags: 0, byCategory: { 'privé': 0, AVG: 0, scope: 0, info: 0 }, byRule: {} };
  let first = true;
  out.raw('{"flags":[\n');
  let lastFlagged: string | undefined;
  const emit = (flags: Flag[]) => {
    for (const f of flags) {
      if (f.id !== lastFlagged) stats.flaggedMessages++;
      lastFlagged = f.id;
      out.raw((first ? '' : ',\n') + JSON.stringify(f));
      first = false;
      stats.flags++;
      stats.byCategory[f.category]++;
      stats.byRule[f.rule] = (stats.byRule[f.rule] ?? 0) + 1;
    }
  };
  // The participants are known only at the end of a stream: the senders seen so far stand in
  // (a message is scanned once three more have arrived, so theirs are among them).
  const participants = new Set<string>();
  const senders = new Set<string>();
  const scanner = new ConversationScanner(policy, participants);
  await parseExport(file, options, {
    message(m) {
      stats.messages++;
      if (m.sender !== null && !senders.has(m.sender)) {
        senders.add(m.sender);
        for (const k of participantKeys([m.sender])) participants.add(k);
      }
      emit(scanner.push(m));
    },
    drain: () => out.drain(),
  });
  emit(scanner.end());
  out.raw(`\n],"policy":${JSON.stringify({ sha256: inForce.sha256, source: inForce.source, name: policy.name, version: policy.version })},"stats":${JSON.stringify(stats)}}\n`);
  await out.end();
  return 0;
}
