import type { Flag } from '../../model';
import { analyse, type TextAnalysis } from './analysis';
import { makeFlag } from './flag';
import { FUNCTIONAL_MAILBOXES, GOVERNMENT_MAIL_DOMAINS, PRIVATE_MAIL_DOMAINS } from './lexicons';
import type { Detector } from './types';

export interface EmailHit {
  start: number;
  end: number;
  address: string;
  /** Lower case. */
  domain: string;
}

function isLocalChar(c: number): boolean {
  // A-Z a-z 0-9 . _ % + - '
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 46 || c === 95 || c === 37 || c === 43 || c === 45;
}

function isDomainChar(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 46 || c === 45;
}

function isAsciiLetter(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90);
}

/**
 * E-mail addresses: around every '@', a local part and a domain of at least two labels ending
 * in a top-level domain of letters. Shared with `bulk-pii`.
 */
export function emailHits(a: TextAnalysis): EmailHit[] {
  if (a.emails) return a.emails;
  const hits: EmailHit[] = [];
  const text = a.text;
  let at = a.firstAt;
  while (at >= 0) {
    const hit = readAt(text, at);
    if (hit) hits.push(hit);
    at = text.indexOf('@', hit ? hit.end : at + 1);
  }
  a.emails = hits;
  return hits;
}

function readAt(text: string, at: number): EmailHit | null {
  let s = at;
  while (s > 0 && isLocalChar(text.charCodeAt(s - 1))) s--;
  while (s < at && text.charCodeAt(s) === 46) s++; // no leading dot
  if (s === at || text.charCodeAt(at - 1) === 46) return null;
  let e = at + 1;
  while (e < text.length && isDomainChar(text.charCodeAt(e))) e++;
  while (e > at + 1 && (text.charCodeAt(e - 1) === 46 || text.charCodeAt(e - 1) === 45)) e--; // sentence-final dot
  const domain = text.slice(at + 1, e).toLowerCase();
  const labels = domain.split('.');
  if (labels.length < 2 || labels.some((l) => l.length === 0)) return null;
  const tld = labels[labels.length - 1];
  if (tld.length < 2) return null;
  for (let i = 0; i < tld.length; i++) if (!isAsciiLetter(tld.charCodeAt(i))) return null;
  return { start: s, end: e, address: text.slice(s, e), domain };
}

/** The domain, or the registrable domain it falls under, in a set ("mail.minvws.nl" → "minvws.nl"). */
function inDomainSet(domain: string, set: ReadonlySet<string>): boolean {
  let d = domain;
  for (;;) {
    if (set.has(d)) return true;
    const dot = d.indexOf('.');
    if (dot < 0 || d.indexOf('.', dot + 1) < 0) return false;
    d = d.slice(dot + 1);
  }
}

const GGD_DOMAIN = /^ggd[a-z]*\.nl$/;

export type MailKind = 'private' | 'government' | 'organisation';

export function mailKind(domain: string): MailKind {
  if (inDomainSet(domain, PRIVATE_MAIL_DOMAINS)) return 'private';
  if (inDomainSet(domain, GOVERNMENT_MAIL_DOMAINS) || domain.endsWith('.overheid.nl') || GGD_DOMAIN.test(domain)) return 'government';
  return 'organisation';
}

/** "info", "servicedesk", "pers.vws": a shared mailbox, not a person's. */
function functional(address: string): boolean {
  const local = address.slice(0, address.indexOf('@')).toLowerCase();
  return FUNCTIONAL_MAILBOXES.has(local) || FUNCTIONAL_MAILBOXES.has(local.split(/[._-]/)[0]);
}

/**
 * E-mail addresses: a private provider's with high confidence, an organisation's personal ones
 * lower. Not flagged: government addresses (officials acting in their role are not private
 * persons, POLICY.md; the same reason their names are not flagged) and organisations' shared
 * mailboxes (info@, servicedesk@). Both still count for bulk-pii.
 */
export const email: Detector = {
  id: 'email',
  category: 'AVG',
  detect(message, context): Flag[] {
    const a = analyse(message, context.policy);
    if (a.firstAt < 0) return [];
    const flags: Flag[] = [];
    for (const h of emailHits(a)) {
      const kind = mailKind(h.domain);
      if (kind === 'government') continue;
      if (kind === 'private') {
        flags.push(makeFlag(message, 'email', 'AVG', 0.9, { start: h.start, end: h.end }, `e-mail address ${h.address} at a private mail provider (${h.domain})`));
      } else if (!functional(h.address)) {
        flags.push(makeFlag(message, 'email', 'AVG', 0.6, { start: h.start, end: h.end }, `e-mail address ${h.address} at an organisation's domain (${h.domain})`));
      }
    }
    return flags;
  },
};
