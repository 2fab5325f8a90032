import { DEFAULT_POLICY } from '../../model';
import { scanConversation } from '.';
import type { ScanMessage } from './types';

/** Synthetic messages that exercise every rule once. */
const SAMPLES = [
  'BSN 111222333, IBAN NL91 ABNA 0417 1643 00, bel 06-12345678 of mail piet@gmail.com',
  'Kerkstraat 12a, 1234 AB Amsterdam; geboren op 01-02-1970; kenteken GF-123-H',
  'Mijn moeder ligt in het ziekenhuis; aangifte gedaan; zin in het weekend, BBQ!',
  'Lijst: a@b.nl, c@d.nl, e@f.nl; overleg met het RIVM over de ziekenhuiscapaciteit',
  'De stikstofnotitie moet naar de Kamer; mijn buurvrouw Sanne de Vries heeft een taakstraf',
  'Ok, doe ik',
];

/** Runs detection once on synthetic text so the engine has compiled it before real work. */
export function warmUpDetectors(): void {
  const messages: ScanMessage[] = SAMPLES.map((text, i) => ({
    id: `m${String(i + 1).padStart(6, '0')}`, timestamp: '2019-01-01T10:00:00', precision: 'minute', sender: 'x', kind: 'message', text,
  }));
  for (let i = 0; i < 50; i++) scanConversation(messages, DEFAULT_POLICY);
}
