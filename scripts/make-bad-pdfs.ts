/**
 * Writes the PDF inputs the loader must refuse (npx tsx scripts/make-bad-pdfs.ts):
 *
 *   fixtures/bad/scan.pdf       a valid PDF whose page is only an image (a scan: no text layer) → E_NO_TEXT
 *   fixtures/bad/encrypted.pdf  a text PDF with a user password (needs qpdf)                   → E_ENCRYPTED
 *   fixtures/bad/truncated.pdf  the first half of a text PDF                                   → E_CORRUPT
 *
 * Also exports `makePdf`, a minimal PDF writer the tests use to lay out text exactly: every
 * string is drawn with one Type0 font whose codes are the characters' Unicode values (a
 * ToUnicode map makes them extractable; no font program is embedded, so no glyphs are drawn —
 * text extraction does not need them).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { deflateSync } from 'node:zlib';
import iconv from 'iconv-lite';

export interface PdfText {
  /** Left end of the baseline, in points from the page's lower left corner. */
  x: number;
  y: number;
  size: number;
  text: string;
}

export interface PdfPage {
  /** Default A4 landscape, 842 × 595. */
  width?: number;
  height?: number;
  texts?: PdfText[];
  /** Draw a grey image over the page (what a scanner produces). */
  image?: boolean;
}

export interface PdfOptions {
  /**
   * identity (default): codes are UTF-16 units, with a ToUnicode map. gbk: codes are GBK bytes
   * under the predefined CMap GBK-EUC-H and no ToUnicode map, as in many Chinese PDFs: text
   * extraction then needs pdf.js's CMap files.
   */
  encoding?: 'identity' | 'gbk';
}

/** Writes a PDF with the given pages. Widths: ½ em for ASCII, 1 em for everything else. */
export function makePdf(pages: PdfPage[], options: PdfOptions = {}): Uint8Array {
  const gbk = options.encoding === 'gbk';
  const objects: (string | Buffer)[] = [];
  const add = (body: string | Buffer) => {
    objects.push(body);
    return objects.length;
  };
  const stream = (dict: string, data: Buffer) => Buffer.concat([Buffer.from(`<< ${dict} /Length ${data.length} >>\nstream\n`, 'latin1'), data, Buffer.from('\nendstream', 'latin1')]);
  const catalog = add('');
  const pagesObj = add('');
  // ToUnicode: code = UTF-16 unit, 256 ranges of 256 codes (at most 100 per block)
  const ranges: string[] = [];
  for (let hi = 0; hi < 256; hi++) {
    const h = hi.toString(16).padStart(2, '0');
    ranges.push(`<${h}00> <${h}ff> <${h}00>`);
  }
  let cmap =
    '/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n' +
    '/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n1 begincodespacerange\n<0000> <ffff>\nendcodespacerange\n';
  for (let i = 0; i < ranges.length; i += 100) {
    const part = ranges.slice(i, i + 100);
    cmap += `${part.length} beginbfrange\n${part.join('\n')}\nendbfrange\n`;
  }
  cmap += 'endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n';
  const toUnicode = add(stream('', Buffer.from(cmap, 'latin1')));
  const descriptor = add('<< /Type /FontDescriptor /FontName /TestSans /Flags 4 /FontBBox [0 -120 1000 880] /ItalicAngle 0 /Ascent 880 /Descent -120 /CapHeight 700 /StemV 80 >>');
  const cidFont = add(
    gbk
      ? `<< /Type /Font /Subtype /CIDFontType0 /BaseFont /STSong-Light /CIDSystemInfo << /Registry (Adobe) /Ordering (GB1) /Supplement 4 >> /FontDescriptor ${descriptor} 0 R /DW 1000 /W [1 95 500] >>`
      : `<< /Type /Font /Subtype /CIDFontType2 /BaseFont /TestSans /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> /FontDescriptor ${descriptor} 0 R /DW 1000 /W [32 126 500] /CIDToGIDMap /Identity >>`,
  );
  const font = add(
    gbk
      ? `<< /Type /Font /Subtype /Type0 /BaseFont /STSong-Light /Encoding /GBK-EUC-H /DescendantFonts [${cidFont} 0 R] >>`
      : `<< /Type /Font /Subtype /Type0 /BaseFont /TestSans /Encoding /Identity-H /DescendantFonts [${cidFont} 0 R] /ToUnicode ${toUnicode} 0 R >>`,
  );
  const kids: number[] = [];
  for (const p of pages) {
    const w = p.width ?? 842;
    const h = p.height ?? 595;
    let content = '';
    let resources = `/Font << /F1 ${font} 0 R >>`;
    if (p.image) {
      // 64 × 64 grey noise, like a scanned page
      const px = Buffer.alloc(64 * 64);
      for (let i = 0; i < px.length; i++) px[i] = 128 + ((i * 7919) % 97);
      const img = add(stream('/Type /XObject /Subtype /Image /Width 64 /Height 64 /ColorSpace /DeviceGray /BitsPerComponent 8 /Filter /FlateDecode', deflateSync(px)));
      resources += ` /XObject << /Im1 ${img} 0 R >>`;
      content += `q ${w} 0 0 ${h} 0 0 cm /Im1 Do Q\n`;
    }
    for (const t of p.texts ?? []) {
      let hex = '';
      if (gbk) hex = Buffer.from(iconv.encode(t.text, 'gbk')).toString('hex');
      else
        for (const ch of t.text) {
          const code = ch.codePointAt(0)!;
          hex += (code > 0xffff ? 0x3f : code).toString(16).padStart(4, '0');
        }
      content += `BT /F1 ${t.size} Tf 1 0 0 1 ${t.x} ${t.y} Tm <${hex}> Tj ET\n`;
    }
    const contents = add(stream('/Filter /FlateDecode', deflateSync(Buffer.from(content, 'latin1'))));
    kids.push(add(`<< /Type /Page /Parent ${pagesObj} 0 R /MediaBox [0 0 ${w} ${h}] /Resources << ${resources} >> /Contents ${contents} 0 R >>`));
  }
  objects[catalog - 1] = `<< /Type /Catalog /Pages ${pagesObj} 0 R >>`;
  objects[pagesObj - 1] = `<< /Type /Pages /Kids [${kids.map((k) => `${k} 0 R`).join(' ')}] /Count ${kids.length} >>`;
  const parts: Buffer[] = [Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n', 'latin1')];
  let offset = parts[0].length;
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    const buf = Buffer.concat([Buffer.from(`${i + 1} 0 obj\n`, 'latin1'), typeof body === 'string' ? Buffer.from(body, 'latin1') : body, Buffer.from('\nendobj\n', 'latin1')]);
    offsets.push(offset);
    parts.push(buf);
    offset += buf.length;
  });
  let xref = `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const o of offsets) xref += `${String(o).padStart(10, '0')} 00000 n \n`;
  xref += `trailer\n<< /Size ${objects.length + 1} /Root ${catalog} 0 R >>\nstartxref\n${offset}\n%%EOF\n`;
  parts.push(Buffer.from(xref, 'latin1'));
  return new Uint8Array(Buffer.concat(parts));
}

/** A one-page text PDF: a title and a few lines of running text. */
export function samplePdf(): Uint8Array {
  const lines = ['2025年单位预算编制说明', '2025年，某单位收入预算100.00万元，其中：财政拨款收入100.00万元。', '支出预算100.00万元。'];
  return makePdf([{ texts: lines.map((text, i) => ({ x: 60, y: 520 - 24 * i, size: i === 0 ? 18 : 12, text })) }]);
}

function main(): void {
  const dir = fileURLToPath(new URL('../fixtures/bad/', import.meta.url));
  writeFileSync(join(dir, 'scan.pdf'), makePdf([{ image: true }]));
  const text = samplePdf();
  writeFileSync(join(dir, 'truncated.pdf'), text.subarray(0, Math.floor(text.length / 2)));
  const tmp = mkdtempSync(join(tmpdir(), 'bad-pdfs-'));
  try {
    const plain = join(tmp, 'plain.pdf');
    writeFileSync(plain, text);
    const out = join(tmp, 'encrypted.pdf');
    // fixed ID and IV (qpdf testing options) so that reruns change as little as possible
    execFileSync('qpdf', ['--static-id', '--static-aes-iv', '--encrypt', 'user-password', 'owner-password', '256', '--', plain, out]);
    writeFileSync(join(dir, 'encrypted.pdf'), readFileSync(out));
  } catch (e) {
    process.stderr.write(`encrypted.pdf not written (qpdf is needed: apt-get install qpdf): ${(e as Error).message}\n`);
    process.exitCode = 1;
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) main();
