/**
 * Generated unit and department workbooks, consistent by construction (every one checks clean):
 * the benchmark checks a thousand of them and the tests check that departments raise no false alarm.
 */
import * as XLSX from 'xlsx';
import { workbook, type Sheet, type SrcCell } from './make-fixtures.js';

/** A repeatable pseudo-random sequence in [0, 1). */
export function sequence(seed: number): () => number {
  let s = seed;
  return () => (s = (s * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
}

const NUMBER = /^-?\d+\.\d+$/;

/** An exact decimal string times a small integer. */
function times(text: string, k: number): string {
  const [i, d = ''] = text.split('.');
  const cents = BigInt(i.replace('-', '') + d.padEnd(2, '0')) * BigInt(k);
  const s = cents.toString().padStart(3, '0');
  return (text.startsWith('-') ? '-' : '') + s.slice(0, -2) + '.' + s.slice(-2);
}

const clone = (rows: SrcCell[][]) => rows.map((r) => r.map((c) => ({ ...c })));
const scaled = (rows: SrcCell[][], k: number) => rows.map((r) => r.map((c) => (NUMBER.test(c.text) ? { text: times(c.text, k) } : { ...c })));
const NAMES = ['政府办公室', '财政局', '教育局', '司法局', '统计局', '审计局', '商务局', '民政局', '档案馆', '机关事务服务中心'];

/**
 * A unit's or a department's workbook made from the clean reference: a single unit (units = 1)
 * has the reference's amounts times k; a department of several units repeats the reference's lines
 * under each unit (each times its own k) and totals them, with each unit's projects in 表七.
 * `n` picks the name and code; `rnd` gives the multipliers (1…9).
 */
export function departmentWorkbook(base: Sheet[], units: number, n: number, rnd: () => number): XLSX.WorkBook {
  const ks = Array.from({ length: units }, () => 1 + Math.floor(rnd() * 9));
  const K = ks.reduce((a, b) => a + b, 0);
  const name = `乌尔禾区${NAMES[n % NAMES.length]}`;
  const code = String(100 + (n % 800)).padStart(3, '0');
  const sheets = base.map((s): Sheet => {
    const rows = clone(s.rows).map((r) => r.map((c) => ({ ...c, text: c.text.replace('乌尔禾区政府办公室', name).replace(/([(（])002002([)）])/, `$1${code}${units === 1 ? '001' : ''}$2`).replace(/^\[002\]政府办$/, `[${code}]${NAMES[n % NAMES.length]}`).replace(units === 1 ? /^\[002002\]/ : /(?!)/, `[${code}001]`) })));
    const firstUnit = rows.findIndex((r) => r.some((c) => /^\[002002\]/.test(c.text)));
    const hasTotal = rows.findIndex((r) => r.some((c) => c.text === '合计') && r.some((c) => NUMBER.test(c.text)));
    if (units === 1 || firstUnit < 0) {
      // two-sided, 三公 and project tables: the department's amounts
      if (units > 1 && /项目支出情况表/.test(rows[1]?.[0]?.text ?? '')) {
        const head = rows.slice(0, hasTotal + 1);
        const lines = rows.slice(hasTotal + 1);
        const per = ks.flatMap((k, u) => scaled(lines, k).map((r) => r.map((c) => (/经费$/.test(c.text) ? { text: `${c.text}（${u + 1}）` } : c))));
        return { name: s.name, rows: [...scaled(head, K), ...per] };
      }
      return { name: s.name, rows: scaled(rows, units === 1 ? ks[0] : K) };
    }
    // tree tables: 合计 and the department row, then each unit's row and lines
    const head = rows.slice(0, firstUnit);
    const lines = rows.slice(firstUnit + 1);
    const unitRow = rows[firstUnit];
    const body = ks.flatMap((k, u) => [
      scaled([unitRow], k)[0].map((c) => (/^\[002002\]/.test(c.text) ? { text: `[${code}${String(u + 1).padStart(3, '0')}]乌尔禾区${NAMES[(n + u) % NAMES.length]}${u + 1}` } : c)),
      ...scaled(lines, k),
    ]);
    return { name: s.name, rows: [...scaled(head, units === 1 ? ks[0] : K), ...body] };
  });
  return workbook(sheets);
}
