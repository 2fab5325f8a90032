import { LEX } from './lexicons';
import { detectSpecial, type SpecialCategory } from './special';
import type { Detector } from './types';

const CRIMINAL: SpecialCategory = { rule: 'criminal', category: 'AVG', lex: LEX.criminal, notLex: LEX.criminalNot, label: 'criminal record', modifiers: null };

/** Criminal-law data: reports to the police, arrests, convictions, sentences, VOG (lexicons/criminal.json). */
export const criminal: Detector = {
  id: 'criminal',
  category: 'AVG',
  detect: (message, context) => detectSpecial(message, context, CRIMINAL),
};
