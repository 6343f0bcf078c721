// Bundles the server (apps/server/src/main.ts and everything it imports) into apps/server/dist/ with rolldown,
// so production runs plain JavaScript instead of type-stripping a few hundred TypeScript modules (ADR 0009).
//
//   node scripts/build-server.mjs         builds (about 1 s)
//   await buildServer() / ensureServerBuild()  from scripts/run.mjs and scripts/test.mjs
//
// Plain JavaScript, like run.mjs: it runs before anything else is known to work.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ROOT, SERVER_BUNDLE } from './server-command.mjs';

const ENTRY = join(ROOT, 'apps/server/src/main.ts');
const OUT_DIR = join(ROOT, 'apps/server/dist');

/** What the bundle is built from: newer files here mean a rebuild. */
export const SERVER_SOURCES = [
  join(ROOT, 'apps/server/src'),
  ...readdirSync(join(ROOT, 'packages')).map((p) => join(ROOT, 'packages', p, 'src')),
  join(ROOT, 'package-lock.json'),
  join(ROOT, 'scripts/build-server.mjs'),
];

/**
 * Left to Node's own resolution at run time, from node_modules:
 * - native or file-reading packages: better-sqlite3 (a .node addon), @fastify/swagger-ui (serves its static
 *   files from its folder; imported on the first visit to /api/docs), @touch4it/ical-timezones (reads zones/*.ics next to itself; bundled it would quietly
 *   return no time zones in calendar feeds);
 * - pg: loaded only for PostgreSQL, by a lazy import() that stays lazy either way.
 */
const EXTERNAL = [
  /^better-sqlite3(\/|$)/,
  /^@fastify\/swagger-ui(\/|$)/,
  /^@touch4it\/ical-timezones(\/|$)/,
  /^pg(-[\w-]+)?(\/|$)/,
];

/**
 * Bundled modules that mention their own location (`__dirname`, `__filename`, `import.meta.url`/`dirname`),
 * each checked to be right from the bundle. A new one fails the build: make it external, or make it resolve from
 * a known root as apps/server/src/root.ts does, and add it here with the reason.
 */
const LOCATION_AWARE = new Map([
  ['apps/server/src/root.ts', 'walks up to the root package.json, so any chunk depth works'],
  ['node_modules/pino/lib/transport.js', 'log transports (worker threads); Tack configures none'],
  ['node_modules/thread-stream/index.js', 'worker of pino transports; Tack configures none'],
  [
    'node_modules/@fastify/swagger/lib/util/read-package-json.js',
    'default title and version of the document; Tack sets `info`, and the failed read is caught (returns {})',
  ],
]);

const LOCATION_RE = /\b__dirname\b|\b__filename\b|\bimport\.meta\.(url|dirname|filename)\b/;

function locationGuard() {
  const found = new Set();
  return {
    name: 'tack-location-guard',
    transform(code, id) {
      // \0-prefixed ids are rolldown's own runtime helpers (createRequire(import.meta.url) for require()).
      if (!id.startsWith('\0') && LOCATION_RE.test(code)) found.add(relative(ROOT, id.split('?')[0]));
      return null;
    },
    buildEnd() {
      const unknown = [...found].filter((f) => !LOCATION_AWARE.has(f));
      if (unknown.length > 0) {
        this.error(
          `these bundled modules locate files relative to themselves, which breaks when bundled: ${unknown.join(', ')}. ` +
            'Make them external or resolve from a known root, then list them in LOCATION_AWARE (scripts/build-server.mjs).',
        );
      }
    },
  };
}

/** Builds apps/server/dist/main.js (ESM, code-split so lazy imports stay lazy, with a source map). */
export async function buildServer({ quiet = false } = {}) {
  const started = performance.now();
  const { build } = await import('rolldown');
  await build({
    cwd: ROOT,
    input: { main: ENTRY },
    platform: 'node',
    external: EXTERNAL,
    plugins: [locationGuard()],
    logLevel: 'warn',
    output: {
      dir: OUT_DIR,
      format: 'esm',
      cleanDir: true,
      // Readable code and a map: without --enable-source-maps (off: it costs about 47 MiB, ADR 0009) a stack
      // trace still names real functions on readable lines; with it, the TypeScript file and line.
      sourcemap: true,
      sourcemapExcludeSources: true,
      minify: false,
      // V8 keeps each module's source text: one non-ASCII character makes it two bytes a character, and
      // comments are 2 MiB of it (about 3 MiB of idle RSS together). Licence comments stay.
      charset: 'ascii',
      comments: { legal: true, annotation: false, jsdoc: false },
    },
  });
  if (!quiet) {
    console.error(`tack: built ${relative(ROOT, SERVER_BUNDLE)} in ${Math.round(performance.now() - started)} ms`);
  }
}

function newestMtime(path) {
  const st = statSync(path);
  if (!st.isDirectory()) return st.mtimeMs;
  let newest = 0;
  for (const entry of readdirSync(path, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name === 'dist') continue;
    newest = Math.max(newest, newestMtime(join(path, entry.name)));
  }
  return newest;
}

/** True when apps/server/dist/main.js is missing or older than any of its sources. */
export function serverBuildIsStale() {
  if (!existsSync(SERVER_BUNDLE)) return true;
  const built = statSync(SERVER_BUNDLE).mtimeMs;
  return SERVER_SOURCES.some((s) => existsSync(s) && newestMtime(s) > built);
}

/** Builds the server bundle when it is missing or older than its sources. */
export async function ensureServerBuild() {
  if (!serverBuildIsStale()) return;
  console.error('tack: building the server …');
  await buildServer();
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  try {
    await buildServer();
  } catch (err) {
    console.error(`tack: server build failed: ${err.message}`);
    process.exit(1);
  }
}
