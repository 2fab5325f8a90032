/**
 * The hold-out corpus as written: six conversations in a small chat-script notation that
 * build.ts turns into test/eval/holdout/*.jsonl (offsets, identifiers, period and bulk-pii
 * labels are computed there). Written by hand, independently of the main corpus's templates
 * and of the detectors; everything in it is fictional. See ../README.md, "Hold-out corpus".
 */
import { H01 } from './src/h01';
import { H02 } from './src/h02';
import { H03 } from './src/h03';
import { H04 } from './src/h04';
import { H05 } from './src/h05';
import { H06 } from './src/h06';

export interface SourceConversation {
  /** Output file name, e.g. h01-uitbraakteam-vvt.jsonl. */
  file: string;
  title: string;
  description: string;
  /** Sender key in the script → the sender's full name in the export. */
  people: Record<string, string>;
  /** The chat script (notation in build.ts). */
  script: string;
}

export const HOLDOUT: readonly SourceConversation[] = [H01, H02, H03, H04, H05, H06];
