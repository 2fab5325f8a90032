// The parser alone, in process: messages go to a counting sink, nothing is serialised. This is
// the like-for-like figure against a peer's parseString, which also only builds objects.
import { parseExport } from '../src/parsers';

async function main(): Promise<void> {
  let count = 0;
  await parseExport(process.argv[2], {}, { message: () => void count++ });
  process.stdout.write(String(count));
}
void main();
