// The peer: npm whatsapp-chat-parser reads the whole file as one string, as its README shows.
// With --json it also serialises its (smaller) result, the same work our CLI does.
const fs = require('node:fs');
const { parseString } = require('whatsapp-chat-parser');
const [file, mode] = process.argv.slice(2);
const messages = parseString(fs.readFileSync(file, 'utf8'), { daysFirst: true });
if (mode === '--json') fs.writeFileSync('/dev/null', JSON.stringify(messages));
process.stdout.write(String(messages.length));
