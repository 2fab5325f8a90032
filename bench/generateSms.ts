// A synthetic SMS Backup & Restore XML backup of a given size, for `npm run bench` (BENCH_ONLY=sms).
// Deterministic (seeded), so every run benchmarks the same bytes; written as it is generated, so
// a 500 MB file never stands in memory. `npx tsx bench/generateSms.ts <file> [MB]` writes one.
import * as fs from 'node:fs';
import { prng, SENTENCES } from './generate';

/** The phone's owner, as the `<addr>` recipients of received group MMS name it. */
const OWNER = '+31612349999';

interface Contact { address: string; name: string }
const CONTACTS: Contact[] = [
  { address: '+31612340001', name: 'Annelies de Vries' },
  { address: '+31612340002', name: 'Bram Jansen' },
  { address: '+31612340003', name: 'Fatima El Amrani' },
  { address: '+31612340004', name: 'Sven Visser' },
  { address: '+31612340005', name: '(Unknown)' },
];

interface Thread {
  members: Contact[];
  /** Share of the messages. */
  weight: number;
  /** A bulk sender: only received SMS. */
  bulk?: boolean;
}

/**
 * Four one-to-one threads, one with an unknown number, one bulk sender and the group MMS thread
 * (three others and the owner: on Android every message of a group is an MMS).
 */
const THREADS: Thread[] = [
  { members: [CONTACTS[0]], weight: 0.24 },
  { members: [CONTACTS[1]], weight: 0.16 },
  { members: [CONTACTS[2]], weight: 0.1 },
  { members: [CONTACTS[3]], weight: 0.18 },
  { members: [CONTACTS[4]], weight: 0.1 },
  { members: [{ address: 'KPN', name: 'null' }], weight: 0.04, bulk: true },
  { members: [CONTACTS[0], CONTACTS[1], CONTACTS[2]], weight: 0.18 },
];
const GROUP = THREADS.length - 1;

/** The group thread's id as `chatreview conversations` lists it: its members' numbers, sorted. */
export const SMS_GROUP_ID = THREADS[GROUP].members.map((c) => c.address).sort().join('~');

const EXTRA_SENTENCES = [
  'Foto\'s van de locatie, zie bijlage.',
  'Ben je bij het overleg van 14:00 of zal ik je bijpraten?',
  'Het ministerie wil de notitie vóór donderdag, kun jij de cijfers aanleveren?',
  'Nieuwe versie van de Kamerbrief staat op de gedeelde schijf & is gemaild.',
  'Ik sta in de file op de A12, kom later.',
  'Dank je, goed werk!',
];
const TEXTS = [...SENTENCES, ...EXTRA_SENTENCES];
const BULK_TEXTS = [
  'Uw bundel is bijna op. Kijk in de app voor extra MB\'s.',
  'Uw factuur van deze maand staat klaar in MijnKPN.',
];
/** "store emoji" writes an emoji as two references to its UTF-16 surrogates. */
const EMOJI = ['\u{1F44D}', '\u{1F600}', '\u{1F389}'];
const MONTHS = ['jan.', 'feb.', 'mrt.', 'apr.', 'mei', 'jun.', 'jul.', 'aug.', 'sep.', 'okt.', 'nov.', 'dec.'];

/** A text as SMS Backup & Restore writes it in an attribute: line breaks and emoji as references. */
function attr(text: string): string {
  return text.replace(/[&<>"\n]|[\uD800-\uDFFF]/g, (c) => {
    switch (c) {
      case '&': return '&amp;';
      case '<': return '&lt;';
      case '>': return '&gt;';
      case '"': return '&quot;';
      case '\n': return '&#10;';
      default: return `&#${c.charCodeAt(0)};`;
    }
  });
}

const pad = (n: number) => (n < 10 ? '0' + n : String(n));
/** `readable_date` in Dutch, as a phone set to Dutch writes it (times here in UTC+1). */
function readable(t: number): string {
  const d = new Date(t + 3_600_000);
  return `${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
}

/** An image part: its decoded size and where its bytes start in the random pool. */
interface Image { name: string; size: number; offset: number }
/** A message as pieces of text, images standing for their base64. */
type Piece = string | Image;

export interface SmsBackupInfo {
  bytes: number;
  messages: number;
  sms: number;
  mms: number;
  images: number;
  /** Bytes of base64 part data. */
  mediaBytes: number;
  group: {
    id: string;
    messages: number;
    /** Spans in the group thread's message texts that could be redacted (a phone number). */
    redactable: { id: string; start: number; end: number }[];
  };
}

const POOL_BYTES = 1 << 20;
const JPEG_HEAD = Buffer.from('ffd8ffe000104a46494600010101004800480000', 'hex');
const JPEG_END = Buffer.from('ffd9', 'hex');

/**
 * The messages of the backup, in date order, until `targetBytes` are reached. Run twice with the
 * same seed it yields the same messages: once to count them for the root's `count`, once to write.
 */
function* messages(seed: number, targetBytes: number, info: SmsBackupInfo): Generator<Piece[]> {
  const rnd = prng(seed);
  const pick = <T>(items: readonly T[]) => items[Math.floor(rnd() * items.length)];
  let t = Date.UTC(2023, 0, 2, 7, 30);
  let mmsId = 0;
  let bytes = 0;
  let groupCount = 0;
  const text = () => {
    const r = rnd();
    let s = pick(TEXTS);
    if (r < 0.05) s += '\n' + pick(TEXTS) + '\n\n- punt een\n- punt twee';
    else if (r < 0.08) s += ' ' + pick(EMOJI);
    return s;
  };
  const image = (): Image => {
    // Base64 of 50 to 300 KB, as phones send photos over MMS (compressed to fit the carrier's limit).
    const base64 = 50_000 + Math.floor(rnd() * 250_000);
    const size = Math.floor(base64 * 3 / 4);
    return { name: `IMG_${20230101 + (mmsId % 1000)}_${String(mmsId).padStart(6, '0')}.jpg`, size, offset: Math.floor(rnd() * (POOL_BYTES - size)) };
  };
  while (bytes < targetBytes) {
    t += 1000 + Math.floor(rnd() * 900_000);
    const r = rnd();
    let thread = 0;
    for (let acc = THREADS[0].weight; thread < THREADS.length - 1 && r >= acc; acc += THREADS[++thread].weight);
    const th = THREADS[thread];
    const incoming = th.bulk || rnd() < 0.55;
    const date = `date="${t}"`;
    const sent = incoming ? t - 1000 - Math.floor(rnd() * 4000) : 0;
    const address = th.members.map((c) => c.address).join('~');
    const contactName = th.members.map((c) => c.name).join(', ');
    const isGroup = thread === GROUP;
    const body = th.bulk ? pick(BULK_TEXTS) : text();
    const pieces: Piece[] = [];
    if (!isGroup && (th.bulk || rnd() < 0.94)) {
      // One line per SMS, every attribute as the app writes it.
      const box = incoming ? 1 : rnd() < 0.003 ? 5 : 2;
      pieces.push(`  <sms protocol="0" address="${address}" ${date} type="${box}" subject="null" body="${attr(body)}" toa="null" sc_toa="null" service_center="${incoming ? '+31653131313' : 'null'}" read="1" status="-1" locked="0" date_sent="${sent}" sub_id="1" readable_date="${readable(t)}" contact_name="${attr(contactName)}" />\n`);
      info.sms++;
    } else {
      mmsId++;
      const images: Image[] = [];
      // Most MMS between two people carry a photo, few in the group (whose texts must go by MMS);
      // one photo in seven comes with a second.
      if (rnd() < (isGroup ? 0.08 : 0.6)) {
        images.push(image());
        if (rnd() < 0.15) images.push(image());
      }
      const withText = images.length === 0 || rnd() < 0.6;
      const from = incoming ? (isGroup ? pick(th.members).address : address) : 'insert-address-token';
      const to = incoming ? (isGroup ? [OWNER, ...th.members.map((c) => c.address).filter((a) => a !== from)] : [OWNER]) : th.members.map((c) => c.address);
      const size = images.reduce((n, i) => n + i.size, 0) + (withText ? body.length : 0) + 400;
      pieces.push(`  <mms ${date} rr="null" sub="null" ct_t="application/vnd.wap.multipart.related" read_status="null" seen="1" msg_box="${incoming ? 1 : 2}" address="${address}" sub_cs="null" resp_st="${incoming ? 'null' : '128'}" retr_st="null" d_tm="null" text_only="${images.length ? 0 : 1}" exp="${incoming ? '604800' : 'null'}" locked="0" m_id="mms${String(mmsId).padStart(10, '0')}" st="null" retr_txt_cs="null" retr_txt="null" creator="com.google.android.apps.messaging" date_sent="${sent}" read="1" m_size="${size}" rpt_a="null" ct_cls="null" pri="129" sub_id="1" tr_id="tr${String(mmsId).padStart(10, '0')}" resp_txt="null" ct_l="null" m_cls="personal" d_rpt="129" v="18" _id="${mmsId}" m_type="${incoming ? 132 : 128}" readable_date="${readable(t)}" contact_name="${attr(contactName)}">\n`,
        '    <parts>\n');
      if (images.length) {
        const smil = `<smil><head><layout><root-layout/><region id="Image" fit="meet" top="0" left="0" height="80%" width="100%"/></layout></head><body>${images.map((i) => `<par dur="5000ms"><img src="${i.name}" region="Image"/></par>`).join('')}</body></smil>`;
        pieces.push(`      <part seq="-1" ct="application/smil" name="null" chset="null" cd="null" fn="null" cid="&lt;smil&gt;" cl="smil.xml" ctt_s="null" ctt_t="null" text="${attr(smil)}" />\n`);
      }
      images.forEach((img, i) => {
        pieces.push(`      <part seq="${i}" ct="image/jpeg" name="${img.name}" chset="null" cd="null" fn="null" cid="&lt;${img.name}&gt;" cl="${img.name}" ctt_s="null" ctt_t="null" text="null" data="`, img, '" />\n');
      });
      if (withText) pieces.push(`      <part seq="${images.length}" ct="text/plain" name="null" chset="106" cd="null" fn="null" cid="&lt;text_0&gt;" cl="text_0.txt" ctt_s="null" ctt_t="null" text="${attr(body)}" />\n`);
      pieces.push('    </parts>\n', '    <addrs>\n');
      pieces.push(`      <addr address="${from}" type="137" charset="106" />\n`);
      for (const a of to) pieces.push(`      <addr address="${a}" type="151" charset="106" />\n`);
      pieces.push('    </addrs>\n', '  </mms>\n');
      info.mms++;
      info.images += images.length;
      if (isGroup) {
        groupCount++;
        const at = withText ? body.indexOf('06-12345678') : -1;
        if (at >= 0 && info.group.redactable.length < 50) info.group.redactable.push({ id: 'm' + String(groupCount).padStart(6, '0'), start: at, end: at + 11 });
      }
    }
    for (const p of pieces) {
      if (typeof p === 'string') bytes += Buffer.byteLength(p);
      else {
        const b64 = 4 * Math.ceil((JPEG_HEAD.length + p.size + JPEG_END.length) / 3);
        bytes += b64;
        info.mediaBytes += b64;
      }
    }
    info.messages++;
    yield pieces;
  }
  info.bytes = bytes;
  info.group.messages = groupCount;
}

/** The header of a backup, `count` messages, written by the app on a phone set to Dutch. */
function header(count: number, seed: number): string {
  return "<?xml version='1.0' encoding='UTF-8' standalone='yes' ?>\n"
    + '<!--File Created By SMS Backup & Restore v10.20.002 on 22/11/2026 09:00:00-->\n'
    + '<?xml-stylesheet type="text/xsl" href="sms.xsl"?>\n'
    + `<smses count="${count}" backup_set="00000000-0000-4000-8000-${String(seed).padStart(12, '0')}" backup_date="1795338000000" type="full">\n`;
}

function emptyInfo(): SmsBackupInfo {
  return { bytes: 0, messages: 0, sms: 0, mms: 0, images: 0, mediaBytes: 0, group: { id: SMS_GROUP_ID, messages: 0, redactable: [] } };
}

/**
 * Writes a synthetic SMS Backup & Restore backup of about `targetBytes`: SMS one to a line, MMS
 * over lines with `<parts>`/`<addrs>`, JPEG parts whose base64 (50–300 KB each, on one line as
 * the app writes it) makes up most of the bytes. Returns what it wrote.
 */
export function generateSmsBackup(file: string, targetBytes = 500e6, seed = 42): SmsBackupInfo {
  const counted = emptyInfo();
  const counting = messages(seed, targetBytes, counted);
  while (!counting.next().done);
  // Random bytes for the photos: base64 of random data, as compressed JPEG data looks.
  const next = prng(seed + 1);
  const pool = Buffer.alloc(POOL_BYTES);
  for (let i = 0; i < POOL_BYTES; i += 4) pool.writeUInt32LE(Math.floor(next() * 0x1_0000_0000), i);
  const info = emptyInfo();
  const fd = fs.openSync(file, 'w');
  let block: string[] = [];
  let blockChars = 0;
  let bytes = 0;
  const push = (s: string) => {
    block.push(s);
    blockChars += s.length;
    if (blockChars >= 4 << 20) flush();
  };
  const flush = () => {
    bytes += fs.writeSync(fd, block.join(''));
    block = [];
    blockChars = 0;
  };
  try {
    push(header(counted.messages, seed));
    for (const pieces of messages(seed, targetBytes, info)) {
      for (const p of pieces) {
        push(typeof p === 'string' ? p : Buffer.concat([JPEG_HEAD, pool.subarray(p.offset, p.offset + p.size), JPEG_END]).toString('base64'));
      }
    }
    push('</smses>\n');
    flush();
  } finally {
    fs.closeSync(fd);
  }
  return { ...info, bytes };
}

if (process.argv[1]?.endsWith('generateSms.ts')) {
  const [file, mb] = process.argv.slice(2);
  if (!file) throw new Error('usage: tsx bench/generateSms.ts <file.xml> [MB]');
  process.stdout.write(JSON.stringify(generateSmsBackup(file, Number(mb ?? 500) * 1e6), null, 2) + '\n');
}
