#!/usr/bin/env node
// The `tack` command. Plain JavaScript so it starts on whatever Node the machine has:
// ensureNode24() re-runs this same command under Node 24 when needed, which then runs
// the TypeScript sources directly (Node 24 strips the types; there is no build step).
import { ensureNode24 } from '../../../scripts/node24.mjs';

await ensureNode24();
await import('../src/main.ts');
