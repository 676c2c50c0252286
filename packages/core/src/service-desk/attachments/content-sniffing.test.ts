import { describe, expect, it } from 'vitest';
import { isExecutableFile, safeContentType, sniffContentType } from './index';

const bytes = (...parts: Array<string | number[]>) =>
  new Uint8Array(parts.flatMap((p) => (typeof p === 'string' ? [...Buffer.from(p, 'latin1')] : p)));

describe('content sniffing', () => {
  it.each<[string, Uint8Array, string]>([
    ['a PDF', bytes('%PDF-1.7\n'), 'application/pdf'],
    ['a PNG', bytes([0x89], 'PNG\r\n', [0x1a, 0x0a, 0, 0]), 'image/png'],
    ['a JPEG', bytes([0xff, 0xd8, 0xff, 0xe0]), 'image/jpeg'],
    ['a WebP', bytes('RIFF', [1, 2, 3, 4], 'WEBPVP8 '), 'image/webp'],
    ['an iPhone photo', bytes([0, 0, 0, 0x18], 'ftypheic'), 'image/heic'],
    ['a Word document (zip)', bytes('PK', [3, 4, 20, 0]), 'application/zip'],
    ['a Windows program', bytes('MZ', [0x90, 0]), 'application/x-msdownload'],
    ['a Linux program', bytes([0x7f], 'ELF', [2, 1]), 'application/x-executable'],
    ['a macOS program', bytes([0xcf, 0xfa, 0xed, 0xfe]), 'application/x-mach-binary'],
    ['a shell script', bytes('#!/bin/sh\nrm -rf ~\n'), 'application/x-shellscript'],
    ['plain text', bytes('Dear clinic,\r\nmy refill…\r\n'), 'text/plain'],
    ['UTF-8 text with a BOM', bytes([0xef, 0xbb, 0xbf], 'Sveiki!'), 'text/plain'],
    ['HTML', bytes('  \n<!DOCTYPE html><html>'), 'text/html'],
    ['an HTML fragment', bytes('<script>alert(1)</script>'), 'text/html'],
    ['text starting with a word like a tag', bytes('<brand> new inhaler'), 'text/plain'],
    ['SVG', bytes('<svg xmlns="http://www.w3.org/2000/svg" onload="x()">'), 'image/svg+xml'],
    ['SVG behind an XML declaration', bytes('<?xml version="1.0"?>\n<svg>'), 'image/svg+xml'],
    ['XML', bytes('<?xml version="1.0"?><note/>'), 'application/xml'],
    ['binary noise', bytes([0, 1, 2, 3, 250]), 'application/octet-stream'],
    ['nothing', bytes(), 'application/octet-stream'],
  ])('%s', (_name, content, type) => {
    expect(sniffContentType(content)).toBe(type);
  });

  it('calls a file executable by its bytes or by the name it would be saved as', () => {
    expect(isExecutableFile('application/x-msdownload', 'lab-results.pdf')).toBe(true);
    expect(isExecutableFile('text/plain', 'update.BAT')).toBe(true);
    expect(isExecutableFile('text/plain', 'invoice.pdf.js. ')).toBe(true);
    expect(isExecutableFile('application/pdf', 'invoice.pdf')).toBe(false);
    expect(isExecutableFile('text/plain', null)).toBe(false);
  });

  it('neutralises markup that a browser would render to plain text', () => {
    expect(safeContentType('text/html')).toBe('text/plain');
    expect(safeContentType('image/svg+xml')).toBe('text/plain');
    expect(safeContentType('image/png')).toBe('image/png');
  });
});
