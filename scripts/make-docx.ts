/**
 * Generates the .docx fixtures from the committed text disclosures.
 *
 *   npm run fixtures:docx        (npx tsx scripts/make-docx.ts)
 *
 * Source convention (the same as fixtures/wuerhe-2022/disclosure.txt and src/load/text.ts;
 * trailing whitespace of a line is ignored):
 *   - a line containing tabs is a table row, its cells the tab fields; consecutive tab lines are
 *     one Word table (as wide as its widest row); a blank line between tab lines ends the table;
 *   - any other non-blank line is a paragraph; "第一部分"…"第四部分" lines and short "一、"…"十、"
 *     lines after the table of contents are styled as headings;
 *   - a run of blank lines is one empty paragraph (a visible gap, as in the published documents,
 *     and needed anyway between two tables, which Word would otherwise join).
 *
 * Outputs (committed):
 *   - fixtures/<set>/disclosure.docx: the whole disclosure, its tables as real Word tables;
 *   - fixtures/<set>/budget.docx: the narrative only — the disclosure without the section that
 *     holds the nine tables (from the second "第二部分 …单位预算公开表" line, the first being the
 *     table of contents, up to the "第三部分 …单位预算情况说明" line after it);
 *   for <set> = wuerhe-2022 and wuerhe-2022-clean (skipped with a message while its
 *   disclosure.txt does not exist);
 *   - fixtures/bad/truncated.docx: the first half of fixtures/wuerhe-2022/disclosure.docx.
 *
 * The files are byte-for-byte reproducible. The docx package has no option for the document's
 * dates: it stamps docProps/core.xml (dcterms:created/modified) and every zip entry with
 * `new Date()`. So the clock is pinned to a fixed instant while a document is built and packed
 * (zip entry times are written in UTC, so the time zone does not matter either).
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Document, HeadingLevel, Packer, Paragraph, Table, TableCell, TableRow, WidthType } from 'docx';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const FIXTURES = join(ROOT, 'fixtures');

/** The instant written as the documents' creation and modification time. */
const FIXED_TIME = '2022-02-01T00:00:00.000Z';

type Block =
  | { kind: 'paragraph'; text: string; heading?: 1 | 2 }
  | { kind: 'table'; rows: string[][] }
  | { kind: 'gap' };

/** Text source → blocks, following the convention above. */
function parseSource(text: string): Block[] {
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
  const blocks: Block[] = [];
  // headings only after the table of contents, whose entries repeat the heading texts
  const firstParts = lines.map((l, i) => (/^第一部分/.test(l.trim()) ? i : -1)).filter((i) => i >= 0);
  const bodyStart = firstParts.length > 1 ? firstParts[1] : (firstParts[0] ?? 0);
  let table: string[][] | null = null;
  lines.forEach((raw, i) => {
    const line = raw.replace(/\s+$/, '');
    if (line.trim() === '') {
      table = null;
      if (blocks.length > 0 && blocks[blocks.length - 1].kind !== 'gap') blocks.push({ kind: 'gap' });
      return;
    }
    if (line.includes('\t')) {
      if (!table) {
        table = [];
        blocks.push({ kind: 'table', rows: table });
      }
      table.push(line.split('\t').map((f) => f.trim()));
      return;
    }
    table = null;
    const t = line.trim();
    let heading: 1 | 2 | undefined;
    if (i >= bodyStart) {
      if (/^第[一二三四]部分/.test(t)) heading = 1;
      else if (/^(十|[一二三四五六七八九])、/.test(t) && t.length <= 60 && !/[：:。；]/.test(t)) heading = 2;
    }
    blocks.push(heading ? { kind: 'paragraph', text: line, heading } : { kind: 'paragraph', text: line });
  });
  while (blocks.length > 0 && blocks[blocks.length - 1].kind === 'gap') blocks.pop();
  return blocks;
}

/** The source without the section holding the tables (see the header comment). */
function narrativeOnly(text: string, source: string): string {
  const lines = text.split('\n');
  const starts = lines.map((l, i) => (/^第二部分\s*\d{4}年.*预算公开表$/.test(l.trim()) ? i : -1)).filter((i) => i >= 0);
  if (starts.length < 2) throw new Error(`${source}: the tables section (second "第二部分 …预算公开表" line) was not found`);
  const start = starts[1];
  const end = lines.findIndex((l, i) => i > start && /^第三部分\s*\d{4}年.*预算情况说明$/.test(l.trim()));
  if (end < 0) throw new Error(`${source}: no "第三部分 …预算情况说明" line after the tables section`);
  return [...lines.slice(0, start), ...lines.slice(end)].join('\n');
}

function docxTable(rows: string[][]): Table {
  const width = Math.max(...rows.map((r) => r.length));
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    columnWidths: Array.from({ length: width }, () => Math.floor(9000 / width)),
    rows: rows.map(
      (r) =>
        new TableRow({
          children: Array.from({ length: width }, (_, c) => {
            const text = r[c] ?? '';
            return new TableCell({ children: [text === '' ? new Paragraph({}) : new Paragraph(text)] });
          }),
        }),
    ),
  });
}

function docxDocument(blocks: Block[], title: string, source: string): Document {
  const children: (Paragraph | Table)[] = blocks.map((b) => {
    if (b.kind === 'table') return docxTable(b.rows);
    if (b.kind === 'gap') return new Paragraph({});
    return b.heading ? new Paragraph({ text: b.text, heading: b.heading === 1 ? HeadingLevel.HEADING_1 : HeadingLevel.HEADING_2 }) : new Paragraph(b.text);
  });
  // the body must end with a paragraph
  if (blocks.length === 0 || blocks[blocks.length - 1].kind === 'table') children.push(new Paragraph({}));
  return new Document({
    creator: 'budget-check',
    lastModifiedBy: 'budget-check',
    title,
    description: `Generated by scripts/make-docx.ts from ${source}`,
    revision: 1,
    sections: [{ children }],
  });
}

/** Runs `build` with `new Date()` and `Date.now()` answering `iso`. */
async function atFixedTime<T>(iso: string, build: () => Promise<T>): Promise<T> {
  const RealDate = globalThis.Date;
  const fixed = RealDate.parse(iso);
  class FixedDate extends RealDate {
    constructor(...args: unknown[]) {
      if (args.length === 0) super(fixed);
      else super(...(args as [number]));
    }
    static override now(): number {
      return fixed;
    }
  }
  globalThis.Date = FixedDate as DateConstructor;
  try {
    return await build();
  } finally {
    globalThis.Date = RealDate;
  }
}

async function makeDocx(text: string, title: string, source: string): Promise<Buffer> {
  return atFixedTime(FIXED_TIME, () => Packer.toBuffer(docxDocument(parseSource(text), title, source)));
}

function write(file: string, data: Buffer): void {
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, data);
  const sha = createHash('sha256').update(data).digest('hex');
  console.log(`${sha.slice(0, 16)}  ${relative(ROOT, file)}`);
}

async function main(): Promise<void> {
  for (const set of ['wuerhe-2022', 'wuerhe-2022-clean']) {
    const src = join(FIXTURES, set, 'disclosure.txt');
    const source = relative(ROOT, src);
    if (!existsSync(src)) {
      console.log(`skipped ${set}: ${source} does not exist`);
      continue;
    }
    const text = readFileSync(src, 'utf8').replace(/\r\n?/g, '\n');
    const title = text.split('\n').map((l) => l.trim()).filter((l) => l !== '').slice(0, 2).join(' ');
    write(join(FIXTURES, set, 'disclosure.docx'), await makeDocx(text, title, source));
    write(join(FIXTURES, set, 'budget.docx'), await makeDocx(narrativeOnly(text, source), title, source));
  }
  // a download cut short: the first half of a real document
  const whole = readFileSync(join(FIXTURES, 'wuerhe-2022/disclosure.docx'));
  write(join(FIXTURES, 'bad/truncated.docx'), whole.subarray(0, Math.floor(whole.length / 2)));
}

await main();
