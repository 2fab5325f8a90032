import type { ConversationInfo } from '../registry';
import type { BackupMessage } from './backupReader';

/** The conversation id of messages without any address (a draft never addressed). */
export const NO_ADDRESS = 'no-address';

/** What SMS Backup & Restore writes as contact name when the number is in no contact. */
const UNKNOWN_CONTACT = /^\((?:Unknown|Onbekend)\)$/i;

/**
 * Phone numbers in one form, without blanks or punctuation and with `00` as `+`; other
 * addresses (short codes, sender names, e-mail) only trimmed.
 */
export function normaliseAddress(raw: string): string {
  const trimmed = raw.trim();
  const compact = trimmed.replace(/[\s\-().\/]/g, '');
  if (/^\+?\d+$/.test(compact)) return compact.startsWith('00') ? '+' + compact.slice(2) : compact;
  return trimmed.includes('@') ? trimmed.toLowerCase() : trimmed;
}

/**
 * Numbers match on their last nine digits, loosely as phones thread them, so `+31600000001`
 * and `0600000001` are one contact (two numbers differing only in their country code would
 * merge; that is the price).
 */
function matchKey(address: string): string {
  const digits = address.startsWith('+') ? address.slice(1) : address;
  return /^\d{9,}$/.test(digits) ? digits.slice(-9) : address.toLowerCase();
}

/** The members of a thread, normalised, each once, in the export's order. */
function distinct(addresses: string[]): string[] {
  const seen = new Set<string>();
  const members: string[] = [];
  for (const raw of addresses) {
    const address = normaliseAddress(raw);
    const key = matchKey(address);
    if (address === '' || seen.has(key)) continue;
    seen.add(key);
    members.push(address);
  }
  return members;
}

/**
 * The other members of a message's thread: its `address` (`~`-joined for a group), or for an
 * MMS without one, its `<addr>`s (the sender of a received one and the recipients).
 */
function threadMembers(message: BackupMessage): string[] {
  if (message.addresses.length > 0) return distinct(message.addresses);
  const from = message.box === 1 && message.from ? [message.from] : [];
  return distinct([...from, ...message.recipients]);
}

function keyOf(members: string[]): string {
  return members.map(matchKey).sort().join('~');
}

/** The thread a `--conversation` value names: an id as listed, or the same numbers written otherwise. */
export function conversationKey(id: string): string {
  return id === NO_ADDRESS ? '' : keyOf(distinct(id.split('~')));
}

interface Thread {
  id: string;
  members: string[];
  messages: number;
}

/**
 * The threads of a backup and the contact names it gives for numbers. A thread is the set of
 * other members (matched loosely); its id is that set as first written, sorted, `~`-joined.
 */
export class ThreadBook {
  private readonly threads = new Map<string, Thread>();
  private readonly names = new Map<string, string>();

  /** Files a message under its thread and learns its names; returns the thread's key. */
  add(message: BackupMessage): string {
    const members = threadMembers(message);
    this.learnNames(members, message.contactName);
    const key = keyOf(members);
    let thread = this.threads.get(key);
    if (!thread) {
      const id = members.length === 0 ? NO_ADDRESS : [...members].sort((a, b) => matchKey(a).localeCompare(matchKey(b))).join('~');
      thread = { id, members, messages: 0 };
      this.threads.set(key, thread);
    }
    thread.messages++;
    return key;
  }

  /** The contact name of an address, else the number itself. */
  nameOf(address: string): string {
    const normal = normaliseAddress(address);
    return this.names.get(matchKey(normal)) ?? normal;
  }

  members(key: string): string[] {
    return this.threads.get(key)?.members ?? [];
  }

  title(key: string): string {
    const members = this.members(key);
    return members.length === 0 ? '(no address)' : members.map((m) => this.nameOf(m)).join(', ');
  }

  list(): ConversationInfo[] {
    return [...this.threads].map(([key, t]) => ({ id: t.id, title: this.title(key), messages: t.messages }));
  }

  /**
   * A 1:1 thread's contact name names its number; a group's lists its members' names
   * comma-separated in the order of its addresses. The first name given for a number stays.
   */
  private learnNames(members: string[], contactName: string | undefined): void {
    if (!contactName || UNKNOWN_CONTACT.test(contactName.trim())) return;
    const names = members.length === 1 ? [contactName] : contactName.split(', ');
    if (names.length !== members.length) return;
    members.forEach((member, i) => {
      const name = names[i].trim();
      const key = matchKey(member);
      if (name !== '' && !UNKNOWN_CONTACT.test(name) && !this.names.has(key)) this.names.set(key, name);
    });
  }
}

const LISTED = 8;
const TITLE_CHARS = 40;

/** The conversations of a file on one line, for the error that asks to pick one. */
export function describeConversations(list: ConversationInfo[]): string {
  const shown = list.slice(0, LISTED).map((c) => {
    const title = c.title.length > TITLE_CHARS ? c.title.slice(0, TITLE_CHARS - 1) + '…' : c.title;
    return `${c.id} (${title}, ${c.messages} ${c.messages === 1 ? 'message' : 'messages'})`;
  });
  if (list.length > LISTED) shown.push(`… and ${list.length - LISTED} more`);
  return shown.join('; ');
}
