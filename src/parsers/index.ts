import type { Conversation, Message, ParsedExport } from '../model/conversation';
import { detectFormat } from './detect';
import { openExport, type ExportSource } from './input';
import type { MessageSink, ParseOptions } from './registry';
import './whatsapp';
import './signal';
import './sms';
import './imessage';
import './telegram';
import './rsmf';

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
  const input = await openExport(source);
  try {
    const format = await detectFormat(input, options.format);
    const conversation = await format.parse(input, options, sink);
    return { format: format.name, conversation };
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
