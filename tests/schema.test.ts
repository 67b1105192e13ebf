import { describe, expect, it } from 'vitest';
import { Dec } from '../src/decimal.js';
import { loadDocument } from '../src/load/index.js';
import type { Table } from '../src/model.js';
import { recognize } from '../src/recognize/index.js';
import { validateTable } from '../src/recognize/schema.js';
import { fixture } from './helpers.js';

async function expenditureTable(): Promise<Table> {
  const d = recognize(await loadDocument(fixture('wuerhe-2022-clean/budget.xlsx')));
  return d.tables.find((t) => t.kind === 'expenditure')!;
}

describe('the recognized tables are checked against their schema', () => {
  it('passes every table the recognizer reads from the clean reference', async () => {
    const d = recognize(await loadDocument(fixture('wuerhe-2022-clean/budget.xlsx')));
    expect(d.tables.flatMap((t) => t.problems)).toEqual([]);
  });

  it('drops a row that breaks the schema and says where and why, keeping the others', async () => {
    const t = await expenditureTable();
    validateTable(t);
    expect(t.problems).toEqual([]);
    const n = t.rows.length;
    const i = t.rows.findIndex((r) => r.code === '2010301');
    const j = t.rows.findIndex((r) => r.code === '2010308');
    t.rows[i] = { ...t.rows[i], code: '20103x1' };
    t.rows[j] = { ...t.rows[j], values: { ...t.rows[j].values, total: { ...t.rows[j].values.total!, value: 52.1 as unknown as Dec } } };
    const labels = [t.rows[i].label, t.rows[j].label];
    validateTable(t);
    expect(t.rows).toHaveLength(n - 2);
    expect(t.problems.map((p) => [p.code, p.params.path, p.params.row])).toEqual([
      ['invalid', `rows.${i}.code`, labels[0]],
      ['invalid', `rows.${j}.values.total`, labels[1]],
    ]);
    expect(t.problems[0].params.detail).toBe('classification code of 3, 5 or 7 digits');
    expect(t.problems[1].params.detail).toBe('not an exact figure with its unit and rounding interval');
  });
});
