import * as assert from 'node:assert/strict';
import type { ParseExportOptions } from '../../../src/parsers';
import { inputError } from '../support/errors';
import { fixtureText, parseJson } from './support';

const CHAT = fixtureText('chat-group.json');
const FULL = fixtureText('export-full.json');

interface BadInput {
  name: string;
  json: string | Buffer;
  options?: ParseExportOptions;
  says: RegExp;
}

const telegram: ParseExportOptions = { format: 'telegram' };

const CASES: BadInput[] = [
  { name: 'an empty file', json: '', says: /^result\.json is empty$/ },
  { name: 'only white space (--format telegram)', json: ' \n\n', options: telegram, says: /^result\.json holds no JSON \(only white space\)$/ },
  { name: 'only white space, detected', json: ' \n\n', says: /^result\.json has no recognisable chat messages/ },
  { name: 'truncated between two messages', json: CHAT.slice(0, CHAT.indexOf('"id": 110') - 4), says: /^result\.json ends before its JSON is complete \(after line 201\); the file looks truncated$/ },
  { name: 'truncated inside a string', json: CHAT.slice(0, CHAT.indexOf('Kade bij') + 4), says: /^result\.json ends before its JSON is complete \(after line \d+\); the file looks truncated$/ },
  { name: 'a full export truncated inside its chat list', json: FULL.slice(0, FULL.indexOf('"left_chats"')), options: { conversation: '1000000001' }, says: /ends before its JSON is complete/ },
  { name: '"messages" is not an array', json: CHAT.replace('"messages": [', '"messages": "none", "rest": ['), options: telegram, says: /^result\.json: "messages" of the chat is not an array$/ },
  { name: '"messages" of a chat in a full export is an object', json: FULL.replace('"id": 1000000001,\n    "messages": [', '"id": 1000000001,\n    "messages": {"x": ['), says: /^result\.json: "messages" of chat 3 \(id 1000000001\) is not an array$/ },
  { name: '"date" is not a string', json: CHAT.replace('"date": "2024-01-13T18:47:25"', '"date": 1705168045'), says: /^result\.json: message 103 at line 36 has an invalid "date" \(.*expected string.*\); is this a Telegram Desktop export\?$/ },
  { name: '"date" in another form', json: CHAT.replace('"date": "2024-01-13T18:47:25"', '"date": "13-01-2024 18:47"'), says: /^result\.json: message 103 at line 36 has an invalid "date" \(is not a local date-time like 2024-01-13T18:47:25\)/ },
  { name: '"text" is a number', json: CHAT.replace('"text": "Dank, ik geef het door aan de burgemeester"', '"text": 42'), says: /^result\.json: message 105 at line 94 has an invalid "text"/ },
  { name: 'a message that is a string', json: CHAT.replace('  {\n   "id": 115,\n   "type": "unsupported"\n  }', '  "115"'), says: /^result\.json: the chat has a message that is not an object \(line 275\)$/ },
  { name: 'a chat id that is an object', json: CHAT.replace('"id": 1000000001', '"id": {"peer": 1}'), says: /^result\.json: "id" of the chat is not a number \(line 4\)$/ },
  { name: '"chats" is a list', json: '{\n "about": "x",\n "chats": []\n}', options: telegram, says: /^result\.json: "chats" is not an object$/ },
  { name: 'JSON that is no Telegram export', json: '{\n "version": "2.0.0",\n "participants": [],\n "events": []\n}', options: telegram, says: /^result\.json is not a Telegram Desktop export: its JSON has no "messages" or "chats" list$/ },
  { name: 'a JSON array', json: '[\n {"date": "2024-01-13"}\n]', options: telegram, says: /^result\.json is not a Telegram Desktop export: its JSON is not an object$/ },
  { name: 'a missing comma', json: CHAT.replace('"type": "private_supergroup",', '"type": "private_supergroup"'), says: /^result\.json is not valid JSON \(line 4\); is it a Telegram Desktop export\?$/ },
  { name: 'a control character Telegram escaped as \\x0B', json: CHAT.replace('Dank, ik', 'Dank\\x0B ik'), says: /^result\.json is not valid JSON \(line 102\)/ },
  { name: 'text after the JSON', json: CHAT + '\n{}', says: /^result\.json is not valid JSON \(line 436\)/ },
  { name: 'UTF-16 text', json: Buffer.from('\uFEFF' + CHAT, 'utf16le'), options: telegram, says: /^result\.json is UTF-16LE text; Telegram Desktop writes UTF-8 JSON$/ },
  { name: 'binary bytes', json: Buffer.from([0x7b, 0, 1, 2, 0, 0, 0xff, 0, 3, 0, 0, 0, 9]), options: telegram, says: /^result\.json is a binary file/ },
  { name: 'an unknown --tz', json: CHAT, options: { timeZone: 'Mars/Olympus' }, says: /^unknown time zone "Mars\/Olympus"/ },
];

describe('Telegram bad input', () => {
  for (const c of CASES) {
    it(c.name, async () => {
      assert.match(await inputError(parseJson(c.json, {}, c.options)), c.says);
    });
  }
});
