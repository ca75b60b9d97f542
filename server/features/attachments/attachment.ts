/**
 * Attachment rules, pure: the name shown for an uploaded file, the content type kept for it, and how
 * a download is delivered so that no upload can run as a page of our origin.
 */

const MAX_FILENAME_LENGTH = 255;
const FALLBACK_FILENAME = 'file';

/** Lone UTF-16 surrogates cannot be encoded into a header; drop them. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * The uploaded file's name for display only (storage never uses it): its last path segment, without
 * control and bidi-format characters (which disguise `exe` as `pdf`), trimmed, at most 255 characters
 * with the extension kept.
 */
export function cleanFilename(raw: string): string {
  const lastSegment = raw.normalize('NFC').split(/[/\\]/).pop() ?? '';
  const cleaned = lastSegment
    .replace(LONE_SURROGATE, '')
    .replace(/[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/gu, '')
    .trim();
  const characters = Array.from(cleaned);
  let name = cleaned;
  if (characters.length > MAX_FILENAME_LENGTH) {
    const extension = /\.[\p{L}\p{N}]{1,16}$/u.exec(cleaned)?.[0] ?? '';
    name =
      characters
        .slice(0, MAX_FILENAME_LENGTH - extension.length)
        .join('')
        .trimEnd() + extension;
  }
  return name === '' || name === '.' || name === '..' ? FALLBACK_FILENAME : name;
}

const CONTENT_TYPE = /^[a-z0-9][a-z0-9!#$&^_.+-]{0,63}\/[a-z0-9][a-z0-9!#$&^_.+-]{0,127}$/;

/** The declared type without parameters, or application/octet-stream when it is not a media type. */
export function cleanContentType(declared: string | undefined): string {
  const essence = (declared ?? '').split(';')[0]!.trim().toLowerCase();
  return CONTENT_TYPE.test(essence) ? essence : 'application/octet-stream';
}

/** Shown in the browser on request; served with `sandbox`, they cannot script our origin. */
const INLINE_TYPES = new Set(['image/png', 'image/jpeg', 'image/gif', 'image/webp', 'application/pdf']);

/**
 * Types that never render as active content (no HTML, SVG, XML, script), served as themselves.
 * An allowlist, not a denylist: a type we did not think of is served as a plain download.
 */
const PASSIVE_TYPES = new Set([
  ...INLINE_TYPES,
  'image/avif',
  'image/bmp',
  'image/heic',
  'image/tiff',
  'text/plain',
  'text/csv',
  'text/markdown',
  'text/calendar',
  'application/json',
  'application/rtf',
  'application/zip',
  'application/gzip',
  'application/x-7z-compressed',
  'application/x-tar',
  'application/vnd.rar',
  'application/msword',
  'application/vnd.ms-excel',
  'application/vnd.ms-powerpoint',
  'audio/mpeg',
  'audio/mp4',
  'audio/ogg',
  'audio/wav',
  'audio/webm',
  'video/mp4',
  'video/ogg',
  'video/quicktime',
  'video/webm',
]);
const PASSIVE_PREFIXES = ['application/vnd.openxmlformats-officedocument.', 'application/vnd.oasis.opendocument.'];

function isPassive(contentType: string): boolean {
  return (
    PASSIVE_TYPES.has(contentType) || (PASSIVE_PREFIXES.some((prefix) => contentType.startsWith(prefix)) && !contentType.endsWith('+xml'))
  );
}

/** RFC 8187 ext-value: percent-encode everything outside attr-char. */
function encodeExtValue(value: string): string {
  return encodeURIComponent(value.replace(LONE_SURROGATE, '')).replace(
    /['()*]/g,
    (character) => `%${character.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}

export interface Delivery {
  contentType: string;
  contentDisposition: string;
  isInline: boolean;
}

/**
 * How a stored file is sent: as a download unless `inline` was asked for an image or PDF; with its
 * stored type only when that type cannot render active content, else application/octet-stream.
 */
export function deliveryOf(stored: { contentType: string; filename: string }, inline: boolean): Delivery {
  const isInline = inline && INLINE_TYPES.has(stored.contentType);
  return {
    contentType: isPassive(stored.contentType) ? stored.contentType : 'application/octet-stream',
    contentDisposition: `${isInline ? 'inline' : 'attachment'}; filename*=UTF-8''${encodeExtValue(stored.filename)}`,
    isInline,
  };
}
