import { deflateRawSync, inflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import {
  crc32,
  csvRow,
  DomainError,
  parseCsv,
  planFromHabitica,
  planFromLoopBackup,
  planFromLoopCsvZip,
  readZip,
} from '../../src/index.ts';

const inflate = (data: Uint8Array, max: number) => inflateRawSync(data, { maxOutputLength: max });

/** A one-entry ZIP (method 0 or 8) with adjustable header fields, to build broken archives. */
function zipOf(name: string, text: string, opts: { method?: number; flags?: number; crc?: number } = {}): Buffer {
  const data = Buffer.from(text);
  const method = opts.method ?? 8;
  const packed = method === 8 ? deflateRawSync(data) : data;
  const nameBytes = Buffer.from(name);
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt16LE(method, 8);
  local.writeUInt16LE(nameBytes.length, 26);
  const central = Buffer.alloc(46);
  central.writeUInt32LE(0x02014b50, 0);
  central.writeUInt16LE(opts.flags ?? 0, 8);
  central.writeUInt16LE(method, 10);
  central.writeUInt32LE(opts.crc ?? crc32(data), 16);
  central.writeUInt32LE(packed.length, 20);
  central.writeUInt32LE(data.length, 24);
  central.writeUInt16LE(nameBytes.length, 28);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(1, 8);
  end.writeUInt16LE(1, 10);
  end.writeUInt32LE(46 + nameBytes.length, 12);
  end.writeUInt32LE(30 + nameBytes.length + packed.length, 16);
  return Buffer.concat([local, nameBytes, packed, central, nameBytes, end]);
}

const messageOf = (f: () => unknown): string => {
  try {
    f();
  } catch (err) {
    expect(err).toBeInstanceOf(DomainError);
    expect((err as DomainError).code).toBe('VALIDATION_FAILED');
    return (err as Error).message;
  }
  throw new Error('expected a VALIDATION_FAILED error');
};

describe('CSV', () => {
  it('quotes what needs quoting and parses it back', () => {
    const values = ['plain', 'a,b', 'say "hi"', 'two\nlines', ' padded ', '', 'é ✓'];
    const text = csvRow(values) + csvRow(['x', 'y']);
    expect(text.startsWith('plain,"a,b","say ""hi""","two\nlines"," padded ",,é ✓\r\n')).toBe(true);
    expect(parseCsv(text, 'f')).toEqual([values, ['x', 'y']]);
  });
  it('refuses an unclosed quote (a truncated file)', () => {
    expect(messageOf(() => parseCsv('a,"b\nc', 'Habits.csv'))).toMatch(/Habits\.csv: a quoted field is not closed/);
  });
});

describe('ZIP reader', () => {
  it('reads stored and deflated entries with their checksums', () => {
    expect(new TextDecoder().decode(readZip(zipOf('a.txt', 'hello'), inflate, 1e6).get('a.txt'))).toBe('hello');
    expect(new TextDecoder().decode(readZip(zipOf('a.txt', 'hi', { method: 0 }), inflate, 1e6).get('a.txt'))).toBe(
      'hi',
    );
  });
  it('refuses corrupt, truncated, encrypted, unsafe and unsupported archives', () => {
    expect(messageOf(() => readZip(zipOf('a.txt', 'hello', { crc: 1 }), inflate, 1e6))).toMatch(/checksum/);
    const good = zipOf('a.txt', 'hello hello hello');
    expect(messageOf(() => readZip(good.subarray(0, good.length - 5), inflate, 1e6))).toMatch(/end-of-archive/);
    expect(messageOf(() => readZip(good.subarray(10), inflate, 1e6))).toMatch(/not a readable ZIP/);
    expect(messageOf(() => readZip(zipOf('a.txt', 'x', { flags: 1 }), inflate, 1e6))).toMatch(/encrypted/);
    expect(messageOf(() => readZip(zipOf('../evil', 'x'), inflate, 1e6))).toMatch(/unsafe entry name/);
    expect(messageOf(() => readZip(zipOf('a.txt', 'x', { method: 12 }), inflate, 1e6))).toMatch(/method 12/);
    expect(messageOf(() => readZip(zipOf('a.txt', 'x'.repeat(5000)), inflate, 100))).toMatch(/unpacks to more/);
  });
});

describe('Loop mapping', () => {
  const habit = {
    id: 1,
    name: 'Water',
    question: null,
    description: null,
    freqNum: 1,
    freqDen: 1,
    type: 0,
    targetType: 0,
    targetValue: 0,
    unit: null,
    archived: 0,
    position: 0,
    color: 3,
    uuid: 'u',
  };
  it('accepts schema versions 22 to 25 only', () => {
    for (const v of [22, 25]) expect(() => planFromLoopBackup(v, [], [], '2026-11-21')).not.toThrow();
    for (const v of [0, 21, 26]) {
      expect(messageOf(() => planFromLoopBackup(v, [], [], '2026-11-21'))).toMatch(`version ${v}`);
    }
  });
  it('maps "more than once a day" to every day, with a warning, and keeps future entries out', () => {
    const plan = planFromLoopBackup(
      24,
      [{ ...habit, freqNum: 3, freqDen: 1 }],
      [
        { habit: 1, timestamp: Date.parse('2026-11-20T00:00:00Z'), value: 2, notes: null },
        { habit: 1, timestamp: Date.parse('2026-11-22T00:00:00Z'), value: 2, notes: null },
      ],
      '2026-11-21',
    );
    expect(plan.practices[0]?.versions).toEqual([
      { effectiveFrom: '2026-11-20', frequency: { kind: 'times', times: 1, days: 1 } },
    ]);
    expect(plan.practices[0]?.color).toBe('#ff8f00');
    expect(plan.warnings.join()).toMatch(/more than once a day/);
    expect(plan.notMapped.map((n) => n.item).join()).toMatch(/1 entries/);
  });
  it('refuses a CSV export without Habits.csv', () => {
    expect(messageOf(() => planFromLoopCsvZip(new Map(), '2026-11-21'))).toMatch(/no Habits\.csv/);
  });
});

describe('Habitica mapping', () => {
  it("uses the account's time zone offset for history dates", () => {
    const plan = planFromHabitica(
      {
        preferences: { timezoneOffset: 300 }, // UTC−5
        tasks: {
          habits: [
            { id: 'h', text: 'Read', up: true, history: [{ date: Date.parse('2026-11-03T02:00:00Z'), scoredUp: 1 }] },
          ],
        },
      },
      '2026-11-21',
    );
    expect(plan.practices[0]?.checkins.map((c) => c.date)).toEqual(['2026-11-02']);
  });
  it('names the offending path of a wrong shape', () => {
    expect(messageOf(() => planFromHabitica({ tasks: { dailys: [{ id: 3 }] } }, '2026-11-21'))).toMatch(
      /file\.tasks\.dailys\.0\.id/,
    );
  });
});
