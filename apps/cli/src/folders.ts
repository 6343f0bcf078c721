// Making folders (the saved login's, a server's data folder) without Node's recursive mkdir, which never
// returns on some paths (/proc/x loops forever) and whose errors name the system call, not the problem.
import { mkdirSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import { fsProblem } from './errors.ts';

/**
 * Makes `dir` and any missing folders above it, one level at a time, each with `mode`. Returns what went
 * wrong in plain words ("it is a file, not a folder", "permission denied", …), or undefined when `dir` is
 * a folder now.
 */
export function makeFolder(dir: string, mode: number): string | undefined {
  const missing: string[] = [];
  for (let at = dir; ; at = dirname(at)) {
    let isFolder: boolean;
    try {
      isFolder = statSync(at).isDirectory();
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT' && dirname(at) !== at) {
        missing.unshift(at);
        continue;
      }
      return fsProblem(err);
    }
    if (!isFolder) return at === dir ? 'it is a file, not a folder' : `${at} is a file, not a folder`;
    break;
  }
  for (const at of missing) {
    try {
      mkdirSync(at, { mode });
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      if (code === 'EEXIST' && statSync(at).isDirectory()) continue;
      // ENOENT from a plain mkdir whose parent is there: the system makes no folders there (/proc).
      return code === 'ENOENT' ? 'folders cannot be made there' : fsProblem(err);
    }
  }
  return undefined;
}
