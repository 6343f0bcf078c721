import { chmodSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../src/database.ts';

describe('opening SQLite in a data folder', () => {
  const root = mkdtempSync(join(tmpdir(), 'tack-db-open-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));
  const mode = (path: string) => statSync(path).mode & 0o777;

  it('creates the folder and the database readable by their owner only', async () => {
    const dir = join(root, 'fresh', 'data');
    const database = await openDatabase({ dataDir: dir });
    await database.close();
    expect(mode(dir)).toBe(0o700);
    expect(mode(join(dir, 'tack.db'))).toBe(0o600);
  });

  it('leaves an existing database file (and its mode) alone', async () => {
    const dir = join(root, 'existing');
    const database = await openDatabase({ dataDir: dir });
    await database.close();
    chmodSync(join(dir, 'tack.db'), 0o640);
    const again = await openDatabase({ dataDir: dir });
    await again.close();
    expect(mode(join(dir, 'tack.db'))).toBe(0o640);
  });

  it('says which file it cannot create', async () => {
    const blocker = join(root, 'not-a-folder');
    writeFileSync(blocker, 'x');
    await expect(openDatabase({ dataDir: blocker })).rejects.toThrow(
      /TACK_DATA_DIR: cannot create .*not-a-folder: it is a file, not a folder/,
    );
    await expect(openDatabase({ dataDir: join(blocker, 'below') })).rejects.toThrow(/TACK_DATA_DIR: cannot create/);
    // Node's recursive mkdir never returned here; the test's time limit catches a hang.
    await expect(openDatabase({ dataDir: '/proc/tack-x/data' })).rejects.toThrow(/TACK_DATA_DIR: cannot create/);
    const nested = join(root, 'a', 'b', 'c');
    const made = await openDatabase({ dataDir: nested });
    await made.close();
    expect(mode(nested)).toBe(0o700);
  });
});
