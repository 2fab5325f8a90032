import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { getFormat } from '../../../src/parsers';
import { openExport, type ExportSource } from '../../../src/parsers/input';
import { FIXTURES as WHATSAPP_FIXTURES, fixtureText as whatsappText, readChecked } from '../support/fixtures';
import { FIXTURE_NAMES, fixtureText } from './support';

async function telegramScore(source: ExportSource): Promise<number> {
  const input = await openExport(source);
  try {
    return await getFormat('telegram')!.sniff(input);
  } finally {
    input.close();
  }
}

const bytes = (fileName: string, text: string): ExportSource => ({ fileName, bytes: Buffer.from(text), siblings: new Set() });

describe('Telegram detection', () => {
  it('every Telegram fixture is recognised with high confidence and read as telegram', async () => {
    for (const name of FIXTURE_NAMES) {
      assert.ok(await telegramScore(bytes('result.json', fixtureText(name))) >= 0.9, name);
      assert.equal((await readChecked(bytes('result.json', fixtureText(name)), name.startsWith('export-full') ? { conversation: '1000000001' } : {})).format, 'telegram', name);
    }
  });

  it('rates other formats\' files 0: every WhatsApp fixture, Signal data.json, an RSMF manifest, JSON without chats', async () => {
    for (const name of fs.readdirSync(WHATSAPP_FIXTURES).filter((n) => n.endsWith('.txt'))) {
      assert.equal(await telegramScore(bytes(name, whatsappText(name))), 0, name);
    }
    const others = {
      'data.json': '{"date": "2024-05-13T14:05:33", "sender": "Aya", "body": "hoi", "quote": "", "sticker": "", "reactions": [], "attachments": []}\n',
      'rsmf_manifest.json': '{\n "version": "2.0.0",\n "participants": [{"id": "p1", "display": "Aya"}],\n "conversations": [{"id": "c1", "platform": "telegram", "type": "direct", "participants": ["p1"]}],\n "events": [{"id": "e1", "type": "message", "participant": "p1", "conversation": "c1", "timestamp": "2024-05-13T14:05:33Z", "body": "hoi"}]\n}',
      'package.json': '{\n "name": "chat-review",\n "type": "module",\n "messages": []\n}',
    };
    for (const [name, text] of Object.entries(others)) assert.equal(await telegramScore(bytes(name, text)), 0, name);
  });

  it('WhatsApp fixtures still detect as WhatsApp', async () => {
    const name = 'android-nl.txt';
    assert.equal((await readChecked(bytes(name, whatsappText(name)))).format, 'whatsapp');
    assert.ok(fs.existsSync(path.join(WHATSAPP_FIXTURES, name)));
  });
});
