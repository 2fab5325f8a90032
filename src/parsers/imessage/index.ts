import { registerFormat } from '../registry';
import { imazing } from './imazing';
import { imessageExporter } from './imessageExporter';

registerFormat(imazing);
registerFormat(imessageExporter);

export { imazing, imessageExporter };
export { attachmentEntry } from './exportFiles';
export { imazingTextColumn } from './imazing';
