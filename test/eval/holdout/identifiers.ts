/**
 * Identifiers for the hold-out corpus, computed rather than typed: BSNs that pass (or, as near
 * misses, just fail) the 11-test and IBANs with (or without) a correct mod-97 check. Every value
 * comes from a key through a small deterministic hash, so the same key always gives the same
 * number and editing one message does not shift the numbers in the others.
 */

/** FNV-1a over the key, then a xorshift stream: deterministic, no state between calls. */
function digitStream(key: string): () => number {
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) {
    h ^= key.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  let x = h || 0x9e3779b9;
  return () => {
    x ^= x << 13;
    x >>>= 0;
    x ^= x >>> 17;
    x ^= x << 5;
    x >>>= 0;
    return x % 10;
  };
}

/** The BSN 11-test: 9·d1 + 8·d2 + … + 2·d8 − 1·d9 is a multiple of 11. */
export function bsnValid(digits: string): boolean {
  if (!/^\d{9}$/.test(digits)) return false;
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += (9 - i) * Number(digits[i]);
  sum -= Number(digits[8]);
  return sum % 11 === 0;
}

/** A nine-digit number that passes the 11-test, from the key. */
export function makeBsn(key: string): string {
  const next = digitStream(`bsn:${key}`);
  for (;;) {
    const d = [1 + (next() % 9)];
    for (let i = 1; i < 8; i++) d.push(next());
    let sum = 0;
    for (let i = 0; i < 8; i++) sum += (9 - i) * d[i];
    const last = sum % 11;
    if (last === 10) continue; // no check digit works: draw again
    const out = d.join('') + String(last);
    if (bsnValid(out)) return out;
  }
}

/** A near miss: the valid BSN for the key with its last digit one higher (mod 10), which fails the test. */
export function makeBadBsn(key: string): string {
  const ok = makeBsn(key);
  const out = ok.slice(0, 8) + String((Number(ok[8]) + 1) % 10);
  if (bsnValid(out)) throw new Error(`near-miss BSN ${out} passes the 11-test`);
  return out;
}

/** ISO 13616 remainder: country code and check digits moved to the end, letters as 10–35, mod 97. */
function ibanRemainder(compact: string): number {
  const moved = compact.slice(4) + compact.slice(0, 4);
  let r = 0;
  for (const ch of moved.toUpperCase()) {
    const v = /[0-9]/.test(ch) ? ch : String(ch.charCodeAt(0) - 55);
    for (const d of v) r = (r * 10 + Number(d)) % 97;
  }
  return r;
}

export function ibanValid(text: string): boolean {
  const compact = text.replace(/\s+/g, '').toUpperCase();
  if (!/^[A-Z]{2}\d{2}[A-Z0-9]{10,30}$/.test(compact)) return false;
  return ibanRemainder(compact) === 1;
}

function withCheck(country: string, bban: string): string {
  const check = 98 - ibanRemainder(`${country}00${bban}`);
  return `${country}${String(check).padStart(2, '0')}${bban}`;
}

/**
 * A valid IBAN from the key. bank: for NL the four-letter bank code (ABNA, RABO, INGB, SNSB,
 * TRIO, ASNB, KNAB, BUNQ), for BE a three-digit bank code, for DE an eight-digit Bankleitzahl.
 */
export function makeIban(key: string, country: string, bank: string): string {
  const next = digitStream(`iban:${key}`);
  const digits = (n: number) => Array.from({ length: n }, () => next()).join('');
  switch (country) {
    case 'NL':
      if (!/^[A-Z]{4}$/.test(bank)) throw new Error(`NL bank code ${bank}`);
      return withCheck('NL', bank + String(1 + (next() % 9)) + digits(9));
    case 'BE': {
      if (!/^\d{3}$/.test(bank)) throw new Error(`BE bank code ${bank}`);
      const ten = bank + digits(7);
      const national = Number(BigInt(ten) % 97n) || 97;
      return withCheck('BE', ten + String(national).padStart(2, '0'));
    }
    case 'DE':
      if (!/^\d{8}$/.test(bank)) throw new Error(`DE bank code ${bank}`);
      return withCheck('DE', bank + String(1 + (next() % 9)) + digits(9));
    default:
      throw new Error(`no IBAN layout for ${country}`);
  }
}

/** A near miss: the valid IBAN for the key with check digits one off, which fails mod 97. */
export function makeBadIban(key: string, country: string, bank: string): string {
  const ok = makeIban(key, country, bank);
  const check = Number(ok.slice(2, 4));
  const bad = check >= 98 ? check - 1 : check + 1;
  const out = ok.slice(0, 2) + String(bad).padStart(2, '0') + ok.slice(4);
  if (ibanValid(out)) throw new Error(`near-miss IBAN ${out} passes mod 97`);
  return out;
}

/** BSN notations: plain 123456782, dots 1234.56.782, spaces 123 456 782. */
export function formatBsn(digits: string, fmt: string): string {
  switch (fmt) {
    case '':
    case 'plain':
      return digits;
    case 'dots':
      return `${digits.slice(0, 4)}.${digits.slice(4, 6)}.${digits.slice(6)}`;
    case 'spaces':
      return `${digits.slice(0, 3)} ${digits.slice(3, 6)} ${digits.slice(6)}`;
    default:
      throw new Error(`BSN format ${fmt}`);
  }
}

/** IBAN notations: grouped (NL91 ABNA 0417 1643 00), compact, lower (compact, lower case). */
export function formatIban(compact: string, fmt: string): string {
  switch (fmt) {
    case '':
    case 'grouped':
      return compact.replace(/(.{4})(?=.)/g, '$1 ');
    case 'compact':
      return compact;
    case 'lower':
      return compact.toLowerCase();
    default:
      throw new Error(`IBAN format ${fmt}`);
  }
}
