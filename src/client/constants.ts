/** The `source` of the language server's diagnostics. */
export const SOURCE = 'chatreview';
