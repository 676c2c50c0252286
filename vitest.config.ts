import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { defineConfig } from 'vitest/config';

const root = import.meta.dirname;
const corpus = join(root, '..', 'shared', 'corpus');

/** Test files that read the shared FHIR corpus or the R4 schema beside the repository. */
function corpusTests(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (name === 'node_modules') return [];
    if (statSync(path).isDirectory()) return corpusTests(path);
    if (!name.endsWith('.test.ts')) return [];
    const text = readFileSync(path, 'utf8');
    return /fhir-testing|testing\/corpus|testing\/fhir-schema|audit\.contract'/.test(text)
      ? [relative(root, path)]
      : [];
  });
}

// The corpus lives beside the repository (../shared/corpus) and is never copied in. On a
// machine without it (a fresh clone on its own), the tests that need it are left out with
// a visible message; CI has it and must run them, so there a missing corpus is an error.
let withoutCorpus: string[] = [];
if (!existsSync(corpus)) {
  if (process.env.CI) throw new Error(`The shared corpus is missing at ${corpus}; CI needs it.`);
  withoutCorpus = corpusTests(join(root, 'packages'));
  console.warn(
    `Shared corpus not found at ${corpus}: ${withoutCorpus.length} test files that read it are left out.`,
  );
}

// Three projects: the whole suite on the embedded database (npm test), the browser tests
// (npm run test:e2e), and the storage contract suite again against PostgreSQL (npm run
// test:pg, needs DATABASE_URL).
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['packages/*/src/**/*.test.ts', 'bench/**/*.test.ts'],
          exclude: ['**/*.pg.test.ts', '**/node_modules/**', ...withoutCorpus],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        // Browser tests (npm run test:e2e): real Chromium over a real server; one file at
        // a time, each starts its own server with demo data.
        test: {
          name: 'e2e',
          include: ['e2e/**/*.test.ts'],
          testTimeout: 120_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
      {
        test: {
          name: 'contract-pg',
          include: ['packages/*/src/**/*.pg.test.ts'],
          exclude: ['**/node_modules/**', ...withoutCorpus],
          testTimeout: 60_000,
          hookTimeout: 60_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
