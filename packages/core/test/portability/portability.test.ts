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
    expect(plan.notMapped).toEqual([
      { item: '"Water": 1 entries', reason: 'dated after today (2026-11-21); a check-in is for a day that has come' },
    ]);
  });
  it('refuses a CSV export without Habits.csv', () => {
    expect(messageOf(() => planFromLoopCsvZip(new Map(), '2026-11-21'))).toMatch(/no Habits\.csv/);
  });

  const files = (entries: Record<string, string>) =>
    new Map(Object.entries(entries).map(([k, v]) => [k, new TextEncoder().encode(v)]));

  // The layout of Loop's exporter (uhabits-core HabitsCSVExporter.kt, HabitList.writeCSV): folders
  // "%03d <name without other characters than letters, digits, space . _ ->", a header row in each
  // Checkmarks.csv, labels for yes/no values, amounts × 1000, all-habit files at the root.
  it("reads Loop's own CSV export layout (newer versions: labels, headers, notes)", () => {
    const plan = planFromLoopCsvZip(
      files({
        'Habits.csv':
          'Position,Name,Type,Question,Description,FrequencyNumerator,FrequencyDenominator,Color,Unit,Target Type,Target Value,Archived?\n' +
          '001,Read: 20 pages!,YES_NO,Did you read?,,3,7,#D32F2F,,,,false\n' +
          '002,Water,NUMERICAL,,,1,1,#00897B,glasses,AT_LEAST,8.0,false\n' +
          '003,☕,YES_NO,,,1,1,#aaaaaa,,,,true\n' +
          '004,Water,YES_NO,,,1,1,#aaaaaa,,,,false\n',
        'Checkmarks.csv': 'Date,Read: 20 pages!,Water,☕,Water,\n2026-11-03,YES_MANUAL,6500,UNKNOWN,UNKNOWN,\n',
        'Scores.csv': 'Date,Read: 20 pages!,Water,☕,Water,\n2026-11-03,0.1000,0.2000,0.0000,0.0000,\n',
        '001 Read 20 pages/Checkmarks.csv':
          'Date,Value,Notes\n2026-11-03,YES_MANUAL,"felt good, really"\n2026-11-02,YES_AUTO,\n2026-11-01,SKIP,\n2026-10-31,NO,\n2026-10-30,UNKNOWN,a note on nothing\n',
        '001 Read 20 pages/Scores.csv': 'Date,Score\n2026-11-03,0.1000\n',
        // 7.5 (a decimal point): not what Loop writes; read as the amount, as hand-made files have it.
        '002 Water/Checkmarks.csv':
          'Date,Value,Notes\n2026-11-03,6500,\n2026-11-02,NO,\n2026-11-01,250,\n2026-10-30,7.5,\n',
        '003/Checkmarks.csv': 'Date,Value,Notes\n2026-11-03,YES_MANUAL,\n',
        '004 Water/Checkmarks.csv':
          'Date,Value,Notes\n2026-11-02,YES_MANUAL,\n2026-11-02,NO,\n2026-11-25,YES_MANUAL,\n2026-13-01,YES_MANUAL,\n',
      }),
      '2026-11-21',
    );
    const [read, water, cup, water2] = plan.practices;
    expect(read).toMatchObject({ name: 'Read: 20 pages!', color: '#d32f2f', kind: 'boolean', archived: false });
    expect(read?.versions[0]?.frequency).toEqual({ kind: 'times', times: 3, days: 7 });
    expect(read?.checkins).toEqual([
      { date: '2026-11-01', status: 'skipped', value: null, note: null },
      { date: '2026-11-03', status: 'done', value: null, note: 'felt good, really' },
    ]);
    expect(water).toMatchObject({ kind: 'measurable', unit: 'glasses', target: 8, targetType: 'atLeast' });
    expect(water?.checkins.map((c) => [c.date, c.value])).toEqual([
      ['2026-10-30', 7.5],
      ['2026-11-01', 0.25],
      ['2026-11-03', 6.5],
    ]);
    expect(cup).toMatchObject({ name: '☕', archived: true });
    expect(cup?.checkins.map((c) => c.date)).toEqual(['2026-11-03']);
    // A second habit of the same name is kept, told apart by its position.
    expect(water2?.external).toEqual({ source: 'loop', id: 'csv:Water#004' });
    expect(water2?.checkins.map((c) => c.date)).toEqual(['2026-11-02']);
    expect(plan.practices).toHaveLength(4);
    expect(plan.notMapped.map((n) => n.item).join()).toMatch(/"Read: 20 pages!": 3 computed or empty days/);
    // Each row left out is named with its own reason: a date to come, a repeated date, an unreadable one.
    expect(plan.notMapped.filter((n) => n.item.startsWith('"Water": 1 rows'))).toEqual([
      { item: '"Water": 1 rows of Checkmarks.csv', reason: 'unreadable date or value' },
      {
        item: '"Water": 1 rows of Checkmarks.csv',
        reason: 'dated after today (2026-11-21); a check-in is for a day that has come',
      },
      {
        item: '"Water": 1 rows of Checkmarks.csv',
        reason: 'a date already listed; a practice has one check-in a day, so the first row was kept',
      },
    ]);
  });

  it('reads older exports: no header in Checkmarks.csv, numbers for values, amounts × 1000', () => {
    const plan = planFromLoopCsvZip(
      files({
        'Loop Habits CSV 2020-01-01/Habits.csv':
          'Position,Name,Description,NumRepetitions,Interval,Color\n001,Run,,1,1,#388E3C\n002,Steps,,1,1,#388E3C\n',
        'Loop Habits CSV 2020-01-01/Checkmarks.csv': 'Date,Run,Steps,\n2019-12-31,2,1,\n',
        'Loop Habits CSV 2020-01-01/001 Run/Checkmarks.csv': '2019-12-31,2\n2019-12-30,1\n2019-12-29,0\n2019-12-28,3\n',
        'Loop Habits CSV 2020-01-01/001 Run/Scores.csv': '2019-12-31,0.0520\n',
        'Loop Habits CSV 2020-01-01/002 Steps/Checkmarks.csv': '2019-12-31,2\n',
      }),
      '2026-11-21',
    );
    expect(plan.practices[0]?.checkins.map((c) => [c.date, c.status])).toEqual([
      ['2019-12-28', 'skipped'],
      ['2019-12-31', 'done'],
    ]);
    // No Type column: yes/no; "2" is YES_MANUAL.
    expect(plan.practices[1]?.kind).toBe('boolean');
    expect(plan.practices[1]?.checkins).toHaveLength(1);
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
