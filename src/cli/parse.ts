import { listConversations, parseExport, type ConversationInfo, type ParseExportOptions } from '../parsers';
import { JsonWriter } from './jsonWriter';
import { MessageJson } from './messageJson';

/**
 * `chatreview parse`: the messages stream out as they are read; the conversation (whose
 * participants are known only at the end) closes the object. Key order is not significant.
 */
export async function runParse(file: string, options: ParseExportOptions): Promise<number> {
  const out = new JsonWriter(process.stdout);
  if (options.conversation === undefined) {
    const { conversations } = await listConversations(file, options);
    if (conversations && conversations.length > 1) return parseEach(file, options, conversations, out);
  }
  const json = new MessageJson();
  let first = true;
  let started = false;
  const { format, conversation } = await parseExport(file, options, {
    message(m) {
      if (!started) {
        out.raw('{"messages":[\n');
        started = true;
      }
      out.raw((first ? '' : ',\n') + json.stringify(m));
      first = false;
    },
    drain: () => out.drain(),
  });
  if (!started) out.raw('{"messages":[\n');
  out.raw(`\n],"format":${JSON.stringify(format)},"conversation":${JSON.stringify(conversation)}}\n`);
  await out.end();
  return 0;
}

/**
 * A file holding several conversations prints `{ format, conversations: [{ id, conversation,
 * messages[] }] }`, each read in its own pass so that memory stays flat.
 */
async function parseEach(file: string, options: ParseExportOptions, list: ConversationInfo[], out: JsonWriter): Promise<number> {
  const json = new MessageJson();
  let format = '';
  out.raw('{"conversations":[\n');
  for (const [i, info] of list.entries()) {
    out.raw(`${i ? ',\n' : ''}{"id":${JSON.stringify(info.id)},"messages":[\n`);
    let first = true;
    const read = await parseExport(file, { ...options, conversation: info.id }, {
      message(m) {
        out.raw((first ? '' : ',\n') + json.stringify(m));
        first = false;
      },
      drain: () => out.drain(),
    });
    format = read.format;
    out.raw(`\n],"conversation":${JSON.stringify(read.conversation)}}`);
  }
  out.raw(`\n],"format":${JSON.stringify(format)}}\n`);
  await out.end();
  return 0;
}

/** `chatreview conversations`: what a file holds, as `{ format, conversations: [{ id, title, messages }] }`. */
export async function runConversations(file: string, options: ParseExportOptions): Promise<number> {
  const { format, conversations } = await listConversations(file, options);
  process.stdout.write(`${JSON.stringify({ format, conversations: conversations ?? null })}\n`);
  return 0;
}
