/**
 * What a file really is, read from its first bytes rather than from the Content-Type or the
 * name the sender chose (issue #5 point 4: "type sniffed from content"). The signatures
 * follow the WHATWG MIME Sniffing Standard (https://mimesniff.spec.whatwg.org/#matching-a-mime-type-pattern)
 * plus the executable formats a patient-service desk must never pass on.
 */

/** How many leading bytes are inspected (the WHATWG resource header is 1445 bytes). */
export const SNIFF_BYTES = 1445;

type Signature = { type: string; at?: number; bytes: readonly number[] };

const ascii = (s: string) => [...s].map((c) => c.charCodeAt(0));

const SIGNATURES: readonly Signature[] = [
  { type: 'application/pdf', bytes: ascii('%PDF-') },
  { type: 'image/png', bytes: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] },
  { type: 'image/jpeg', bytes: [0xff, 0xd8, 0xff] },
  { type: 'image/gif', bytes: ascii('GIF87a') },
  { type: 'image/gif', bytes: ascii('GIF89a') },
  { type: 'image/webp', at: 8, bytes: ascii('WEBPVP') },
  { type: 'image/tiff', bytes: [0x49, 0x49, 0x2a, 0x00] },
  { type: 'image/tiff', bytes: [0x4d, 0x4d, 0x00, 0x2a] },
  { type: 'image/heic', at: 4, bytes: ascii('ftypheic') },
  { type: 'video/mp4', at: 4, bytes: ascii('ftyp') },
  { type: 'audio/mpeg', bytes: ascii('ID3') },
  { type: 'application/zip', bytes: [0x50, 0x4b, 0x03, 0x04] },
  { type: 'application/gzip', bytes: [0x1f, 0x8b, 0x08] },
  { type: 'application/x-rar-compressed', bytes: ascii('Rar!') },
  { type: 'application/x-7z-compressed', bytes: [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c] },
  // Compound File Binary: old Office documents, .msg, and .msi installers.
  { type: 'application/x-cfb', bytes: [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1] },
  // Executables: Windows PE, ELF, Mach-O (both byte orders, 32/64-bit, fat), Java class.
  { type: 'application/x-msdownload', bytes: ascii('MZ') },
  { type: 'application/x-executable', bytes: [0x7f, 0x45, 0x4c, 0x46] },
  { type: 'application/x-mach-binary', bytes: [0xfe, 0xed, 0xfa, 0xce] },
  { type: 'application/x-mach-binary', bytes: [0xfe, 0xed, 0xfa, 0xcf] },
  { type: 'application/x-mach-binary', bytes: [0xce, 0xfa, 0xed, 0xfe] },
  { type: 'application/x-mach-binary', bytes: [0xcf, 0xfa, 0xed, 0xfe] },
  { type: 'application/x-mach-binary', bytes: [0xca, 0xfe, 0xba, 0xbe] },
  { type: 'application/x-shellscript', bytes: ascii('#!') },
];

/** Types that run code when opened. */
const EXECUTABLE_TYPES = new Set([
  'application/x-msdownload',
  'application/x-executable',
  'application/x-mach-binary',
  'application/x-shellscript',
]);

/**
 * Names Windows and macOS run on a double click even when the bytes are plain text (a .bat,
 * a .js, a .vbs is just text to a sniffer). Declared names are not trusted to make a file
 * safe, only to make it dangerous.
 */
const EXECUTABLE_EXTENSIONS = new Set(
  (
    'exe com scr pif bat cmd msi msp msc cpl dll sys js jse vbs vbe wsf wsh hta ps1 psm1 ' +
    'jar app command sh lnk reg inf scf url iso img vhd vhdx appx appxbundle msix'
  ).split(' '),
);

/** Markup that a browser renders and can run script from (WHATWG "HTML" pattern list). */
const HTML_OPENERS = [
  '<!doctype html',
  '<html',
  '<head',
  '<body',
  '<script',
  '<iframe',
  '<h1',
  '<div',
  '<font',
  '<table',
  '<a',
  '<style',
  '<title',
  '<b',
  '<br',
  '<p',
];

function matches(bytes: Uint8Array, sig: Signature): boolean {
  const at = sig.at ?? 0;
  if (bytes.length < at + sig.bytes.length) return false;
  return sig.bytes.every((b, i) => bytes[at + i] === b);
}

function looksLikeText(head: Uint8Array): boolean {
  // WHATWG "binary data byte": control bytes other than TAB, LF, FF, CR, ESC.
  for (const b of head) {
    if (b <= 0x08 || b === 0x0b || (b >= 0x0e && b <= 0x1a) || (b >= 0x1c && b <= 0x1f)) {
      return false;
    }
  }
  return true;
}

function sniffMarkup(head: Uint8Array): string | null {
  const text = new TextDecoder('utf-8', { fatal: false })
    .decode(head)
    .replace(/^\uFEFF/, '')
    .trimStart()
    .toLowerCase();
  if (/^<\?xml[^>]*>\s*(<!--[\s\S]*?-->\s*)*(<!doctype svg[^>]*>\s*)?<svg[\s>]/.test(text)) {
    return 'image/svg+xml';
  }
  if (text.startsWith('<svg')) return 'image/svg+xml';
  if (text.startsWith('<!--')) return 'text/html';
  for (const opener of HTML_OPENERS) {
    // The tag name must end there: "<br" matches "<br>" and "<br/>", not "<brand".
    const next = text.charAt(opener.length);
    if (text.startsWith(opener) && (next === '' || /[\s>/]/.test(next))) return 'text/html';
  }
  if (text.startsWith('<?xml')) return 'application/xml';
  return null;
}

/** The sniffed MIME type of `content`; `application/octet-stream` when nothing matches. */
export function sniffContentType(content: Uint8Array): string {
  const head = content.subarray(0, SNIFF_BYTES);
  for (const sig of SIGNATURES) if (matches(head, sig)) return sig.type;
  if (head.length > 0 && looksLikeText(head)) return sniffMarkup(head) ?? 'text/plain';
  return 'application/octet-stream';
}

function extensionOf(filename: string | null | undefined): string | null {
  if (!filename) return null;
  // Trailing dots and spaces are dropped by Windows ("invoice.pdf.exe. " runs as .exe).
  const name = filename.replace(/[\s.]+$/, '');
  const dot = name.lastIndexOf('.');
  return dot < 0 ? null : name.slice(dot + 1).toLowerCase();
}

/** True when the file runs code when opened: by its bytes, or by the name it would be saved as. */
export function isExecutableFile(
  sniffedType: string,
  filename: string | null | undefined,
): boolean {
  const ext = extensionOf(filename);
  return EXECUTABLE_TYPES.has(sniffedType) || (ext !== null && EXECUTABLE_EXTENSIONS.has(ext));
}

/**
 * The type an attachment is kept and served as. HTML, SVG and XML render in a browser and
 * can run script there, so they are neutralised to plain text: staff see the markup as text
 * and nothing in it executes (security brief §2, stored XSS through uploads).
 */
export function safeContentType(sniffedType: string): string {
  return sniffedType === 'text/html' ||
    sniffedType === 'image/svg+xml' ||
    sniffedType === 'application/xml'
    ? 'text/plain'
    : sniffedType;
}
