/**
 * --format html: one self-contained page (inline CSS, no script, no external reference) that
 * draws every table as it was found in the source (FileReport.views), marks each cell a finding
 * points at, and lists each table's findings under it with links to the marked cells. Findings
 * not tied to a drawn cell are listed for the whole file. Every text is escaped.
 *
 * A finding location points at a drawn cell when it names the same sheet and cell (a cell merged
 * into another points at the merged cell), the same page and line (and column, if given), the
 * same line of a text file, the same docx table row/column, or the same paragraph.
 */
import type { Location } from '../document.js';
import type { Lang } from '../messages.js';
import type { Finding, Severity } from '../rules/types.js';
import { SEVERITY_RANK, WORDS, escapeXml, fileHeading, severityWord, summaryText, valuesText, where } from './common.js';
import type { FileReport, Report, TableView } from './types.js';

export interface HtmlOptions {
  lang: Lang;
}

const esc = escapeXml;

interface DrawnCell {
  id: string;
  at: Location;
  /** Rule ids and severities of the findings pointing here. */
  rules: Set<string>;
  worst?: Severity;
  notes: string[];
}

interface ViewModel {
  view: TableView;
  /** Id of the table's section; cell ids extend it. */
  id: string;
  /** Anchor cell per drawn cell (covered cells map to the cell that covers them). */
  grid: (DrawnCell | null)[][];
  findings: Listed[];
}

export function formatHtml(report: Report, opts: HtmlOptions): string {
  const lang = opts.lang;
  const w = WORDS[lang];
  const body = report.files.map((f, i) => fileSection(f, i + 1, lang)).join('\n');
  const status = report.summary.errors > 0 || report.files.some((f) => f.error) ? 'bad' : report.summary.warnings > 0 ? 'warn' : 'ok';
  return `<!DOCTYPE html>
<html lang="${lang === 'zh' ? 'zh-CN' : 'en'}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="budget-check ${esc(report.tool.version)}">
<title>${esc(w.title)}</title>
<style>${CSS}</style>
</head>
<body>
<header>
<h1>${esc(w.title)}</h1>
<p class="summary status-${status}">${esc(summaryText(report, lang))}</p>
${report.files.length > 1 ? `<nav><ol>${report.files.map((f, i) => `<li><a href="#f${i + 1}">${esc(f.file)}</a></li>`).join('')}</ol></nav>` : ''}
</header>
<main>
${body}
</main>
<footer>budget-check ${esc(report.tool.version)}</footer>
</body>
</html>
`;
}

function fileSection(f: FileReport, n: number, lang: Lang): string {
  const w = WORDS[lang];
  const out = [`<section class="file" id="f${n}">`, `<h2>${esc(f.file)}</h2>`];
  const head = fileHeading(f, lang);
  if (head) out.push(`<p class="meta">${esc(head)}</p>`);
  if (f.error) {
    out.push(`<p class="file-error">${esc(w.unreadable)}${lang === 'zh' ? '：' : ': '}${esc(f.error.message)} <code>${esc(f.error.code)}</code></p>`, '</section>');
    return out.join('\n');
  }
  const counts = { error: 0, warning: 0, info: 0 };
  for (const x of f.findings) counts[x.severity]++;
  out.push(
    `<p class="file-summary">${esc(f.findings.length === 0 ? w.none : w.problems(f.findings.length, counts.error, counts.warning, counts.info))}</p>`,
  );

  const views = (f.views ?? []).map((view, i): ViewModel => ({ view, id: `f${n}-t${i + 1}`, grid: buildGrid(view, `f${n}-t${i + 1}`), findings: [] }));
  const links: Links = new Map();
  const fileLevel: Listed[] = [];
  const byTable = new Map<string, Listed[]>();
  const index = indexCells(views);
  f.findings.forEach((finding, k) => {
    const id = `f${n}-x${k + 1}`;
    // mark every drawn cell any location of the finding points at; link each location to its first cell
    const targets = new Map<number, string>();
    let home: ViewModel | undefined;
    finding.locations.forEach((at, j) => {
      const spots = spotsAt(index, at);
      for (const spot of spots) mark(spot.cell, finding, lang);
      if (spots[0]) targets.set(j, spots[0].cell.id);
      if (j === 0) home = spots[0]?.view;
    });
    links.set(finding, targets);
    // list the finding under the table that holds its first location, else under its own table
    home ??= views.find((v) => v.view.id === finding.table);
    if (home) home.findings.push({ finding, id });
    else if (finding.table && !f.views && f.tables.some((t) => t.id === finding.table)) byTable.set(finding.table, [...(byTable.get(finding.table) ?? []), { finding, id }]);
    else fileLevel.push({ finding, id });
  });

  if (fileLevel.length) {
    out.push(`<section class="file-level">`, `<h3>${esc(w.whole)}</h3>`, findingList(fileLevel, links, lang), '</section>');
  }
  for (const v of views) out.push(tableSection(v, f, links, lang));
  // without drawn tables (a report read back from JSON), findings are still listed table by table
  for (const t of f.tables) {
    const list = byTable.get(t.id);
    if (!list) continue;
    const title = t.label ? `${t.label} ${t.title}` : t.title;
    out.push(`<section class="table">`, `<h3>${esc(title)} <small>${esc(where(t.at, lang))}</small></h3>`, findingList(list, links, lang), '</section>');
  }
  out.push('</section>');
  return out.join('\n');
}

type Listed = { finding: Finding; id: string };
/** Per finding: location index → id of the drawn cell it links to. */
type Links = Map<Finding, Map<number, string>>;

function tableSection(v: ViewModel, f: FileReport, links: Links, lang: Lang): string {
  const t = f.tables.find((x) => x.id === v.view.id);
  const label = v.view.label ?? t?.label;
  const title = label ? `${label} ${v.view.title}` : v.view.title;
  const where0 = t ? where(t.at, lang) : '';
  const rows = v.view.rows.map((row, r) => {
    const cells = row
      .map((cell, c) => {
        if (cell.covered) return '';
        const drawn = v.grid[r]?.[c];
        const attrs: string[] = [];
        if (drawn) attrs.push(`id="${drawn.id}"`);
        const classes: string[] = [];
        if (drawn?.worst) classes.push(`flag-${drawn.worst}`);
        if (/^[-+]?[\d,]+(\.\d+)?%?$/.test(cell.text.trim())) classes.push('num');
        if (classes.length) attrs.push(`class="${classes.join(' ')}"`);
        if (cell.colSpan && cell.colSpan > 1) attrs.push(`colspan="${cell.colSpan}"`);
        if (cell.rowSpan && cell.rowSpan > 1) attrs.push(`rowspan="${cell.rowSpan}"`);
        if (drawn?.rules.size) attrs.push(`data-rules="${esc([...drawn.rules].join(' '))}"`, `data-at="${esc(where(cell.at, 'en'))}"`);
        const tip = [where(cell.at, lang), ...(drawn?.notes ?? [])].filter(Boolean).join('\n');
        if (tip) attrs.push(`title="${esc(tip)}"`);
        return `<td${attrs.length ? ' ' + attrs.join(' ') : ''}>${textHtml(cell.text)}</td>`;
      })
      .join('');
    return `<tr>${cells}</tr>`;
  });
  const out = [
    `<section class="table" id="${v.id}">`,
    `<h3>${esc(title)}${where0 ? ` <small>${esc(where0)}</small>` : ''}</h3>`,
    `<div class="sheet-wrap"><table class="sheet">`,
    ...rows,
    '</table></div>',
  ];
  if (v.findings.length) out.push(findingList(v.findings, links, lang));
  out.push('</section>');
  return out.join('\n');
}

function findingList(list: Listed[], links: Links, lang: Lang): string {
  const w = WORDS[lang];
  const items = list.map(({ finding, id }) => {
    const anchors = finding.locations.map((at, j) => {
      const text = esc(where(at, lang) || w.whole);
      const target = links.get(finding)?.get(j);
      return target ? `<a href="#${target}">${text}</a>` : `<span class="loc">${text}</span>`;
    });
    const [first, ...rest] = anchors;
    const values = valuesText(finding, lang);
    return [
      `<li class="finding sev-${finding.severity}" id="${id}">`,
      `${first ?? ''} <span class="sev">${esc(severityWord(finding.severity, lang))}</span> <span class="msg">${esc(finding.message)}</span> <code class="rule">${esc(finding.ruleId)}</code>`,
      values ? `<div class="values">${esc(values)}</div>` : '',
      rest.length ? `<div class="also">${esc(w.also)} ${rest.join(lang === 'zh' ? '、' : ', ')}</div>` : '',
      '</li>',
    ]
      .filter(Boolean)
      .join('');
  });
  return `<ol class="findings">\n${items.join('\n')}\n</ol>`;
}

// --- matching locations to drawn cells ---------------------------------------------------------

function mark(cell: DrawnCell, f: Finding, lang: Lang): void {
  cell.rules.add(f.ruleId);
  if (!cell.worst || SEVERITY_RANK[f.severity] < SEVERITY_RANK[cell.worst]) cell.worst = f.severity;
  const note = `${severityWord(f.severity, lang)}${lang === 'zh' ? '：' : ': '}${f.message}`;
  if (!cell.notes.includes(note)) cell.notes.push(note);
}

function buildGrid(view: TableView, prefix: string): (DrawnCell | null)[][] {
  const grid: (DrawnCell | null)[][] = view.rows.map((row, r) =>
    row.map((cell, c) => (cell.covered ? null : { id: `${prefix}-r${r + 1}c${c + 1}`, at: cell.at, rules: new Set<string>(), notes: [] })),
  );
  // a covered cell belongs to the nearest anchor above/left whose span reaches it
  view.rows.forEach((row, r) =>
    row.forEach((cell, c) => {
      if (cell.covered) grid[r][c] = coveringCell(view, grid, r, c);
    }),
  );
  return grid;
}

function coveringCell(view: TableView, grid: (DrawnCell | null)[][], r: number, c: number): DrawnCell | null {
  for (let rr = r; rr >= 0; rr--) {
    for (let cc = c; cc >= 0; cc--) {
      const cell = view.rows[rr]?.[cc];
      if (!cell || cell.covered) continue;
      if (rr + (cell.rowSpan ?? 1) > r && cc + (cell.colSpan ?? 1) > c) return grid[rr][cc];
    }
  }
  return null;
}

/** A drawn cell of a view, found through the index. */
interface Spot {
  view: ViewModel;
  cell: DrawnCell;
  at: Location;
}

/** Cells of all views by a coarse key (sheet+cell, page+line, docx table+row, paragraph); sameCell decides. */
type CellIndex = Map<string, Spot[]>;

function coarseKey(at: Location): string | null {
  if (at.sheet !== undefined) return at.cell !== undefined ? `s\u0000${at.sheet}\u0000${at.cell}` : null;
  if (at.line !== undefined) return `l\u0000${at.page ?? ''}\u0000${at.line}`;
  if (at.table !== undefined) return at.row !== undefined ? `t\u0000${at.table}\u0000${at.row}` : null;
  if (at.paragraph !== undefined) return `p\u0000${at.paragraph}`;
  return null;
}

function indexCells(views: ViewModel[]): CellIndex {
  const index: CellIndex = new Map();
  for (const view of views)
    view.view.rows.forEach((row, r) =>
      row.forEach((cell, c) => {
        const drawn = view.grid[r]?.[c];
        const key = coarseKey(cell.at);
        if (!drawn || key === null) return;
        const list = index.get(key);
        if (list) list.push({ view, cell: drawn, at: cell.at });
        else index.set(key, [{ view, cell: drawn, at: cell.at }]);
      }),
    );
  return index;
}

/** The drawn cells a location points at, with their views, in document order. */
function spotsAt(index: CellIndex, at: Location): Spot[] {
  const key = coarseKey(at);
  const found: Spot[] = [];
  for (const spot of (key !== null && index.get(key)) || []) if (sameCell(at, spot.at) && !found.some((x) => x.cell === spot.cell)) found.push(spot);
  return found;
}

export function sameCell(at: Location, cell: Location): boolean {
  if (at.sheet !== undefined || cell.sheet !== undefined) return at.sheet === cell.sheet && at.cell !== undefined && at.cell === cell.cell;
  if (at.line !== undefined) {
    if (at.line !== cell.line || at.page !== cell.page) return false;
    return at.column === undefined || at.column === cell.column;
  }
  if (at.table !== undefined) {
    if (at.table !== cell.table || at.row === undefined || at.row !== cell.row) return false;
    return at.column === undefined || at.column === cell.column;
  }
  if (at.paragraph !== undefined) return at.paragraph === cell.paragraph;
  return false;
}

function textHtml(s: string): string {
  return esc(s).replace(/\r\n|\r|\n/g, '<br>');
}

const CSS = `
:root{--err:#c62828;--err-bg:#ffebee;--warn:#b26a00;--warn-bg:#fff8e1;--info:#1565c0;--info-bg:#e3f2fd;--line:#c8ccd0}
body{font-family:"PingFang SC","Microsoft YaHei","Noto Sans CJK SC",system-ui,sans-serif;margin:0;padding:0 1.5rem 2rem;color:#1f2328;line-height:1.5}
h1{font-size:1.5rem;margin:1.2rem 0 .4rem}h2{font-size:1.2rem;margin:2rem 0 .3rem;border-bottom:1px solid var(--line);padding-bottom:.2rem}
h3{font-size:1.05rem;margin:1.4rem 0 .4rem}h3 small{font-weight:normal;color:#57606a}
.summary{font-weight:bold}.status-bad{color:var(--err)}.status-warn{color:var(--warn)}.status-ok{color:#2e7d32}
.meta,.file-summary{margin:.2rem 0;color:#57606a}.file-error{color:var(--err);font-weight:bold}
.sheet-wrap{overflow-x:auto;max-width:100%}
table.sheet{border-collapse:collapse;font-size:.85rem;margin:.3rem 0}
table.sheet td{border:1px solid var(--line);padding:.15rem .4rem;vertical-align:top;white-space:pre-wrap}
table.sheet td.num{text-align:right;font-variant-numeric:tabular-nums}
td.flag-error{background:var(--err-bg);outline:2px solid var(--err);outline-offset:-2px}
td.flag-warning{background:var(--warn-bg);outline:2px solid var(--warn);outline-offset:-2px}
td.flag-info{background:var(--info-bg);outline:2px dashed var(--info);outline-offset:-2px}
td:target{box-shadow:0 0 0 3px #6f42c1 inset}
ol.findings{padding-left:1.6rem;margin:.4rem 0}
li.finding{margin:.25rem 0}li.finding:target{background:#f3f0ff}
.sev{font-weight:bold;padding:0 .3rem;border-radius:3px;font-size:.8rem}
.sev-error .sev{color:#fff;background:var(--err)}.sev-warning .sev{color:#fff;background:var(--warn)}.sev-info .sev{color:#fff;background:var(--info)}
code.rule{color:#57606a;font-size:.8rem}.values,.also{color:#57606a;font-size:.85rem;margin-left:.5rem}
footer{margin-top:2rem;color:#8c959f;font-size:.8rem}
@media print{td:target{box-shadow:none}.sheet-wrap{overflow:visible}}
`.trim();
