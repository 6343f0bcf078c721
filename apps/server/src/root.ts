import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

interface RootPackage {
  name: string;
  version: string;
}

/**
 * The repository root: the nearest folder at or above `from` whose package.json is the root package ("tack").
 * Walked up to rather than a fixed `../../..`, because this code runs from two places: apps/server/src (type
 * stripping: `npm run dev`, the tests, `tack serve`) and a chunk of the server bundle in apps/server/dist
 * (`npm start`, ADR 0009), whose chunks may sit at another depth.
 */
export function findRoot(from: string): { dir: string; pkg: RootPackage } {
  for (let dir = from; ; dir = dirname(dir)) {
    try {
      const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as Partial<RootPackage>;
      if (pkg.name === 'tack' && typeof pkg.version === 'string') return { dir, pkg: pkg as RootPackage };
    } catch {
      // no (readable) package.json here: keep going up
    }
    if (dirname(dir) === dir) throw new Error(`tack: no root package.json (name "tack") above ${from}`);
  }
}

const root = findRoot(import.meta.dirname);

/** The repository root (apps/web/dist and the root package.json are found from here). */
export const REPO_ROOT: string = root.dir;

/** Tack's version, from the root package.json. */
export const VERSION: string = root.pkg.version;
