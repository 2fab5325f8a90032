// Writes the synthetic sample exports in media/samples: one Dutch crisis-team group chat as a
// WhatsApp Android .txt and as an iOS .zip with two tiny photos. Every person is made up.
import * as fs from 'node:fs';
import * as path from 'node:path';
import jpeg from 'jpeg-js';
import yazl from 'yazl';

const out = path.join(import.meta.dirname, '..', 'media', 'samples');
const TITLE = 'Crisisteam Vaccinatie';
const LRM = '\u200E';

// [date, time with seconds, sender | null for an event, body, { photo } ]
const chat = [
  ['2019-11-28', '16:40:12', 'Piet Jansen', 'Verslag van het overleg over de Huisvestingsnota staat in de map.'],
  ['2020-03-12', '08:01:33', null, 'Berichten en oproepen worden end-to-end versleuteld. Niemand buiten deze chat, zelfs WhatsApp niet, kan ze lezen of beluisteren.'],
  ['2020-03-12', '08:02:10', null, 'Piet Jansen heeft de groep "Crisisteam Vaccinatie" gemaakt'],
  ['2020-03-12', '08:02:11', null, 'Piet Jansen heeft Jan de Vries toegevoegd'],
  ['2020-03-12', '08:05:47', 'Piet Jansen', 'Goedemorgen allemaal, OMT om 9:00 in zaal 2.'],
  ['2020-03-12', '08:06:02', 'Jan de Vries', 'Hoe gaat het met je moeder in het ziekenhuis?'],
  ['2020-03-12', '08:06:40', 'Piet Jansen', 'Gaat beter, dank je. Ze mag vrijdag naar huis.'],
  ['2020-03-12', '08:09:15', 'Jan de Vries', 'Zin in het weekend!\nZaterdag BBQ bij ons?'],
  ['2020-03-12', '08:11:03', 'Jan de Vries', 'BSN van de nieuwe medewerker is 111222333, graag doorsturen naar P&O.'],
  ['2020-03-12', '09:45:20', 'Fatima El Amrani', 'Conceptbrief aan de GGD-regio\'s ligt klaar voor akkoord.\nGraag reactie vóór 12:00.\n\nPunten: levering, prioritering, communicatie.'],
  ['2020-03-12', '09:47:02', 'Piet Jansen', 'Akkoord, met de opmerking over de levering.'],
  ['2020-03-12', '10:15:00', 'Fatima El Amrani', 'Foto van het planbord', { photo: 'PHOTO', caption: true }],
  ['2020-03-12', '10:15:30', 'Fatima El Amrani', null, { photo: 'PHOTO' }],
  ['2020-03-12', '12:30:45', 'Jan de Vries', 'Mijn rekening is NL91ABNA0417164300, voor de declaratie van de taxi.'],
  ['2020-03-12', '12:31:10', 'Jan de Vries', { deleted: true }],
  ['2020-03-13', '07:58:00', 'Piet Jansen', 'Bel me even op 06-12345678 als je er bent.'],
  ['2020-03-13', '08:20:19', 'Fatima El Amrani', 'Persbericht over de vaccinatiecampagne gaat om 10:00 uit.'],
  ['2020-03-13', '08:21:44', 'Jan de Vries', 'Gefeliciteerd met je verjaardag Fatima! 🎉'],
  ['2020-03-13', '13:02:05', 'Piet Jansen', 'Kamerbrief over de stand van zaken: eerste versie voor vrijdag.'],
  ['2020-03-13', '13:05:51', null, 'Jan de Vries heeft Anouk Bakker toegevoegd'],
  ['2020-03-13', '13:06:30', 'Anouk Bakker', 'Dank voor het toevoegen. Ik neem de logistiek over van Jan.'],
  ['2020-03-13', '16:44:12', 'Anouk Bakker', 'Ik heb aangifte gedaan van de inbraak bij mijn buren, ben later.'],
  ['2020-03-14', '09:00:00', 'Piet Jansen', 'Overleg met het ministerie over de distributie is verplaatst naar maandag.'],
];

const photos = [];
function tinyJpeg(r, g, b) {
  const width = 16, height = 16;
  const data = Buffer.alloc(width * height * 4);
  for (let i = 0; i < width * height; i++) data.set([r, g + (i % 16) * 4, b, 255], i * 4);
  return jpeg.encode({ data, width, height }, 80).data;
}

function android() {
  const lines = [];
  for (const [date, time, sender, body, extra] of chat) {
    const [y, m, d] = date.split('-');
    const head = `${d}-${m}-${y} ${time.slice(0, 5)} - `;
    if (sender === null) { lines.push(head + body); continue; }
    if (body && typeof body === 'object') { lines.push(`${head}${sender}: Dit bericht is verwijderd`); continue; }
    if (extra?.photo) {
      const n = photos.length + 1;
      const name = `IMG-${y}${m}${d}-WA${String(n).padStart(4, '0')}.jpg`;
      photos.push(name);
      lines.push(`${head}${sender}: ${name} (bestand bijgevoegd)` + (body ? `\n${body}` : ''));
      continue;
    }
    lines.push(`${head}${sender}: ${body}`);
  }
  return lines.join('\n') + '\n';
}

function ios() {
  const lines = [];
  const files = [];
  let seq = 1;
  for (const [date, time, sender, body, extra] of chat) {
    const [y, m, d] = date.split('-');
    const head = `[${d}-${m}-${y} ${time}] `;
    if (sender === null) { lines.push(`${head}${TITLE}: ${LRM}${body}`); continue; }
    if (body && typeof body === 'object') { lines.push(`${LRM}${head}${sender}: ${LRM}Dit bericht is verwijderd.`); continue; }
    if (extra?.photo) {
      const name = `${String(seq++).padStart(8, '0')}-PHOTO-${date}-${time.replaceAll(':', '-')}.jpg`;
      files.push(name);
      lines.push(`${LRM}${head}${sender}: ${body ? body + ' ' : ''}${LRM}<bijgevoegd: ${name}>`);
      continue;
    }
    lines.push(`${head}${sender}: ${body}`);
  }
  return { text: lines.join('\r\n') + '\r\n', files };
}

fs.mkdirSync(out, { recursive: true });
fs.writeFileSync(path.join(out, `WhatsApp-chat met ${TITLE}.txt`), android());
const colours = [[40, 90, 200], [200, 120, 40]];
photos.forEach((name, i) => fs.writeFileSync(path.join(out, name), tinyJpeg(...colours[i % 2])));

const { text, files } = ios();
const zip = new yazl.ZipFile();
zip.addBuffer(Buffer.from(text, 'utf8'), '_chat.txt', { mtime: new Date('2020-03-14T12:00:00Z') });
files.forEach((name, i) => zip.addBuffer(tinyJpeg(...colours[i % 2]), name, { mtime: new Date('2020-03-14T12:00:00Z'), compress: false }));
zip.end();
await new Promise((resolve) => zip.outputStream.pipe(fs.createWriteStream(path.join(out, `WhatsApp Chat - ${TITLE}.zip`))).on('close', resolve));
console.log(`samples written to ${path.relative(process.cwd(), out)}`);
