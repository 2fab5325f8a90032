import { BODY_PARTS, LEX } from './lexicons';
import { detectSpecial, type SpecialCategory } from './special';
import type { Detector } from './types';

const HEALTH: SpecialCategory = { rule: 'health', category: 'AVG', lex: LEX.health, notLex: LEX.healthNot, label: 'health', modifiers: BODY_PARTS };

/** Health data: illness, diagnosis, hospital, medication, pregnancy, mental health (lexicons/health.json). */
export const health: Detector = {
  id: 'health',
  category: 'AVG',
  detect: (message, context) => detectSpecial(message, context, HEALTH),
};
