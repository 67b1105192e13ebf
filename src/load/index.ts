import { readFile, stat } from 'node:fs/promises';
import { extname } from 'node:path';
import type { Document, SourceFormat } from '../document.js';
import { looksLikeText } from './encoding.js';
import { LoadError } from './errors.js';
import { Zip } from './zip.js';

export { LoadError } from './errors.js';

const ZIP = [0x50, 0x4b, 0x03, 0x04];
const CFB = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const PDF = [0x25, 0x50, 0x44, 0x46]; // %PDF

function startsWith(bytes: Uint8Array, sig: number[]): boolean {
  return sig.every((b, i) => bytes[i] === b);
}

/** Decides the format from the content first and the extension second. */
export function detectFormat(file: string, bytes: Uint8Array): SourceFormat {
  const ext = extname(file).toLowerCase();
  if (startsWith(bytes, PDF)) return 'pdf';
  if (startsWith(bytes, ZIP)) {
    // what the package holds decides: word/document.xml or xl/workbook.xml
    const names = packageNames(bytes);
    const kind = names.some((n) => /^word\//i.test(n)) ? 'docx' : names.some((n) => /^xl\//i.test(n)) ? 'xlsx' : null;
    if (ext === '.docx' && kind === 'xlsx') throw new LoadError('E_WRONG_TYPE', { ext, kind: ext });
    if ((ext === '.xlsx' || ext === '.xlsm') && kind === 'docx') throw new LoadError('E_WRONG_TYPE', { ext: '.xlsx', kind: '.xlsx' });
    if (kind) return kind;
    if (ext === '.docx') return 'docx';
    if (ext === '.xlsx' || ext === '.xlsm' || ext === '') return 'xlsx';
    throw new LoadError('E_UNSUPPORTED', { ext });
  }
  if (startsWith(bytes, CFB)) {
    // An OLE container is either a legacy .xls/.doc or an encrypted OOXML file.
    const head = Buffer.from(bytes).toString('utf16le');
    if (head.includes('EncryptedPackage') || head.includes('EncryptionInfo')) throw new LoadError('E_ENCRYPTED');
    if (ext === '.doc') throw new LoadError('E_UNSUPPORTED', { ext });
    return 'xls';
  }
  const utf16 = (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff);
  if (utf16 || looksLikeText(bytes)) {
    if (ext === '.csv' || ext === '.tsv') return 'csv';
    if (ext === '.txt' || ext === '.md' || ext === '.text' || ext === '') return 'txt';
    if (ext === '.xlsx' || ext === '.xls' || ext === '.docx' || ext === '.pdf') throw new LoadError('E_WRONG_TYPE', { ext, kind: ext });
    return 'txt';
  }
  if (['.xlsx', '.xls', '.docx', '.pdf'].includes(ext)) throw new LoadError('E_WRONG_TYPE', { ext, kind: ext });
  throw new LoadError('E_UNSUPPORTED', { ext });
}

/** Part names of a zip package (empty when its directory cannot be read; the reader reports that). */
function packageNames(bytes: Uint8Array): string[] {
  try {
    return new Zip(bytes).names();
  } catch {
    return [];
  }
}

export async function readInput(file: string): Promise<Uint8Array> {
  let info;
  try {
    info = await stat(file);
  } catch (e) {
    throw new LoadError('E_NOT_FOUND', {}, { cause: e });
  }
  if (info.isDirectory()) throw new LoadError('E_IS_DIRECTORY');
  let bytes: Uint8Array;
  try {
    bytes = await readFile(file);
  } catch (e) {
    throw new LoadError('E_UNREADABLE', { detail: (e as Error).message }, { cause: e });
  }
  if (bytes.length === 0) throw new LoadError('E_EMPTY');
  return bytes;
}

/** load: bytes → Document. Each format's reader is imported only when a file of that format is read. */
export async function loadDocument(file: string, bytes?: Uint8Array): Promise<Document> {
  const data = bytes ?? (await readInput(file));
  if (data.length === 0) throw new LoadError('E_EMPTY');
  const format = detectFormat(file, data);
  switch (format) {
    case 'xlsx':
    case 'xls':
      return (await import('./workbook.js')).loadWorkbook(file, data, format);
    case 'csv':
      return (await import('./workbook.js')).loadCsv(file, data);
    case 'txt':
      return (await import('./text.js')).loadText(file, data);
    case 'pdf':
      return (await import('./pdf.js')).loadPdf(file, data);
    case 'docx':
      return (await import('./docx.js')).loadDocx(file, data);
  }
}
