/**
 * The strings WhatsApp writes into exports in place of content or as events, Dutch and English
 * (FORMATS.md). Matching is on the trimmed body with a trailing period removed (iOS adds one).
 */

export const DELETED = new Set([
  'Dit bericht is verwijderd',
  'U hebt dit bericht verwijderd',
  'Je hebt dit bericht verwijderd',
  'Dit bericht is verwijderd door een beheerder',
  'This message was deleted',
  'You deleted this message',
  'This message was deleted by admin',
]);

/** Placeholders for media that the export left out. `null` is Android's view-once media. */
export const MEDIA_OMITTED = new Set([
  '<Media weggelaten>', '<Media omitted>',
  'afbeelding weggelaten', 'video weggelaten', 'audio weggelaten', 'sticker weggelaten',
  'GIF weggelaten', 'document weggelaten', 'Visitekaartje weggelaten', 'Contactkaart weggelaten',
  'image omitted', 'video omitted', 'audio omitted', 'sticker omitted', 'GIF omitted',
  'document omitted', 'Contact card omitted',
  '<Bericht voor eenmalige weergave weggelaten>', '<View once message omitted>',
  'null',
]);

export const MISSED_CALL = new Set([
  'Gemiste spraakoproep', 'Gemiste video-oproep', 'Gemiste groepsspraakoproep', 'Gemiste groepsvideo-oproep',
  'Missed voice call', 'Missed video call', 'Missed group voice call', 'Missed group video call',
]);

/** Android: `IMG-….jpg (bestand bijgevoegd)`; the caption follows on the next line. */
export const ATTACHED_SUFFIX = /^(.+?) \((?:bestand bijgevoegd|file attached)\)$/;

/** iOS: `<bijgevoegd: 00000014-PHOTO-….jpg>`, after an optional caption on the same line. */
export const ATTACHED_TAG = /\u200E?<(?:bijgevoegd|attached): ([^>]+)>/;

/** iOS writes `Manifesto.pdf • 116 pagina's` before a document tag: generated, not a caption. */
export const DOCUMENT_DESCRIPTION = /^\s*\S.*\.\w{1,8}\s*•\s*\d+\s+(?:pagina['’]s|pagina|pages|page)\s*$/;

export const EDITED_SUFFIX = /\s*\u200E?<(?:Dit bericht is bewerkt|This message was edited)>$/;

export const LOCATION = /^(?:locatie|location|live locatie|live location)(?: gedeeld)?: (https?:\/\/\S+)/i;

export const POLL_START = /^(?:PEILING|POLL):\s*(.*)$/;
export const POLL_OPTION = /^(?:OPTIE|OPTION):\s*(.*?)\s*\((\d+)\s+(?:stemmen|stem|votes|vote)\)\s*$/;

/**
 * The encryption notice opens most exports. iOS attributes it to the chat's name and Android to
 * nobody; old iOS exports lack the LRM that marks other generated bodies, so it is matched by text.
 */
export const ENCRYPTION_NOTICE = /^(?:Berichten|Messages|Nachrichten)\b.{0,80}end-to-end/;

/** Dutch/German system words: evidence for a day-first region (FORMATS.md, day order). */
export const DAY_FIRST_LANGUAGE_HINT = /versleuteld|weggelaten|bijgevoegd|verwijderd|toegevoegd|verschlüsselt|weggelassen|angehängt|gelöscht|hinzugefügt|Nachricht/;

/** Chat file names inside exports, and the conversation title they give. */
export const CHAT_FILE_NAMES: RegExp[] = [
  /^_chat\.txt$/,
  /^WhatsApp[- ]chat met (.+)\.txt$/i,
  /^WhatsApp Chat with (.+)\.txt$/i,
  /^WhatsApp[- ]Chat mit (.+)\.txt$/i,
];

export const TITLE_FROM_FILE: RegExp[] = [
  /^WhatsApp[- ]chat met (.+?)(?: \(\d+\))?\.(?:txt|zip)$/i,
  /^WhatsApp Chat with (.+?)(?: \(\d+\))?\.(?:txt|zip)$/i,
  /^WhatsApp Chat - (.+?)(?: \(\d+\))?\.(?:txt|zip)$/i,
  /^WhatsApp[- ]Chat mit (.+?)(?: \(\d+\))?\.(?:txt|zip)$/i,
];
