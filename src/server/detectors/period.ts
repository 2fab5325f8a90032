import type { Flag } from '../../model';
import { makeFlag } from './flag';
import type { Detector } from './types';

/**
 * Outside the crisis period (policy.period: start, optional end; whole days, inclusive).
 * ISO dates compare as strings.
 */
export const period: Detector = {
  id: 'period',
  category: 'scope',
  detect(message, context): Flag[] {
    // A date the screenshots did not show cannot place the message in or out of the period.
    if (message.meta?.dateUnknown) return [];
    const day = message.timestamp.slice(0, 10);
    const { start, end } = context.policy.period;
    const range = end ? `${start} to ${end}` : `from ${start}`;
    let why: string;
    if (day < start) why = `${day} is before the crisis period (${range})`;
    else if (end && day > end) why = `${day} is after the crisis period (${range})`;
    else return [];
    return [makeFlag(message, 'period', 'scope', 1, null, why)];
  },
};
