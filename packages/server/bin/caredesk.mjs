#!/usr/bin/env node
// The `caredesk` command. It runs the bundled server when the bundle is newer than every
// source (`npm start` builds it: scripts/build.mjs), and the TypeScript itself through
// tsx otherwise, so that a fresh clone or an edited source never needs a manual build
// step (docs/decisions/0002-no-build-step.md).
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
