import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { MessageJson } from '../../../src/cli/messageJson';
import type { Message } from '../../../src/model/conversation';
import { readExport } from '../../../src/parsers';

const samples = path.join(__dirname, '..', '..', '..', 'media', 'samples');

function variants(base: Message): Message[] {
  return [
    base,
    { ...base, sender: null, kind: 'system' },
    { ...base, sender: 'Zoë "Z" d\'Hondt\u2028', direction: 'outgoing' },
    { ...base, text: 'quotes " backslash \\ tab \t newline \n nul \u0000 emoji 🎉 lone \ud800', replyTo: 'm000001' },
    { ...base, attachments: [{ name: 'IMG "1".jpg', present: true }, { name: 'b.pdf', present: false }] },
    { ...base, meta: { edited: true, placeholder: '<Media weggelaten>', poll: { question: 'Q?', options: [{ text: 'a', votes: 2 }] } } },
    { ...base, id: 'm1000000', source: { line: 123456789, lines: 42 } },
  ];
}

describe('MessageJson', () => {
  it('writes exactly what JSON.stringify writes, for every message of the samples and odd variants', async () => {
    const json = new MessageJson();
    for (const file of ['WhatsApp-chat met Crisisteam Vaccinatie.txt', 'WhatsApp Chat - Crisisteam Vaccinatie.zip']) {
      const { messages } = await readExport(path.join(samples, file));
      assert.ok(messages.length > 10);
      for (const m of messages.flatMap(variants)) assert.equal(json.stringify(m), JSON.stringify(m));
    }
  });
});
