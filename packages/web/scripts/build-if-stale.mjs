#!/usr/bin/env node
// Builds the web app when its sources changed since the last build (or it was never
// built), so that `npm ci && npm start` works on a fresh clone and later starts cost
// nothing. The sources' hash is kept beside the build in dist/.source-hash.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const web = fileURLToPath(new URL('..', import.meta.url));
const catalogs = fileURLToPath(new URL('../../core/src/i18n/catalogs', import.meta.url));
const stamp = join(web, 'dist', '.source-hash');

function files(path) {
  if (!existsSync(path)) return [];
  if (!statSync(path).isDirectory()) return [path];
  return readdirSync(path)
    .sort()
    .flatMap((name) => files(join(path, name)));
}

const hash = createHash('sha256');
for (const f of [
  ...['index.html', 'vite.config.ts', 'package.json', 'src'].flatMap((p) => files(join(web, p))),
  ...files(catalogs),
]) {
  hash.update(relative(web, f)).update('\0').update(readFileSync(f)).update('\0');
}
const current = hash.digest('hex');

if (existsSync(stamp) && readFileSync(stamp, 'utf8') === current) process.exit(0);

console.log('Building the web app (portal and console); this happens once after each change…');
const require = createRequire(join(web, 'package.json'));
const vite = join(dirname(require.resolve('vite/package.json')), 'bin', 'vite.js');
const result = spawnSync(process.execPath, [vite, 'build', '--logLevel', 'warn'], {
  cwd: web,
  stdio: 'inherit',
});
if (result.status !== 0) {
  console.error('The web app did not build; see the messages above.');
  process.exit(result.status ?? 1);
}
writeFileSync(stamp, current);
