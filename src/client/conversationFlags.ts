import { IDENTIFIER_RULES, isFlagResolved, marksFromState, type FlagCategory, type Policy } from '../model';
import { contextAt, participantKeys, scanMessage } from '../server/detectors';
import type { ExportReview } from './exportReview';

export interface OpenCounts {
  open: number;
  byCategory: Record<FlagCategory, number>;
}

const PAGE_CHUNK = 5_000;
const IDENTIFIERS = new Set<string>(IDENTIFIER_RULES);

/**
 * Open flags of a whole conversation, per page, from the saved review state: what the status bar
 * and the Review view show for pages that are not open (an open page's live counts come from
 * the language server). Scans in the background in small chunks so the editor stays responsive.
 */
export class ConversationFlags {
  private counts = new Map<string, OpenCounts>();
  private identifiers: { id: string; rule: string }[] = [];
  private run = 0;

  /** Unresolved identifier flags (BSN, IBAN, phone, e-mail, address) after the last full scan. */
  get unresolvedIdentifiers(): readonly { id: string; rule: string }[] {
    return this.identifiers;
  }

  constructor(private readonly review: ExportReview) {}

  /** Counts per page label (`''` for an unpaged conversation); complete once `scan` resolved. */
  get perPage(): ReadonlyMap<string, OpenCounts> {
    return this.counts;
  }

  get total(): OpenCounts {
    const total: OpenCounts = { open: 0, byCategory: { 'privé': 0, AVG: 0, scope: 0, info: 0 } };
    for (const c of this.counts.values()) {
      total.open += c.open;
      for (const k of Object.keys(total.byCategory) as FlagCategory[]) total.byCategory[k] += c.byCategory[k];
    }
    return total;
  }

  /** (Re)scans every page against the current review state; a newer call cancels an older one. */
  async scan(policy: Policy, onProgress?: () => void): Promise<void> {
    const run = ++this.run;
    const marks = marksFromState(this.review.reviewState);
    const messages = this.review.parsed.messages;
    const participants = participantKeys(this.review.parsed.conversation.participants.map((p) => p.name));
    const pages = this.review.pages.length ? this.review.pages : [{ label: '', start: 0, end: messages.length }];
    const counts = new Map<string, OpenCounts>();
    const identifiers: { id: string; rule: string }[] = [];
    for (const page of pages) {
      const c: OpenCounts = { open: 0, byCategory: { 'privé': 0, AVG: 0, scope: 0, info: 0 } };
      for (let i = page.start; i < page.end; i++) {
        if (i > page.start && (i - page.start) % PAGE_CHUNK === 0) {
          await new Promise((resolve) => setImmediate(resolve));
          if (run !== this.run) return;
        }
        const m = messages[i];
        const tag = marks.tags.get(m.id) ?? '';
        const redactions = marks.redactions.get(m.id) ?? [];
        for (const flag of scanMessage(m, contextAt(messages, i, policy, participants))) {
          if (flag.category === 'info' || isFlagResolved(flag, tag, redactions)) continue;
          if (IDENTIFIERS.has(flag.rule)) identifiers.push({ id: m.id, rule: flag.rule });
          c.open++;
          c.byCategory[flag.category]++;
        }
      }
      counts.set(page.label, c);
      if (page === pages[pages.length - 1] && run === this.run) this.identifiers = identifiers;
      if (run === this.run) {
        this.counts = new Map([...this.counts, ...counts]);
        onProgress?.();
      }
    }
  }
}
