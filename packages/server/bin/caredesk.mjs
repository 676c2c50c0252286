#!/usr/bin/env -S node --max-old-space-size=1024
// The `caredesk` command. It runs the bundled server when the bundle is newer than every
// source (`npm start` builds it: scripts/build.mjs), and the TypeScript itself through
// tsx otherwise, so that a fresh clone or an edited source never needs a manual build
// step (docs/decisions/0002-no-build-step.md).
//
// The V8 flag in the first line keeps the server within issue #2's 200 MB: under the read
// and search loads at 100,000 patients, with the search worker beside the main thread, its
// RSS climbed in a sawtooth to 210-230 MB between major collections. Capping the old
// generation at 1 GB (instead of a share of the machine's memory) makes V8 grow the heap
// less between collections: about 172 MB after that load. A smaller young generation as
// well (4 MB semispaces) held it at 152 MB but collected the old generation about every
// 260 ms under the agent inbox load, where each collection takes 10-15 ms of the main
// thread: the inbox p99 went from 12-15 to 21-22 ms (issue #5's target is 20). Measured;
// see docs/benchmarks.md. Node takes flags only on its command line: whatever starts this
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
