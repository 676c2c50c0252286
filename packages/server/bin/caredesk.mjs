#!/usr/bin/env -S node --max-semi-space-size=4 --max-old-space-size=1024
// The `caredesk` command. It runs the bundled server when the bundle is newer than every
// source (`npm start` builds it: scripts/build.mjs), and the TypeScript itself through
// tsx otherwise, so that a fresh clone or an edited source never needs a manual build
// step (docs/decisions/0002-no-build-step.md).
//
// The V8 flags in the first line keep the server within issue #2's 200 MB: under the read
// and search loads at 100,000 patients, with the search worker beside the main thread, its
// RSS climbed in a sawtooth to 210-230 MB between major collections. A smaller young
// generation (2 x 4 MB semispaces instead of up to 2 x 16 MB) and an old generation capped
// at 1 GB (instead of a share of the machine's memory, which also lets V8 grow the heap
// more eagerly) held it flat at about 155 MB at the same throughput (measured; see
// docs/benchmarks.md). Node takes them only on its command line: whatever starts this
// file with `node` itself passes SERVER_NODE_FLAGS (src/testing/server-process.ts).
import { pathToFileURL } from 'node:url';
import { BUNDLE, bundleIsFresh } from '../scripts/bundle-freshness.mjs';

let main;
if (bundleIsFresh()) {
  ({ main } = await import(pathToFileURL(BUNDLE).href));
} else {
  const { register } = await import('tsx/esm/api');
  register();
  ({ main } = await import('../src/cli/main.ts'));
}
process.exitCode = await main(process.argv.slice(2));
