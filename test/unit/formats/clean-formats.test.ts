/**
 * Every format cleans in its own format: the round trip (re-parse, real git apply, verify) over
 * each fixture of each family, with a few seeds for different tags and redactions.
 */
import * as path from 'node:path';
import type { Message } from '../../../src/model';
import { formatRoundTrip } from '../clean/support/formatRoundTrip';

const FIXTURES = path.join(__dirname, '..', '..', 'fixtures');

/**
 * imessage-exporter writes thread replies inside their message's block; removing a reply alone
 * joins the part of its message that follows the thread back to that message (as it should), so
 * these cases tag no thread message and leave that to the tests of the format.
 */
const outsideThreads = (m: Message, all: Message[]) => m.replyTo === null && !all.some((x) => x.replyTo === m.id);

const CASES: { family: string; file: string; conversation?: string; composedEvents?: boolean; mayTag?: typeof outsideThreads }[] = [
  { family: 'signal', file: 'chat-2024.md' },
  { family: 'signal', file: 'chat-2019.md' },
  { family: 'signal', file: 'data-2024.json' },
  { family: 'signal', file: 'Crisisteam Hoogwater (_id12).txt' },
  { family: 'telegram', file: 'chat-2019.json', composedEvents: true },
  { family: 'telegram', file: 'chat-group.json', composedEvents: true },
  { family: 'telegram', file: 'export-one-chat.json', composedEvents: true },
  { family: 'imessage', file: 'imazing-newest.csv' },
  { family: 'imessage', file: 'imazing-no-edited.csv' },
  { family: 'imessage', file: 'imazing-reactions.csv' },
  { family: 'imessage', file: 'imazing-whatsapp.csv' },
  { family: 'imessage', file: 'imessage-exporter.txt', mayTag: outsideThreads },
  { family: 'imessage', file: 'imessage-exporter-legacy.txt', mayTag: outsideThreads },
];

describe('clean: every format in its own format', function () {
  this.timeout(60_000);
  for (const c of CASES) {
    for (const seed of [1, 2, 3]) {
      it(`${c.family}/${c.file} (seed ${seed})`, async () => {
        await formatRoundTrip(path.join(FIXTURES, c.family, c.file), { seed, conversation: c.conversation, composedEvents: c.composedEvents, mayTag: c.mayTag });
      });
    }
  }
});
