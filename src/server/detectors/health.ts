import { LEX } from './lexicons';
import { detectSpecial, type SpecialCategory } from './special';
import type { Detector } from './types';

const HEALTH: SpecialCategory = { rule: 'health', category: 'AVG', lex: LEX.health, notLex: LEX.healthNot, label: 'health' };

/** Health data: illness, diagnosis, hospital, medication, pregnancy, mental health (lexicons/health.json). */
export const health: Detector = {
  id: 'health',
  category: 'AVG',
  detect: (message) => detectSpecial(message, HEALTH),
};
