import type { Message } from '../model';
import { InputError } from '../model/errors';
import { imazingTextColumn } from '../parsers/imessage';
import type { ExportInput } from '../parsers/input';
import { looksLikeRsmfMail } from '../parsers/rsmf';
import { checkLinesExclusive } from '../parsers/sms';
import { decodeSample } from '../parsers/text';
import { sniffLayout } from '../parsers/whatsapp';
import type { LineFormat } from './lines';
import { csvFormat } from './rewrite/csv';
import { screenshotCleaner } from './screenshots';
import { jsonObjectRewriter } from './rewrite/json';
import { verbatimRewriter } from './rewrite/verbatim';
import { smsRewriter } from './rewrite/xml';
import { whatsappLines } from './whatsappText';

/**
 * What the cleaner needs to know of a format beyond its parser: how a message's lines are
 * rewritten when spans are redacted (where a zip keeps its chat and attachments, the parser
 * says). Every format
 * here has messages on whole lines of one text file, so all clean through `cleanLines`.
 */
export interface FormatCleaner {
  lineFormat(input: ExportInput, entry: string | undefined, what: string, facts: { kept: number }): Promise<LineFormat>;
  /**
   * A zip of this format may hold other conversations, or other views of this one (Signal's
   * chat.md beside data.json): its cleaned zip keeps only the chat text and the attachments of
   * kept messages, so nothing unreviewed passes through.
   */
  onlyReviewedEntries: boolean;
  /**
   * The format checks each redacted message itself (WhatsApp re-reads its lines), or its
   * redactions cannot change its structure, so the cleaned file is not read back whole.
   */
  checksEachRedaction?: boolean;
}

/** Where a line's body starts after `[time] Sender: ` (signal-export's chat.md). */
const markdownBody = (line: string) => {
  const m = /^\[[^\]]+\] [^:]*?: /.exec(line);
  return m ? m[0].length : undefined;
};
/** After `[time] <sender> ` or, for an event, `[time] *** ` (signalbackup-tools' text). */
const backupTextBody = (line: string) => {
  const m = /^\[[^\]]+\] (?:<[^>]*> |\*\*\* )/.exec(line);
  return m ? m[0].length : undefined;
};
/** imessage-exporter writes a message's date and sender on lines of their own; an event follows its date on one line. */
const exporterBody = (line: string) => {
  const m = /^\s*[A-Z][a-z]{2} \d{1,2}, \d{4} {1,2}\d{1,2}:\d{2}:\d{2} [AP]M /.exec(line);
  return m ? m[0].length : undefined;
};

const normalizeLines = (text: string) => text.replace(/\r\n?/g, '\n');

/** Telegram keeps a text twice: `text` (a string or parts) and `text_entities`. Service texts are made up by the parser. */
function telegramText(object: Record<string, unknown>): string | undefined {
  const text = object.text;
  if (typeof text === 'string') return text;
  if (!Array.isArray(text)) return undefined;
  return text.map((part: unknown) => (typeof part === 'string' ? part : (part as { text?: string })?.text ?? '')).join('');
}

/** An RSMF manifest (bare, or in an unpacked rsmf.zip); a `.rsmf` mail is re-written, not edited (see below). */
const rsmfCleaner: FormatCleaner = {
  async lineFormat(input) {
    if (!input.zip && looksLikeRsmfMail(decodeSample(await input.head(), input.fileName))) {
      throw new InputError(`${input.fileName} is an RSMF mail: clean its rsmf_manifest.json (unpack the rsmf.zip inside), or clean the source export and write RSMF from it with --rsmf`);
    }
    return {
      separator: ',',
      rewrite: jsonObjectRewriter((event, m, redacted) => {
        if (typeof event.body !== 'string' || event.body !== m.text) return false;
        event.body = redacted;
        return true;
      }),
    };
  },
  onlyReviewedEntries: true,
};

const CLEANERS: Record<string, FormatCleaner> = {
  whatsapp: {
    lineFormat: async (input, entry, what) => whatsappLines(await sniffLayout(input, entry, what, {})),
    onlyReviewedEntries: false,
    checksEachRedaction: true,
  },
  sms: {
    async lineFormat(input, _entry, _what, { kept }) {
      await checkLinesExclusive(input);
      return {
        rewrite: smsRewriter,
        // The root's `count` says how many messages follow (the app shows restore progress by it).
        rewriteOther(line) {
          const m = /^(\s*<smses\b[^>]*?\bcount=)(["'])(\d+)\2/.exec(line);
          if (!m || Number(m[3]) === kept) return null;
          return { line: line.replace(m[0], `${m[1]}${m[2]}${kept}${m[2]}`), reason: `SMS Backup & Restore · count of the ${kept} messages kept` };
        },
      };
    },
    onlyReviewedEntries: true,
  },
  signal: {
    async lineFormat(input, entry) {
      const name = entry ?? input.fileName;
      if (/\.json$/i.test(name)) {
        // The parser drops the markdown line break (trailing spaces) that signal-export leaves on bodies.
        return {
          rewrite: jsonObjectRewriter((record, m: Message, redacted) => {
            if (typeof record.body !== 'string' || record.body.trimEnd() !== m.text) return false;
            record.body = redacted + record.body.slice(m.text.length);
            return true;
          }),
        };
      }
      return { rewrite: verbatimRewriter(/\.md$/i.test(name) ? markdownBody : backupTextBody) };
    },
    onlyReviewedEntries: true,
  },
  telegram: {
    lineFormat: async () => ({
      separator: ',',
      rewrite: jsonObjectRewriter((object, m, redacted) => {
        if (object.type !== 'message' || telegramText(object) !== m.text) return false;
        object.text = redacted;
        if (Array.isArray(object.text_entities)) object.text_entities = [{ type: 'plain', text: redacted }];
        return true;
      }),
    }),
    onlyReviewedEntries: true,
  },
  imazing: {
    async lineFormat(input, entry) {
      const { delimiter, column } = await imazingTextColumn(input, entry);
      return csvFormat(delimiter, column, (cell, m) => normalizeLines(cell) === normalizeLines(m.text));
    },
    onlyReviewedEntries: true,
  },
  rsmf: rsmfCleaner,
  screenshots: screenshotCleaner,
  'imessage-exporter': {
    lineFormat: async () => ({ rewrite: verbatimRewriter(exporterBody) }),
    onlyReviewedEntries: true,
    // Not read back whole: the parser splits the part of a message that follows its thread replies
    // into a message of its own, which joins its message again once those replies are removed.
    // Redactions are placed verbatim in body lines, which hold no structure of this format.
    checksEachRedaction: true,
  },
};

export function cleanerFor(format: string): FormatCleaner {
  const cleaner = CLEANERS[format];
  if (!cleaner) throw new InputError(`cleaning ${format} exports is not supported yet`);
  return cleaner;
}
