import { detectSpecial } from './special';
import { HEALTH_SPEC } from './specs';
import type { Detector } from './types';

/** Health data: illness, diagnosis, hospital, medication, pregnancy, mental health (lexicons/health.json). */
export const health: Detector = {
  id: 'health',
  category: 'AVG',
  detect: (message, context) => detectSpecial(message, context, HEALTH_SPEC),
};
