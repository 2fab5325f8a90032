import type { Conversation, Message, ParsedExport } from '../model/conversation';
import { InputError } from '../model/errors';
import { detectFormat } from './detect';
import { checkTimeZone } from './time';
import { openExport, type ExportSource } from './input';
import type { ConversationInfo, MessageSink, ParseOptions } from './registry';
import './whatsapp';
import './signal';
import './sms';
import './imessage';
import './telegram';
import './rsmf';
import './screenshots/format';

export { allFormats, getFormat } from './registry';
export type { ExportBytes, ExportSource } from './input';
export type { ConversationInfo, DayOrder, ExportFormat, MessageSink, ParseOptions } from './registry';

export interface ParseExportOptions extends ParseOptions {
  /** A format name to skip detection, or `auto`. */
  format?: string;
}

/** Parses an export, streaming its messages to `sink`; resolves with format and conversation. */
export async function parseExport(
  source: ExportSource,
  options: ParseExportOptions,
  sink: MessageSink,
): Promise<{ format: string; conversation: Conversation }> {
  checkTimeZone(options.timeZone);
  const input = await openExport(source);
  try {
    const format = await detectFormat(input, options.format);
    if (options.conversation !== undefined && !format.conversations) {
      throw new InputError(`${input.fileName} holds one conversation (${format.label}); --conversation is for files that hold several`);
    }
    const conversation = await format.parse(input, options, sink);
    return { format: format.name, conversation };
  } finally {
    input.close();
  }
}

/**
 * The conversations of an export, for formats whose files may hold several (an SMS backup, a
 * Telegram full export); null for a format that holds one per file.
 */
export async function listConversations(source: ExportSource, options: ParseExportOptions = {}): Promise<{ format: string; conversations: ConversationInfo[] | null }> {
  const input = await openExport(source);
  try {
    const format = await detectFormat(input, options.format);
    return { format: format.name, conversations: format.conversations ? await format.conversations(input, options) : null };
  } finally {
    input.close();
  }
}

/** Parses a whole export into memory; for callers that need every message at once. */
export async function readExport(source: ExportSource, options: ParseExportOptions = {}): Promise<ParsedExport> {
  const messages: Message[] = [];
  const { format, conversation } = await parseExport(source, options, { message: (m) => messages.push(m) });
  return { format, conversation, messages };
}
