/**
 * Test-only access to the shared corpus (../shared/corpus from the repo root). The corpus
 * is read in place, never copied into the repository (corpus README).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repo root: the nearest ancestor holding package-lock.json. */
export function repoRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    if (existsSync(join(dir, 'package-lock.json'))) return dir;
    const parent = dirname(dir);
    if (parent === dir) throw new Error('package-lock.json not found above ' + import.meta.url);
    dir = parent;
  }
}

export function corpusDir(...parts: string[]): string {
  return join(repoRoot(), '..', 'shared', 'corpus', ...parts);
}

export function corpusFiles(folder: string, pattern: RegExp): string[] {
  return readdirSync(corpusDir(folder))
    .filter((f) => pattern.test(f))
    .sort();
}

export function readCorpusJson(folder: string, file: string): unknown {
  return JSON.parse(readFileSync(corpusDir(folder, file), 'utf8')) as unknown;
}
