import type { Flag } from '../../model';
import { analyse } from './analysis';
import { emailHits } from './email';
import { makeFlag } from './flag';
import { phoneHits } from './phone';
import type { Detector } from './types';

const MIN = 3;

/**
 * A pasted contact list: three or more e-mail addresses or phone numbers in one message. The
 * flag is about the message (span null); each address and number has its own flag too.
 */
export const bulkPii: Detector = {
  id: 'bulk-pii',
  category: 'AVG',
  detect(message, context): Flag[] {
    const a = analyse(message, context.policy);
    const emails = a.firstAt >= 0 ? emailHits(a).length : 0;
    const phones = a.digits >= 10 * MIN ? phoneHits(a).length : 0;
    if (emails < MIN && phones < MIN) return [];
    const parts: string[] = [];
    if (emails >= MIN) parts.push(`${emails} e-mail addresses`);
    if (phones >= MIN) parts.push(`${phones} phone numbers`);
    const confidence = Math.max(emails, phones) >= 5 ? 0.95 : 0.9;
    return [makeFlag(message, 'bulk-pii', 'AVG', confidence, null, `${parts.join(' and ')} in one message (a pasted contact list?)`)];
  },
};
