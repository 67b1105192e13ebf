import chardet from 'chardet';
import iconv from 'iconv-lite';

/**
 * Decodes text bytes: UTF-8 (with or without BOM), UTF-16 with BOM, otherwise GB18030
 * (a superset of GBK and GB2312) or whatever chardet recognizes with confidence.
 */
export function decodeText(bytes: Uint8Array): { text: string; encoding: string } {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (buf.length >= 3 && buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) {
    return { text: buf.subarray(3).toString('utf8'), encoding: 'UTF-8' };
  }
  if (buf.length >= 2 && buf[0] === 0xff && buf[1] === 0xfe) return { text: iconv.decode(buf.subarray(2), 'utf16le'), encoding: 'UTF-16LE' };
  if (buf.length >= 2 && buf[0] === 0xfe && buf[1] === 0xff) return { text: iconv.decode(buf.subarray(2), 'utf16be'), encoding: 'UTF-16BE' };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(buf), encoding: 'UTF-8' };
  } catch {
    // not UTF-8: fall through to detection
  }
  const guess = chardet.analyse(buf).find((c) => iconv.encodingExists(c.name) && /GB|Big5|UTF-16|EUC|Shift_JIS/i.test(c.name));
  const encoding = guess && !/^GB/i.test(guess.name) && guess.confidence >= 50 ? guess.name : 'GB18030';
  return { text: iconv.decode(buf, encoding), encoding };
}

/** True when the bytes look like text rather than binary data. */
export function looksLikeText(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, 4096);
  let control = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i];
    if (b === 0) return false;
    if (b < 9 || (b > 13 && b < 32)) control++;
  }
  return control <= n / 100;
}
