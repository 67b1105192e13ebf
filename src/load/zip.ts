/**
 * A minimal, defensive zip reader for OOXML packages (.docx, .xlsx). Only the records' fixed
 * fields are read here (APPNOTE.TXT: end of central directory 4.3.16, central directory 4.3.12,
 * local file header 4.3.7); node:zlib inflates and the CRC of every part is checked, so a
 * truncated or damaged file is rejected instead of reaching a reader that might hang on it.
 */
import zlib from 'node:zlib';
import { LoadError } from './errors.js';

// The package (APPNOTE.TXT: end of central directory 4.3.16, central directory 4.3.12, local
// file header 4.3.7). Only the records' fixed fields are read here; node:zlib inflates.

interface ZipEntry {
  name: string;
  flags: number;
  method: number;
  crc: number;
  compressedSize: number;
  size: number;
  offset: number;
}

/** Parts larger than this are not read (a zip bomb, not a budget disclosure). */
const MAX_PART = 512 * 1024 * 1024;

export class Zip {
  private readonly view: DataView;
  private readonly entries = new Map<string, ZipEntry>();

  constructor(
    private readonly bytes: Uint8Array,
    private readonly corrupt: (detail: string) => LoadError = (detail) => new LoadError('E_CORRUPT', { detail }),
  ) {
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const n = bytes.length;
    let eocd = -1;
    for (let i = n - 22; i >= Math.max(0, n - 22 - 0xffff); i--) {
      if (this.u32(i) === 0x06054b50) {
        eocd = i;
        break;
      }
    }
    if (eocd < 0) throw this.corrupt('no end of central directory record: not a zip file, or truncated');
    const count = this.u16(eocd + 10);
    const size = this.u32(eocd + 12);
    const start = this.u32(eocd + 16);
    if (count === 0xffff || start === 0xffffffff) throw this.corrupt('ZIP64 archive');
    if (start + size > eocd) throw this.corrupt('central directory out of bounds');
    let p = start;
    for (let i = 0; i < count; i++) {
      if (p + 46 > start + size || this.u32(p) !== 0x02014b50) throw this.corrupt('bad central directory entry');
      const nameLength = this.u16(p + 28);
      const next = p + 46 + nameLength + this.u16(p + 30) + this.u16(p + 32);
      if (next > start + size) throw this.corrupt('bad central directory entry');
      const name = new TextDecoder().decode(bytes.subarray(p + 46, p + 46 + nameLength)).replace(/\\/g, '/');
      const entry: ZipEntry = {
        name,
        flags: this.u16(p + 8),
        method: this.u16(p + 10),
        crc: this.u32(p + 16),
        compressedSize: this.u32(p + 20),
        size: this.u32(p + 24),
        offset: this.u32(p + 42),
      };
      // part names are compared case-insensitively (OPC, ECMA-376 Part 2, 6.2.2.3)
      this.entries.set(name.toLowerCase(), entry);
      p = next;
    }
  }

  private u16(at: number): number {
    if (at < 0 || at + 2 > this.bytes.length) throw this.corrupt('unexpected end of file');
    return this.view.getUint16(at, true);
  }

  private u32(at: number): number {
    if (at < 0 || at + 4 > this.bytes.length) throw this.corrupt('unexpected end of file');
    return this.view.getUint32(at, true);
  }

  /** The bytes of a part, or null when the package has no such part. */
  read(path: string): Uint8Array | null {
    const entry = this.entries.get(path.replace(/^\/+/, '').toLowerCase());
    if (!entry) return null;
    if (entry.size > MAX_PART) throw this.corrupt(`${entry.name} is too large`);
    if (this.u32(entry.offset) !== 0x04034b50) throw this.corrupt(`bad local header for ${entry.name}`);
    // an encrypted entry says so in both headers; a flag in one only is damage
    if (entry.flags & 1) throw (this.u16(entry.offset + 6) & 1 ? new LoadError('E_ENCRYPTED') : this.corrupt(`bad flags for ${entry.name}`));
    const from = entry.offset + 30 + this.u16(entry.offset + 26) + this.u16(entry.offset + 28);
    const to = from + entry.compressedSize;
    if (to > this.bytes.length) throw this.corrupt(`${entry.name} is truncated`);
    const raw = this.bytes.subarray(from, to);
    let data: Uint8Array;
    if (entry.method === 0) data = raw;
    else if (entry.method === 8) {
      try {
        data = entry.size === 0 ? new Uint8Array(0) : zlib.inflateRawSync(raw, { maxOutputLength: entry.size });
      } catch (e) {
        throw this.corrupt(`${entry.name}: ${(e as Error).message}`);
      }
    }
    else throw this.corrupt(`${entry.name}: compression method ${entry.method}`);
    if (data.length !== entry.size) throw this.corrupt(`${entry.name}: wrong size`);
    // zlib.crc32 exists from Node 20.15 on
    if (typeof zlib.crc32 === 'function' && zlib.crc32(data) >>> 0 !== entry.crc >>> 0) throw this.corrupt(`${entry.name}: bad CRC`);
    return data;
  }

  /** The names of the parts. */
  names(): string[] {
    return [...this.entries.values()].map((e) => e.name);
  }

  /** Reads every part once: a damaged or truncated package fails here, before any other reader sees it. */
  verify(): void {
    for (const e of this.entries.values()) if (!e.name.endsWith('/')) this.read(e.name);
  }
}
