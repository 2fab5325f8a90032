import { detectSpecial } from './special';
import { CRIMINAL_SPEC } from './specs';
import type { Detector } from './types';

/** Criminal-law data: reports to the police, arrests, convictions, sentences, VOG (lexicons/criminal.json). */
export const criminal: Detector = {
  id: 'criminal',
  category: 'AVG',
  detect: (message, context) => detectSpecial(message, context, CRIMINAL_SPEC),
};
