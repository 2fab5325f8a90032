import { seededRandom } from '../src/model/spotCheck';
import * as fs from 'node:fs';

/** Deterministic, so every run benchmarks the same bytes. */
export const prng = seededRandom;

const SENDERS = ['Piet Jansen', 'Jan de Vries', 'Fatima El Amrani', 'Anouk Bakker', 'Sven Visser', '+31 6 12345678', 'Mohammed Yilmaz', 'Els de Boer'];
/** The generated export's message texts: everyday crisis-team traffic. */
export const SENTENCES = [
  'Goedemorgen, OMT om 9:00 in zaal 2.',
  'Conceptbrief aan de GGD-regio\'s ligt klaar voor akkoord.',
  'Akkoord, met de opmerking over de levering.',
  'Persbericht over de vaccinatiecampagne gaat om 10:00 uit.',
  'Kamerbrief over de stand van zaken: eerste versie voor vrijdag.',
  'Overleg met het ministerie over de distributie is verplaatst naar maandag.',
  'Hoe gaat het met je moeder in het ziekenhuis?',
  'Zin in het weekend! Zaterdag BBQ bij ons?',
  'Bel me even op 06-12345678 als je er bent.',
  'De cijfers van vandaag: 1.234 opnames, 56 op de IC.',
  'Ik zit in de trein, ben er over twintig minuten.',
  'Graag reactie vóór 12:00 op de notitie over de scenario\'s.',
];

/**
 * Writes a synthetic WhatsApp Android (nl) export: about 5% multi-line messages, 3% media
 * lines, a few system events. Returns the message count and file size.
 */
export function generateWhatsAppAndroid(file: string, count: number, seed = 42): { messages: number; bytes: number } {
  const rnd = prng(seed);
  const fd = fs.openSync(file, 'w');
  let block: string[] = [];
  let bytes = 0;
  let t = Date.UTC(2020, 0, 1, 8, 0);
  const flush = () => {
    const text = block.join('');
    bytes += fs.writeSync(fd, text);
    block = [];
  };
  const pad = (n: number) => (n < 10 ? '0' + n : String(n));
  for (let i = 0; i < count; i++) {
    t += Math.floor(rnd() * 180_000);
    const d = new Date(t);
    const head = `${pad(d.getUTCDate())}-${pad(d.getUTCMonth() + 1)}-${d.getUTCFullYear()} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())} - `;
    const r = rnd();
    const sender = SENDERS[Math.floor(rnd() * SENDERS.length)];
    const sentence = SENTENCES[Math.floor(rnd() * SENTENCES.length)];
    if (r < 0.005) block.push(`${head}${sender} heeft ${SENDERS[0]} toegevoegd\n`);
    else if (r < 0.02) block.push(`${head}${sender}: <Media weggelaten>\n`);
    else if (r < 0.035) block.push(`${head}${sender}: IMG-20200101-WA${String(i % 10000).padStart(4, '0')}.jpg (bestand bijgevoegd)\n${sentence}\n`);
    else if (r < 0.085) block.push(`${head}${sender}: ${sentence}\n${SENTENCES[(i * 7) % SENTENCES.length]}\n\n- punt een\n- punt twee\n`);
    else block.push(`${head}${sender}: ${sentence}\n`);
    if (block.length >= 10_000) flush();
  }
  flush();
  fs.closeSync(fd);
  return { messages: count, bytes };
}
