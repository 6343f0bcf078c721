import { readFileSync, writeFileSync } from 'node:fs';
import { backupJsonSchema, backupV1JsonSchema } from '@tack/contracts';
import { describe, expect, it } from 'vitest';

const FILE = new URL('../../../docs/backup-format.schema.json', import.meta.url);
const V1_FILE = new URL('../../../docs/backup-format-v1.schema.json', import.meta.url);

describe('the published backup format', () => {
  it('docs/backup-format.schema.json is the schema the server validates restores with', () => {
    const expected = `${JSON.stringify(backupJsonSchema(), null, 2)}\n`;
    // TACK_WRITE_DOCS=1 regenerates the file after a deliberate format change.
    if (process.env.TACK_WRITE_DOCS === '1') writeFileSync(FILE, expected);
    expect(readFileSync(FILE, 'utf8')).toBe(expected);
  });

  it('docs/backup-format-v1.schema.json is the schema of version 1, which restore still reads', () => {
    const expected = `${JSON.stringify(backupV1JsonSchema(), null, 2)}\n`;
    if (process.env.TACK_WRITE_DOCS === '1') writeFileSync(V1_FILE, expected);
    expect(readFileSync(V1_FILE, 'utf8')).toBe(expected);
  });
});
