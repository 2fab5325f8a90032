import { InputError } from '../model/errors';
import type { ExportInput } from '../parsers/input';
import { attachmentEntry, findChatEntry, sniffLayout } from '../parsers/whatsapp';
import type { LineFormat } from './lines';
import { smsRewriter } from './rewrite/xml';
import { whatsappLines } from './whatsappText';
import { checkLinesExclusive } from '../parsers/sms';

/**
 * What the cleaner needs to know of a format: where its chat text is, how a message's lines are
 * rewritten when spans are redacted, and where a named attachment lives in a zip. Formats whose
 * messages occupy whole lines of a text file all clean through `cleanLines`.
 */
export interface FormatCleaner {
  /** The zip entry holding the chat text; undefined for a plain file. */
  chatEntry(input: ExportInput): string | undefined;
  lineFormat(input: ExportInput, entry: string | undefined, what: string): Promise<LineFormat>;
  /** The zip entry of a file a message names. */
  attachmentEntry(chatEntry: string, name: string): string;
}

/** Formats without zips: their chat text is the file itself. */
const NO_ZIP = { chatEntry: () => undefined, attachmentEntry: (_: string, name: string) => name };

const CLEANERS: Record<string, FormatCleaner> = {
  whatsapp: {
    chatEntry: findChatEntry,
    lineFormat: async (input, entry, what) => whatsappLines(await sniffLayout(input, entry, what, {})),
    attachmentEntry,
  },
  sms: {
    ...NO_ZIP,
    async lineFormat(input) {
      await checkLinesExclusive(input);
      return { rewrite: smsRewriter };
    },
  },
};

export function cleanerFor(format: string): FormatCleaner {
  const cleaner = CLEANERS[format];
  if (!cleaner) throw new InputError(`cleaning ${format} exports is not supported yet`);
  return cleaner;
}
