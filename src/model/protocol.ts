import { NotificationType, RequestType } from 'vscode-languageserver-protocol';
import type { Message } from './conversation';
import type { Flag, FlagCategory } from './flags';
import type { Policy } from './policy';
import type { ReviewHeader } from './reviewDocument';

/**
 * The custom requests between the extension and the language server, compiled into both.
 * The server reads no files: the client serves what a review document shows.
 */

/** server → client: the messages a review document shows, in document order. */
export namespace PageRequest {
  export interface Params { uri: string }
  export interface Result {
    header: ReviewHeader;
    messages: Message[];
    /** Messages just before and after the page (a few), for rules that look at neighbours. */
    before: Message[];
    after: Message[];
    /** The second reviewer's disputes on this page: they become flags for the first reviewer. */
    disputes?: { id: string; comment: string }[];
    /** The policy in force (the header names it): detection runs with it. */
    policy: Policy;
  }
  export const type = new RequestType<Params, Result | null, void>('chatreview/page');
}


/** server → client: an inline preview (data: URI) of an image attachment, when there is one. */
export namespace AttachmentPreviewRequest {
  /** `bubble`: for a message read from a screenshot, its bubble cropped from the image `name`. */
  export interface Params { uri: string; id: string; name: string; bubble?: boolean }
  export const type = new RequestType<Params, string | null, void>('chatreview/attachmentPreview');
}

/**
 * server → client: a message of the same conversation, wherever it is (another page, too):
 * the review document showing it and its line there. For replies: hover and Go to Definition.
 */
export namespace MessageRequest {
  export interface Params { uri: string; id: string }
  export interface Result { message: Message; uri: string; line: number }
  export const type = new RequestType<Params, Result | null, void>('chatreview/message');
}

/** client → server: the current flags of a review document, resolved or not. */
export namespace FlagsRequest {
  export interface Params { uri: string }
  export interface Result { flags: Flag[]; resolved: boolean[] }
  export const type = new RequestType<Params, Result, void>('chatreview/flags');
}

export interface ReviewStats {
  messages: number;
  /** Unresolved flags by category; `info` notices are counted apart. */
  open: Record<FlagCategory, number>;
  openByRule: Record<string, number>;
  tagged: { privé: number; AVG: number; scope: number };
  kept: number;
  redactions: number;
  /** Messages that are tagged, kept or carry no unresolved flag. */
  reviewed: number;
  /** Lines whose text was edited (errors that block saving). */
  invalidLines: number;
}

/** server → client: after each analysis of a review document. */
export namespace StatsNotification {
  export interface Params { uri: string; stats: ReviewStats }
  export const type = new NotificationType<Params>('chatreview/stats');
}

/** client → server: a page's data changed (spot-check disputes, the policy in force): load it again. */
export namespace PageChangedNotification {
  export interface Params { uri: string }
  export const type = new NotificationType<Params>('chatreview/pageChanged');
}
