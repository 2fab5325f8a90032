import type { Flag } from '../../model';
import { makeFlag } from './flag';
import type { Detector } from './types';

/**
 * WhatsApp on Android exports minutes, not seconds: messages that share a minute with a
 * neighbour are in a run whose order is uncertain. One info flag per such message.
 */
export const sameMinute: Detector = {
  id: 'same-minute',
  category: 'info',
  detect(message, context): Flag[] {
    if (message.precision !== 'minute') return [];
    const t = message.timestamp;
    const prev = context.previous?.timestamp === t;
    const next = context.next?.timestamp === t;
    if (!prev && !next) return [];
    const which = prev && next ? 'the previous and the next message' : prev ? 'the previous message' : 'the next message';
    const why = `sent in the same minute (${t.slice(0, 10)} ${t.slice(11, 16)}) as ${which}; the export gives minutes only, so the order within this run is uncertain`;
    return [makeFlag(message, 'same-minute', 'info', 1, null, why)];
  },
};
