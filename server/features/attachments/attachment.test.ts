import { describe, expect, it } from 'vitest';
import { cleanContentType, cleanFilename, deliveryOf } from './attachment.js';

describe('cleanFilename', () => {
  it('keeps the last path segment only', () => {
    expect(cleanFilename('../../etc/passwd')).toBe('passwd');
    expect(cleanFilename('C:\\Users\\ann\\Report.docx')).toBe('Report.docx');
  });

  it('drops control and bidi characters and trims', () => {
    expect(cleanFilename(' a\u0000b\u202Ec\u2066.txt\n ')).toBe('abc.txt');
  });

  it('falls back to a name when nothing is left', () => {
    expect(cleanFilename('')).toBe('file');
    expect(cleanFilename('dir/')).toBe('file');
    expect(cleanFilename('..')).toBe('file');
  });

  it('cuts to 255 characters, keeping the extension and whole characters', () => {
    const name = cleanFilename(`${'😀'.repeat(300)}.pdf`);
    expect(Array.from(name)).toHaveLength(255);
    expect(name.endsWith('😀.pdf')).toBe(true);
  });
});

describe('cleanContentType', () => {
  it('keeps the essence, lower-cased, and refuses what is not a media type', () => {
    expect(cleanContentType('Text/HTML; charset=UTF-8')).toBe('text/html');
    expect(cleanContentType('nonsense')).toBe('application/octet-stream');
    expect(cleanContentType(undefined)).toBe('application/octet-stream');
  });
});

describe('deliveryOf', () => {
  it('serves active content as application/octet-stream, never inline', () => {
    for (const contentType of [
      'text/html',
      'image/svg+xml',
      'application/xhtml+xml',
      'text/xml',
      'application/xml',
      'text/javascript',
      'application/x-unknown',
    ]) {
      expect(deliveryOf({ contentType, filename: 'x' }, true)).toEqual({
        contentType: 'application/octet-stream',
        contentDisposition: "attachment; filename*=UTF-8''x",
        isInline: false,
      });
    }
  });

  it('shows images and PDFs inline only when asked', () => {
    expect(deliveryOf({ contentType: 'image/png', filename: 'a.png' }, true)).toMatchObject({ contentType: 'image/png', isInline: true });
    expect(deliveryOf({ contentType: 'image/png', filename: 'a.png' }, false).contentDisposition).toBe(
      "attachment; filename*=UTF-8''a.png",
    );
    expect(deliveryOf({ contentType: 'text/plain', filename: 'a.txt' }, true).isInline).toBe(false);
  });

  it('encodes the name per RFC 8187', () => {
    expect(deliveryOf({ contentType: 'text/plain', filename: "it's (a) *x* ş.txt" }, false).contentDisposition).toBe(
      "attachment; filename*=UTF-8''it%27s%20%28a%29%20%2Ax%2A%20%C5%9F.txt",
    );
  });
});
