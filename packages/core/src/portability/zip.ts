import { invalid } from '../errors.ts';

/**
 * A small, strict ZIP reader for the archives Tack imports (Loop Habit Tracker's CSV export): stored
 * (method 0) and deflated (method 8) entries, no encryption, no ZIP64, no multi-disk archives.
 * Pure: the raw-deflate decoder is passed in (node:zlib's inflateRawSync on the server).
 * Every entry's size and CRC-32 are checked; anything corrupt, truncated or unsupported is a
 * VALIDATION_FAILED error naming what is wrong.
 */

export type InflateRaw = (data: Uint8Array, maxOutput: number) => Uint8Array;

const EOCD_SIG = 0x06054b50;
const CENTRAL_SIG = 0x02014b50;
const LOCAL_SIG = 0x04034b50;
const MAX_ENTRIES = 10_000;

let crcTable: Uint32Array | undefined;

export function crc32(data: Uint8Array): number {
  if (!crcTable) {
    crcTable = new Uint32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      crcTable[n] = c >>> 0;
    }
  }
  let crc = 0xffffffff;
  for (let i = 0; i < data.length; i++) crc = crcTable[(crc ^ data[i]!) & 0xff]! ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

export function isZip(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

const bad = (message: string) => invalid('file', `not a readable ZIP archive: ${message}`);

/** The archive's files by path ("Habits.csv", "001 Read/Checkmarks.csv"); folders are left out. */
export function readZip(bytes: Uint8Array, inflateRaw: InflateRaw, maxTotal: number): Map<string, Uint8Array> {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const u16 = (at: number) => {
    if (at + 2 > bytes.length) throw bad('truncated');
    return view.getUint16(at, true);
  };
  const u32 = (at: number) => {
    if (at + 4 > bytes.length) throw bad('truncated');
    return view.getUint32(at, true);
  };
  // End of central directory: the last 22 bytes plus an optional comment of up to 65535 bytes.
  let eocd = -1;
  for (let i = bytes.length - 22; i >= 0 && i >= bytes.length - 22 - 0xffff; i--) {
    if (view.getUint32(i, true) === EOCD_SIG) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw bad('no end-of-archive record (the file is truncated or not a ZIP)');
  if (u16(eocd + 4) !== 0 || u16(eocd + 6) !== 0) throw bad('multi-disk archives are not supported');
  const count = u16(eocd + 10);
  const dirSize = u32(eocd + 12);
  const dirOffset = u32(eocd + 16);
  if (count === 0xffff || dirOffset === 0xffffffff) throw bad('ZIP64 archives are not supported');
  if (count > MAX_ENTRIES) throw bad(`more than ${MAX_ENTRIES} entries`);
  if (dirOffset + dirSize > eocd) throw bad('the central directory lies outside the file (truncated?)');

  const files = new Map<string, Uint8Array>();
  const decoder = new TextDecoder('utf-8', { fatal: false });
  let total = 0;
  let at = dirOffset;
  for (let n = 0; n < count; n++) {
    if (u32(at) !== CENTRAL_SIG) throw bad(`central directory entry ${n + 1} is damaged`);
    const flags = u16(at + 8);
    const method = u16(at + 10);
    const crc = u32(at + 16);
    const compressedSize = u32(at + 20);
    const size = u32(at + 24);
    const nameLength = u16(at + 28);
    const extraLength = u16(at + 30);
    const commentLength = u16(at + 32);
    const localOffset = u32(at + 42);
    if (at + 46 + nameLength > bytes.length) throw bad('truncated');
    const name = decoder.decode(bytes.subarray(at + 46, at + 46 + nameLength));
    at += 46 + nameLength + extraLength + commentLength;
    if (flags & 0x1) throw bad(`"${name}" is encrypted`);
    if (name.endsWith('/')) continue;
    if (name.includes('..') || name.startsWith('/')) throw bad(`unsafe entry name "${name}"`);
    if (u32(localOffset) !== LOCAL_SIG) throw bad(`the data of "${name}" is missing (truncated?)`);
    const dataStart = localOffset + 30 + u16(localOffset + 26) + u16(localOffset + 28);
    if (dataStart + compressedSize > dirOffset) throw bad(`the data of "${name}" is truncated`);
    const raw = bytes.subarray(dataStart, dataStart + compressedSize);
    total += size;
    if (total > maxTotal) throw bad(`it unpacks to more than ${Math.round(maxTotal / 1024 / 1024)} MB`);
    let data: Uint8Array;
    if (method === 0) data = raw;
    else if (method === 8) {
      try {
        data = inflateRaw(raw, size + 1);
      } catch {
        throw bad(`"${name}" does not decompress (corrupt data)`);
      }
    } else throw bad(`"${name}" uses compression method ${method}; only stored and deflate are supported`);
    if (data.length !== size) throw bad(`"${name}" has the wrong size (corrupt data)`);
    if (crc32(data) !== crc) throw bad(`"${name}" fails its checksum (corrupt data)`);
    files.set(name, data);
  }
  return files;
}
