#!/usr/bin/env node
// Bundles the server (with core and interop) into dist/caredesk.mjs with esbuild, when a
// source is newer than the bundle. `caredesk` runs the bundle when it is fresh and the
// TypeScript through tsx otherwise (docs/decisions/0002-no-build-step.md): the bundle
// saves tsx's loader thread, about 45 MB of memory, and its start-up work.
import { readFileSync } from 'node:fs';
import { dirname, relative } from 'node:path';
import { build } from 'esbuild';
import { BUNDLE, bundleIsFresh } from './bundle-freshness.mjs';

if (bundleIsFresh() && !process.argv.includes('--force')) process.exit(0);
console.log('Bundling the server; this happens once after each change…');

/**
 * Pure-JS dependencies bundled with our code: Kysely ships as hundreds of small ES modules,
 * and resolving and loading them one by one was a quarter of the server's start-up
 * (213 ms of 850 ms measured importing the bundle). No other dependency imports Kysely, so
 * the bundled copy is the only one.
 */
const BUNDLED_DEPENDENCIES = new Set(['kysely']);

/** Other dependencies stay in node_modules (native addons among them). */
const externalDependencies = {
  name: 'external-dependencies',
  setup(b) {
    b.onResolve({ filter: /^[^./]/ }, (args) =>
      args.path.startsWith('@caredesk/') || BUNDLED_DEPENDENCIES.has(args.path.split('/')[0])
        ? undefined
        : { path: args.path, external: true },
    );
  },
};

/**
 * A source that finds files beside itself (`new URL('./x', import.meta.url)`: migrations,
 * the password list, the web build) keeps finding them: its import.meta.url becomes its
 * own file's URL, computed from the bundle's, instead of the bundle's.
 */
const ownImportMetaUrl = {
  name: 'own-import-meta-url',
  setup(b) {
    b.onLoad({ filter: /\.ts$/ }, (args) => {
      const text = readFileSync(args.path, 'utf8');
      if (!text.includes('import.meta.url')) return undefined;
      const rel = relative(dirname(BUNDLE), args.path).split('\\').join('/');
      const own = `new URL(${JSON.stringify(rel)}, import.meta.url).href`;
      return { contents: text.replaceAll('import.meta.url', own), loader: 'ts' };
    });
  },
};

await build({
  entryPoints: [new URL('../src/cli/main.ts', import.meta.url).pathname],
  outfile: BUNDLE,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  sourcemap: 'linked',
  logLevel: 'warning',
  plugins: [externalDependencies, ownImportMetaUrl],
});
