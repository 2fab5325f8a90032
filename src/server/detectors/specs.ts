import { BODY_PARTS, LEX } from './lexicons';
import type { SpecialCategory } from './special';

/** Health data: illness, diagnosis, hospital, medication, pregnancy, mental health (lexicons/health.json). */
export const HEALTH_SPEC: SpecialCategory = { rule: 'health', category: 'AVG', lex: LEX.health, notLex: LEX.healthNot, label: 'health', modifiers: BODY_PARTS };

/** Criminal-law data: reports to the police, arrests, convictions, sentences, VOG (lexicons/criminal.json). */
export const CRIMINAL_SPEC: SpecialCategory = { rule: 'criminal', category: 'AVG', lex: LEX.criminal, notLex: LEX.criminalNot, label: 'criminal record', modifiers: null };
