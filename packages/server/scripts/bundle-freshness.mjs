// Shared by bin/caredesk.mjs and scripts/build.mjs: where the bundled server lives and
// whether it is newer than every source it was built from.
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const packages = fileURLToPath(new URL('../../', import.meta.url));
export const BUNDLE = join(packages, 'server', 'dist', 'caredesk.mjs');

/** The sources a bundle is built from: the three TypeScript packages (and their manifests). */
const SOURCE_ROOTS = ['core', 'interop', 'server'].flatMap((p) => [
  join(packages, p, 'src'),
  join(packages, p, 'package.json'),
]);

/**
 * Newest modification time among the sources, directories included (a deleted or
 * renamed file changes its directory's time). About 6 ms for the whole tree.
 */
function newestSource() {
  let newest = 0;
  const walk = (path) => {
    const s = statSync(path);
    newest = Math.max(newest, s.mtimeMs);
    if (s.isDirectory()) for (const name of readdirSync(path)) walk(join(path, name));
  };
  for (const root of SOURCE_ROOTS) walk(root);
  return newest;
}

/** True when the bundle exists and no source changed after it was written. */
export function bundleIsFresh() {
  try {
    return statSync(BUNDLE).mtimeMs >= newestSource();
  } catch {
    return false;
  }
}
