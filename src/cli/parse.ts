import { parseExport, type ParseExportOptions } from '../parsers';
import { JsonWriter } from './jsonWriter';
import { MessageJson } from './messageJson';

/**
 * `chatreview parse`: the messages stream out as they are read; the conversation (whose
 * participants are known only at the end) closes the object. Key order is not significant.
 */
export async function runParse(file: string, options: ParseExportOptions): Promise<number> {
  const out = new JsonWriter(process.stdout);
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
