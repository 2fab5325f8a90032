import { DEFAULT_POLICY, Policy, type Flag } from '../../../src/model';
import type { Detector, DetectorContext, ScanMessage } from '../../../src/server/detectors/types';

let n = 0;

/** A message as the detectors see it; a fresh object (and id) each call. */
export function msg(text: string, over: Partial<ScanMessage> = {}): ScanMessage {
  n++;
  return {
    id: 'm' + String(n).padStart(6, '0'),
    timestamp: '2020-03-16T10:00:00',
    precision: 'minute',
    sender: 'Piet Jansen',
    kind: 'message',
    text,
    ...over,
  };
}

export function ctx(over: Partial<DetectorContext> = {}): DetectorContext {
  return { policy: DEFAULT_POLICY, previous: undefined, next: undefined, ...over };
}

export function policy(input: unknown): Policy {
  return Policy.parse(input);
}

/** Runs one detector on a text. */
export function run(detector: Detector, text: string, context: DetectorContext = ctx()): Flag[] {
  return detector.detect(msg(text), context);
}

/** The flagged text of each flag, in order: the exact spans. */
export function spans(text: string, flags: Flag[]): string[] {
  return flags.map((f) => (f.span ? text.slice(f.span.start, f.span.end) : '<message>'));
}

/** Runs a detector and returns the flagged texts. */
export function found(detector: Detector, text: string, context?: DetectorContext): string[] {
  return spans(text, run(detector, text, context));
}
