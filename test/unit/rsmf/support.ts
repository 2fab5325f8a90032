import type { ParsedExport } from '../../../src/model/conversation';
import type { ExportSource, ParseExportOptions } from '../../../src/parsers';
import { fixtureFolder, fixtureReader, readChecked, writeFiles } from '../support/fixtures';
import { makeZip, type ZipEntrySpec } from '../support/zips';

export const FIXTURES = fixtureFolder('rsmf');
/** The fixtures' people live in the Netherlands; tests name the zone so that any machine agrees. */
export const TZ = 'Europe/Amsterdam';

export const fixtureText = fixtureReader(FIXTURES);

/** Reads an export in the fixtures' zone (unless told otherwise) and checks the contract's shape. */
export async function parse(source: ExportSource, options: ParseExportOptions = {}): Promise<ParsedExport> {
  return readChecked(source, { timeZone: TZ, ...options });
}

/** A manifest written as `rsmf_manifest.json` into a fresh folder, with files beside it. */
export function manifestFolder(manifest: string | Uint8Array, beside: Record<string, string> = {}): string {
  return writeFiles({ 'rsmf_manifest.json': manifest, ...beside });
}

/** A minimal `.rsmf` mail around a zip built from `entries`. */
export async function rsmfMail(entries: ZipEntrySpec[], header = 'X-RSMF-Version: 2.0.0'): Promise<string> {
  const base64 = (await makeZip(entries)).toString('base64').match(/.{1,76}/g)!.join('\r\n');
  return [
    'From: test@example.invalid', header, 'MIME-Version: 1.0', 'Content-Type: multipart/mixed; boundary=b1', '',
    '--b1', 'Content-Type: application/zip', 'Content-Disposition: attachment; filename=rsmf.zip', 'Content-Transfer-Encoding: base64', '',
    base64, '--b1--', '',
  ].join('\r\n');
}
