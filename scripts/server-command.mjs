// How the production server is launched: one definition for `npm start` (scripts/run.mjs), the benchmark
// (bench/run.ts) and the e2e tests (e2e/support/server.ts), so what is measured and tested is what ships.
// The bundle is built by scripts/build-server.mjs (ADR 0009); `npm run dev` and the in-process tests run
// apps/server/src/main.ts instead.
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** The bundled server entry. */
export const SERVER_BUNDLE = join(ROOT, 'apps/server/dist/main.js');

/**
 * V8 flags of the production server. `--max-semi-space-size=1` caps V8's young generation at 1 MiB a semi-space
 * (by default it grows to 16 MiB while the server starts and is not given back): idle RSS about 91 instead of
 * about 101 MiB, against the 100 MiB target, and a lower peak under load. Cost: more frequent minor collections;
 * on the quick benchmark (3 people, 5 s, SQLite, 2 noisy cores) Today 17-30 % fewer requests a second, the other
 * scenarios 0-20 %, all targets they had still met. Measurements in ADR 0009. Command-line flags win over
 * NODE_OPTIONS, so change the value here to trade memory for throughput.
 */
export const SERVER_NODE_FLAGS = ['--max-semi-space-size=1'];

/** argv after the node binary: `spawn(process.execPath, serverArgs())`. */
export function serverArgs() {
  return [...SERVER_NODE_FLAGS, SERVER_BUNDLE];
}
