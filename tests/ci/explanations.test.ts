import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import * as XLSX from 'xlsx';
import { describe, expect, it } from 'vitest';
import { run, scratch } from './helpers.js';

/** A workbook whose only warning is table/personnel-public (30201 办公费 split into 人员经费). */
function setup() {
  const dir = scratch({ 'budget.xlsx': 'rules/table/personnel-public/fail.xlsx' });
  writeFileSync(join(dir, 'budget-check.config.yaml'), 'rules:\n  table/sum-of-parts: off\n  table/row-identity: off\nmaxWarnings: 0\nexplanations: budget-check.explanations.yaml\n');
  return dir;
}

describe('explanations (审核说明)', () => {
  it('--write-explanations starts the file from the current warnings, keyed by rule, table, row and column', () => {
    const dir = setup();
    expect(run(['budget.xlsx'], dir).code).toBe(1); // one warning, none allowed
    const w = run(['--write-explanations', 'budget.xlsx'], dir);
    expect(w.err).toContain('已把 1 条未说明的警告写入');
    const doc = parse(readFileSync(join(dir, 'budget-check.explanations.yaml'), 'utf8'));
    expect(doc.explanations).toEqual([{ file: 'budget.xlsx', rule: 'table/personnel-public', table: 'gpb-basic', row: '30201 办公费', column: 'personnel', reason: '', by: '', date: '' }]);
    // without a reason the warning is still open
    expect(run(['budget.xlsx'], dir).code).toBe(1);
  });

  it('an explained warning is shown as 已说明 and passes the gate; the explanation survives inserted rows', () => {
    const dir = setup();
    writeFileSync(
      join(dir, 'budget-check.explanations.yaml'),
      'explanations:\n  - file: budget.xlsx\n    rule: table/personnel-public\n    table: gpb-basic\n    row: 30201 办公费\n    column: personnel\n    reason: 办公费中列支的临聘人员劳务费，已报财政局备案\n    by: 张三\n    date: 2022-03-01\n',
    );
    const r = run(['budget.xlsx'], dir);
    expect(r.code).toBe(0);
    expect(r.out).toContain('已说明：办公费中列支的临聘人员劳务费，已报财政局备案（张三，2022-03-01）');
    const json = JSON.parse(run(['-f', 'json', 'budget.xlsx'], dir).out);
    expect(json.files[0].findings[0].explained).toEqual({ reason: '办公费中列支的临聘人员劳务费，已报财政局备案', by: '张三', date: '2022-03-01' });
    // a row inserted above it moves the cells; the explanation names the finding, not the cell
    const wb = XLSX.read(readFileSync(join(dir, 'budget.xlsx')), { type: 'buffer', cellNF: true });
    const ws = wb.Sheets['表六'];
    const rows = XLSX.utils.sheet_to_json<unknown[]>(ws, { header: 1, raw: true, defval: null });
    rows.splice(18, 0, ['302', '05', '水费', 0, 0, 0]);
    const moved = XLSX.utils.aoa_to_sheet(rows);
    moved['!merges'] = ws['!merges'];
    wb.Sheets['表六'] = moved;
    writeFileSync(join(dir, 'budget.xlsx'), XLSX.write(wb, { type: 'buffer', bookType: 'xlsx' }) as Buffer);
    const after = JSON.parse(run(['-f', 'json', 'budget.xlsx'], dir).out).files[0].findings;
    expect(after.map((f: { ruleId: string; locations: { cell?: string }[]; explained?: { by: string } }) => [f.ruleId, f.locations[0].cell, f.explained?.by])).toEqual([['table/personnel-public', 'E20', '张三']]);
  });

  it('an entry that matches nothing is an error (explanation/stale); --prune removes it and never adds', () => {
    const dir = setup();
    writeFileSync(
      join(dir, 'budget-check.explanations.yaml'),
      'explanations:\n  - file: budget.xlsx\n    rule: table/personnel-public\n    table: gpb-basic\n    row: 30201 办公费\n    column: personnel\n    reason: 已备案\n    by: 张三\n    date: 2022-03-01\n  - file: budget.xlsx\n    rule: narrative/term\n    text: 公务招待费|term\n    reason: 原文如此\n    by: 李四\n    date: 2022-03-02\n',
    );
    const r = run(['-f', 'json', 'budget.xlsx'], dir);
    const stale = JSON.parse(r.out).files[0].findings.filter((f: { ruleId: string }) => f.ruleId === 'explanation/stale');
    expect(stale).toEqual([
      {
        ruleId: 'explanation/stale',
        severity: 'error',
        message: '审核说明不再对应任何问题：narrative/term / 公务招待费|term（可用 --prune 删除）',
        locations: [{ file: join(dir, 'budget-check.explanations.yaml'), line: 10, excerpt: 'narrative/term / 公务招待费|term' }],
        expected: null,
        actual: null,
      },
    ]);
    expect(r.code).toBe(1);
    const p = run(['--prune', 'budget.xlsx'], dir);
    expect(p.err).toContain('删除了 1 条');
    expect(p.code).toBe(0);
    expect(parse(readFileSync(join(dir, 'budget-check.explanations.yaml'), 'utf8')).explanations.map((e: { rule: string }) => e.rule)).toEqual(['table/personnel-public']);
  });

  it('an error cannot be explained away (explanation/not-allowed) unless the configuration lowers the rule', () => {
    const dir = scratch({ 'budget.xlsx': 'rules/table/balance/fail.xlsx' });
    const entry = 'explanations:\n  - file: budget.xlsx\n    rule: table/balance\n    table: income-expenditure\n    row: 支出总计\n    column: 预算数\n    reason: 另有说明\n    by: 王五\n    date: 2022-03-03\n';
    writeFileSync(join(dir, 'budget-check.explanations.yaml'), entry);
    const r = JSON.parse(run(['-f', 'json', 'budget.xlsx'], dir).out).files[0].findings as { ruleId: string; severity: string; explained?: unknown }[];
    expect(r.filter((f) => f.ruleId === 'explanation/not-allowed').map((f) => f.severity)).toEqual(['error']);
    expect(r.find((f) => f.ruleId === 'table/balance')!.explained).toBeUndefined();
    writeFileSync(join(dir, 'budget-check.config.yaml'), 'rules:\n  table/balance: warning\nexplanations: budget-check.explanations.yaml\n');
    const lowered = JSON.parse(run(['-f', 'json', 'budget.xlsx'], dir).out).files[0].findings as { ruleId: string; severity: string; explained?: unknown }[];
    expect(lowered.find((f) => f.ruleId === 'table/balance')).toMatchObject({ severity: 'warning', explained: { reason: '另有说明' } });
    expect(lowered.some((f) => f.ruleId === 'explanation/not-allowed')).toBe(false);
  });
});
