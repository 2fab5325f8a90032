import exifr from 'exifr';

const KEYS = ['DateTimeOriginal', 'CreateDate', 'DateCreated'] as const;
/** EXIF `2023:05:14 13:42:12`, or XMP `2021-10-27T11:18:56+02:00`: the wall clock where it was taken. */
const STAMP = /^(\d{4})[:-](\d{2})[:-](\d{2})[T ](\d{2}):(\d{2}):(\d{2})/;

/**
 * When a screenshot was taken, from its metadata (EXIF DateTimeOriginal, or the XMP creation
 * time iOS writes): local `YYYY-MM-DDTHH:MM:SS`, or undefined. Values are read as written
 * (`reviveValues: false`): revived, exifr would put them in this machine's zone. A hint only —
 * people scroll both ways while taking screenshots — and often gone once images are copied.
 */
export async function readCaptureTime(bytes: Uint8Array): Promise<string | undefined> {
  let tags: Record<string, unknown> | undefined;
  try {
    // Segments named rather than `pick`ed: with `pick`, exifr skips the XMP of a PNG (iTXt), so
    // the capture time iOS writes there was never read.
    tags = await exifr.parse(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), {
      tiff: true,
      exif: true,
      xmp: true,
      ihdr: false,
      icc: false,
      iptc: false,
      jfif: false,
      reviveValues: false,
      translateValues: false,
      mergeOutput: true,
    });
  } catch {
    return undefined; // unreadable metadata is no reason to refuse the image
  }
  for (const key of KEYS) {
    const m = typeof tags?.[key] === 'string' ? STAMP.exec(tags[key] as string) : null;
    if (m) return `${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6]}`;
  }
  return undefined;
}
