import { describe, expect, it } from 'vitest';
import {
  admitFiles,
  fileProblem,
  formatSize,
  issueFileIndex,
  MAX_FILE_BYTES,
  toBase64,
} from './attachment-rules';

const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
const EXE = new Uint8Array([0x4d, 0x5a, 0x90, 0, 3, 0, 0, 0]);
const text = (s: string) => new TextEncoder().encode(s);
const file = (name: string, size: number, head: Uint8Array = PNG) => ({ name, size, head });

describe('files a person chooses to send with a message', () => {
  it('refuses empty files, files over 10 MB and programs, by their bytes or their name', () => {
    expect(fileProblem(file('card.png', 2_000))).toBeNull();
    expect(fileProblem(file('card.png', MAX_FILE_BYTES))).toBeNull();
    expect(fileProblem(file('card.png', MAX_FILE_BYTES + 1))).toBe('too-large');
    expect(fileProblem(file('card.png', 0))).toBe('empty');
    // A program named like a document is still a program.
    expect(fileProblem(file('invoice.pdf', 4_000, EXE))).toBe('program');
    // A script is text to a sniffer; the name it would be saved with makes it a program.
    expect(fileProblem(file('update.BAT', 40, text('@echo off')))).toBe('program');
    expect(fileProblem(file('notes.txt', 40, text('@echo off')))).toBeNull();
    // Markup is not refused here: the server keeps it as plain text.
    expect(fileProblem(file('page.html', 30, text('<html><script>')))).toBeNull();
  });

  it('admits at most five files in all, in the order chosen, and says why the rest stay out', () => {
    const chosen = ['a', 'b', 'c', 'd'].map((n) => file(`${n}.png`, 10));
    const { admitted, refused } = admitFiles(
      [file('x.png', 10), file('y.png', 10)],
      [...chosen.slice(0, 2), file('setup.exe', 10), ...chosen.slice(2)],
    );
    expect(admitted.map((f) => f.name)).toEqual(['a.png', 'b.png', 'c.png']);
    expect(refused.map((r) => [r.file.name, r.problem])).toEqual([
      ['setup.exe', 'program'],
      ['d.png', 'too-many'],
    ]);
  });

  it('keeps the files of one message within 20 MB in all', () => {
    const nine = 9 * 1024 * 1024;
    const { admitted, refused } = admitFiles(
      [file('scan-1.pdf', nine)],
      [file('scan-2.pdf', nine), file('scan-3.pdf', nine), file('note.txt', 100)],
    );
    expect(admitted.map((f) => f.name)).toEqual(['scan-2.pdf', 'note.txt']);
    expect(refused.map((r) => [r.file.name, r.problem])).toEqual([['scan-3.pdf', 'total']]);
  });

  it('shows sizes as people read them, in their language', () => {
    expect(formatSize(512, 'en')).toBe('512 byte');
    expect(formatSize(340 * 1024, 'en')).toBe('340 kB');
    expect(formatSize(2.45 * 1024 * 1024, 'en')).toBe('2.5 MB');
    expect(formatSize(2.45 * 1024 * 1024, 'es')).toBe('2,5 MB');
    expect(formatSize(12 * 1024 * 1024, 'nb')).toBe('12 MB');
  });

  it('encodes a large file to base64 without running out of stack', () => {
    const big = new Uint8Array(3 * 1024 * 1024).map((_, i) => i % 251);
    expect(Buffer.from(toBase64(big), 'base64').equals(Buffer.from(big))).toBe(true);
    expect(toBase64(text('hi'))).toBe('aGk=');
  });

  it('finds which chosen file a refusal from the server is about', () => {
    expect(issueFileIndex('attachments/2')).toBe(2);
    expect(issueFileIndex('body/attachments/0/contentBase64')).toBe(0);
    expect(issueFileIndex('attachments')).toBeNull();
    expect(issueFileIndex('body')).toBeNull();
  });
});
