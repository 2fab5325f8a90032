/** What Telegram Desktop writes, as data: chat types, skipped-file notes, service actions. */

/** Titles for chats the export leaves unnamed (saved messages and replies have no `name`). */
export const UNNAMED_CHAT_TITLES: Record<string, string> = {
  saved_messages: 'Saved Messages',
  replies: 'Replies',
};

/** The chat types Telegram Desktop writes; sniffing looks for them. */
export const CHAT_TYPES = [
  'personal_chat', 'bot_chat', 'private_group', 'private_supergroup', 'public_supergroup',
  'private_channel', 'public_channel', 'saved_messages', 'replies',
];

/**
 * A file the export left out is written as a note in place of its path: `(File not included.
 * Change data exporting settings to download.)`, `(File exceeds maximum size. …)`, `(File
 * unavailable, please try again later)`; profile photos say `Photo` instead of `File`.
 */
export const SKIPPED_FILE = /\((?:File|Photo) (?:not included|exceeds maximum size|unavailable)[^)]*\)$/;

/**
 * Message fields that hold a path relative to the export folder. `thumbnail` counts: a removed
 * video must not leave its preview image behind in a cleaned export.
 */
export const FILE_FIELDS = ['photo', 'file', 'thumbnail', 'contact_vcard'] as const;

/** What a service message says besides its action, as far as the phrases use it. */
export interface ServiceDetails {
  title?: string;
  members?: string;
  inviter?: string;
  duration?: number;
  discardReason?: string;
  period?: number;
}

const quoted = (s: string | undefined) => (s === undefined ? '' : ` "${s}"`);
const seconds = (n: number | undefined) => (n === undefined ? '' : ` (${n} s)`);

/**
 * Service actions (`action`) as English phrases after the actor's name: "Annelies added Bram".
 * Actions not listed read `Annelies: some_action Bram "Title"` (see renderService).
 */
export const SERVICE_PHRASES: Record<string, (d: ServiceDetails) => string> = {
  create_group: (d) => `created group${quoted(d.title)}${d.members ? ` with ${d.members}` : ''}`,
  create_channel: (d) => `created channel${quoted(d.title)}`,
  edit_group_title: (d) => `changed the group name to${quoted(d.title)}`,
  edit_group_photo: () => 'changed the group photo',
  delete_group_photo: () => 'removed the group photo',
  invite_members: (d) => `added ${d.members ?? 'members'}`,
  remove_members: (d) => `removed ${d.members ?? 'members'}`,
  join_group_by_link: (d) => `joined the group via an invite link${d.inviter ? ` from ${d.inviter}` : ''}`,
  join_group_by_request: () => 'joined the group after a request',
  migrate_to_supergroup: () => 'converted the group to a supergroup',
  migrate_from_group: (d) => `converted group${quoted(d.title)} to a supergroup`,
  pin_message: () => 'pinned a message',
  clear_history: () => 'cleared the history',
  phone_call: (d) => `called${seconds(d.duration)}${d.discardReason === 'missed' ? ' (missed)' : d.discardReason === 'busy' ? ' (busy)' : ''}`,
  group_call: (d) => `started a video chat${seconds(d.duration)}`,
  invite_to_group_call: (d) => `invited ${d.members ?? 'members'} to the video chat`,
  take_screenshot: () => 'took a screenshot',
  joined_telegram: () => 'joined Telegram',
  set_messages_ttl: (d) => (d.period ? `set messages to disappear after ${d.period} s` : 'turned off disappearing messages'),
  edit_chat_theme: () => 'changed the chat theme',
  topic_created: (d) => `created topic${quoted(d.title)}`,
};
