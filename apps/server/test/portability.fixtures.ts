// Builders for the files the portability tests import: Loop backups (real SQLite files with Loop's
// table layout), ZIP archives (a small writer) and Habitica exports.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deflateRawSync } from 'node:zlib';
import { crc32 } from '@tack/core';
import SQLite from 'better-sqlite3';

export interface LoopHabit {
  id: number;
  name: string;
  question?: string;
  description?: string;
  freqNum?: number;
  freqDen?: number;
  type?: 0 | 1;
  targetType?: 0 | 1;
  targetValue?: number;
  unit?: string;
  archived?: 0 | 1;
  position: number;
  color?: number;
  uuid: string;
}

export interface LoopRep {
  habit: number;
  date: string;
  value: number;
  notes?: string;
}

export const dayMs = (date: string) => Date.parse(`${date}T00:00:00Z`);

/** A Loop Habit Tracker backup (schema version 24 by default) as bytes. */
export function loopBackup(habits: LoopHabit[], reps: LoopRep[], userVersion = 24): Buffer {
  const dir = mkdtempSync(join(tmpdir(), 'loop-fixture-'));
  const file = join(dir, 'Loop Habits Backup.db');
  try {
    const db = new SQLite(file);
    db.exec(`
      CREATE TABLE Habits (id integer primary key autoincrement, archived integer, color integer, description text,
        freq_den integer, freq_num integer, highlight integer, name text, position integer, reminder_hour integer,
        reminder_min integer, reminder_days integer not null default 127, type integer not null default 0,
        target_type integer not null default 0, target_value real not null default 0, unit text not null default "",
        question text, uuid text);
      CREATE TABLE Repetitions (id integer primary key autoincrement, habit integer not null references habits(id),
        timestamp integer not null, value integer not null, notes text);
      CREATE UNIQUE INDEX idx_repetitions_habit_timestamp on Repetitions(habit, timestamp);
    `);
    db.pragma(`user_version = ${userVersion}`);
    const insertHabit = db.prepare(
      `INSERT INTO Habits (id, archived, color, description, freq_den, freq_num, highlight, name, position, type,
         target_type, target_value, unit, question, uuid) VALUES (?, ?, ?, ?, ?, ?, 0, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    const insertRep = db.prepare('INSERT INTO Repetitions (habit, timestamp, value, notes) VALUES (?, ?, ?, ?)');
    db.transaction(() => {
      for (const h of habits) {
        insertHabit.run(
          h.id,
          h.archived ?? 0,
          h.color ?? 0,
          h.description ?? '',
          h.freqDen ?? 1,
          h.freqNum ?? 1,
          h.name,
          h.position,
          h.type ?? 0,
          h.targetType ?? 0,
          h.targetValue ?? 0,
          h.unit ?? '',
          h.question ?? '',
          h.uuid,
        );
      }
      for (const r of reps) insertRep.run(r.habit, dayMs(r.date), r.value, r.notes ?? null);
    })();
    db.close();
    return readFileSync(file);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** A ZIP archive (stored or deflated entries) with correct sizes and CRC-32s. */
export function zip(files: Record<string, string | Uint8Array>, deflate = true): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [name, content] of Object.entries(files)) {
    const data = typeof content === 'string' ? Buffer.from(content, 'utf8') : Buffer.from(content);
    const packed = deflate ? deflateRawSync(data) : data;
    const nameBytes = Buffer.from(name, 'utf8');
    const crc = crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6);
    local.writeUInt16LE(deflate ? 8 : 0, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(packed.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(deflate ? 8 : 0, 10);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(packed.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(nameBytes.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, nameBytes, packed);
    centrals.push(central, nameBytes);
    offset += 30 + nameBytes.length + packed.length;
  }
  const dir = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(Object.keys(files).length, 8);
  end.writeUInt16LE(Object.keys(files).length, 10);
  end.writeUInt32LE(dir.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, dir, end]);
}

/** Consecutive dates from `from`, `n` of them. */
export function days(from: string, n: number): string[] {
  const start = dayMs(from);
  return Array.from({ length: n }, (_, i) => new Date(start + i * 86_400_000).toISOString().slice(0, 10));
}
