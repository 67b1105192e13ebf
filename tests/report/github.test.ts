import { describe, expect, it } from 'vitest';
import { PER_STEP, SUMMARY_LIMIT, escapeData, escapeProperty, formatGithub, githubStepSummary } from '../../src/report/github.js';
import type { Finding } from '../../src/rules/types.js';
import { checked, fileReport, finding, referenceAndTruncated, report } from './helpers.js';

/** Parses `::kind k=v,k=v::data` back the way the runner does (ActionCommand: unescape property / data). */
function parseCommand(line: string): { kind: string; props: Record<string, string>; data: string } {
  const m = /^::([a-z]+)(?: ([^:]*))?::(.*)$/.exec(line);
  if (!m) throw new Error(`not a workflow command: ${line}`);
  const unData = (s: string) => s.replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%25/g, '%');
  const unProp = (s: string) => s.replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%3A/g, ':').replace(/%2C/g, ',').replace(/%25/g, '%');
  const props: Record<string, string> = {};
  for (const kv of (m[2] ?? '').split(',').filter(Boolean)) {
    const i = kv.indexOf('=');
    props[kv.slice(0, i)] = unProp(kv.slice(i + 1));
  }
  return { kind: m[1], props, data: unData(m[3]) };
}

function many(): ReturnType<typeof report> {
  const findings: Finding[] = [];
  // interleaved so that the order has to come from severity, not from the input
  for (let i = 1; i <= 30; i++) {
    findings.push(finding({ severity: 'warning', ruleId: 'table/personnel-public', message: `warning ${i}`, locations: [{ sheet: '表一', cell: `C${i}` }] }));
    findings.push(finding({ severity: 'info', ruleId: 'classification/legacy-name', message: `info ${i}`, locations: [{ sheet: '表一', cell: `D${i}` }] }));
    findings.push(finding({ severity: 'error', ruleId: 'table/sum-of-parts', message: `error ${i}`, locations: [{ sheet: '表一', cell: `B${i}` }] }));
  }
  return report([fileReport('big.xlsx', findings)]);
}

describe('GitHub workflow commands', () => {
  it('respects the per-step limits, highest severity first, then says how many were left out', () => {
    const lines = formatGithub(many(), { lang: 'zh' }).trimEnd().split('\n');
    const cmds = lines.map(parseCommand);
    const kinds = cmds.map((c) => c.kind);
    expect(kinds.filter((k) => k === 'error')).toHaveLength(PER_STEP);
    expect(kinds.filter((k) => k === 'warning')).toHaveLength(PER_STEP);
    // one notice slot is kept for the "left out" line, so it is shown too
    expect(kinds.filter((k) => k === 'notice')).toHaveLength(PER_STEP);
    expect(lines.length).toBeLessThanOrEqual(50);
    // severity order: all errors, then warnings, then notices
    expect(kinds).toEqual([...Array(10).fill('error'), ...Array(10).fill('warning'), ...Array(10).fill('notice')]);
    expect(cmds.slice(0, 10).map((c) => c.data)).toEqual(Array.from({ length: 10 }, (_, i) => `error ${i + 1}`));
    expect(cmds[0].props).toEqual({ file: 'big.xlsx', title: 'table/sum-of-parts 表一!B1' });
    expect(cmds[10].data).toBe('warning 1');
    expect(cmds[20].data).toBe('info 1');
    expect(cmds[28].data).toBe('info 9');
    const last = lines[lines.length - 1];
    expect(last.startsWith('::notice::')).toBe(true);
    // 90 findings, 10 + 10 + 9 shown
    expect(parseCommand(last).data).toBe(
      '另有 61 个问题未显示为注释（GitHub 每个步骤最多显示 10 个错误、10 个警告和 10 个提示注释）；完整列表见作业摘要或 --format json 的输出',
    );
  });

  it('writes no "left out" notice when everything fits', async () => {
    const out = formatGithub(await referenceAndTruncated(), { lang: 'zh' });
    const cmds = out.trimEnd().split('\n').map(parseCommand);
    expect(cmds).toHaveLength(10); // the unreadable file and 9 findings
    expect(cmds[0]).toEqual({ kind: 'error', props: { file: 'fixtures/bad/truncated.xlsx', title: 'budget-check：无法读取' }, data: '文件已损坏或不完整，无法读取 (E_CORRUPT)' });
    expect(cmds[3]).toEqual({
      kind: 'error',
      props: { file: 'fixtures/wuerhe-2022/budget.xlsx', title: 'meta/unit-name 表三!A3' },
      data: '表三表头的单位名称「乌鲁木齐区政府办公室」与本单位「乌尔禾区政府办公室」不一致（没有名为「乌鲁木齐区」的行政区划，相近的有 乌鲁木齐市、乌鲁木齐县）',
    });
    expect(out).not.toContain('::notice::');
  });

  it('gives line= for text files only, and expected/stated/gap on a second line', async () => {
    const r = await checked(['fixtures/wuerhe-2022/disclosure.txt', 'fixtures/rules/table/balance/fail.xlsx']);
    const cmds = formatGithub(r, { lang: 'zh' }).trimEnd().split('\n').map(parseCommand);
    const txt = cmds.filter((c) => c.props.file === 'fixtures/wuerhe-2022/disclosure.txt');
    expect(txt.length).toBeGreaterThan(0);
    for (const c of txt) expect(c.props.line).toMatch(/^\d+$/);
    const xlsx = cmds.filter((c) => c.props.file?.endsWith('.xlsx'));
    for (const c of xlsx) expect(c.props.line).toBeUndefined();
    const balance = formatGithub(await checked(['fixtures/rules/table/balance/fail.xlsx']), { lang: 'zh' }).split('\n').map((l) => (l ? parseCommand(l) : null));
    const b = balance.find((c) => c?.props.title === 'table/balance 表一!D36')!;
    expect(b.data).toBe('表一 单位收支总体情况表：支出总计为551.00，收入总计为550.00，收支不平衡，相差1.00（万元）\n应为 550.00 万元，实为 551.00 万元，相差 1.00 万元');
  });

  it('escapes data and properties the way the runner unescapes them', () => {
    expect(escapeData('100% done\r\nnext')).toBe('100%25 done%0D%0Anext');
    expect(escapeProperty('a,b:c%d\ne')).toBe('a%2Cb%3Ac%25d%0Ae');
    expect(escapeData('%0A')).toBe('%250A'); // an encoded-looking text stays literal
    const r = report([
      fileReport('dir/a,b:c%.xlsx', [finding({ message: '50% of a\nb, c: d', locations: [{ sheet: 'S,1:x', cell: 'A1' }] })]),
    ]);
    const line = formatGithub(r, { lang: 'en' }).trimEnd();
    expect(line.split('\n')).toHaveLength(1);
    expect(line).toBe('::error file=dir/a%2Cb%3Ac%25.xlsx,title=table/sum-of-parts S%2C1%3Ax!A1::50%25 of a%0Ab, c: d');
    expect(parseCommand(line)).toEqual({ kind: 'error', props: { file: 'dir/a,b:c%.xlsx', title: 'table/sum-of-parts S,1:x!A1' }, data: '50% of a\nb, c: d' });
  });

  it('speaks English with lang en', () => {
    const last = formatGithub(many(), { lang: 'en' }).trimEnd().split('\n').pop()!;
    expect(parseCommand(last).data).toBe(
      '61 more problems are not shown as annotations (GitHub shows at most 10 error, 10 warning and 10 notice annotations per step); see the job summary or the --format json output for the full list',
    );
  });
});

describe('GitHub step summary', () => {
  it('is a markdown table of every finding', () => {
    const text = githubStepSummary(many(), { lang: 'zh' });
    expect(text.startsWith('## budget-check 检查报告\n\n共 90 个问题（30 个错误，30 个警告，30 个提示）\n')).toBe(true);
    expect(text).toContain('| 位置 | 级别 | 规则 | 说明 | 应为 | 实为 | 相差 |');
    const rows = text.split('\n').filter((l) => l.startsWith('| 表一!'));
    expect(rows).toHaveLength(90);
    expect(rows[0]).toBe('| 表一!C1 | 警告 | `table/personnel-public` | warning 1 |  |  |  |');
  });

  it('names the file per row when there are several, and lists unreadable files', async () => {
    const text = githubStepSummary(await referenceAndTruncated(), { lang: 'zh' });
    expect(text).toContain('- ✖ fixtures/bad/truncated.xlsx：文件已损坏或不完整，无法读取（`E_CORRUPT`）');
    expect(text).toContain('| 文件 | 位置 | 级别 | 规则 | 说明 | 应为 | 实为 | 相差 |');
    expect(text).toContain('| fixtures/wuerhe-2022/budget.xlsx | 表三!A3 | 错误 | `meta/unit-name` |');
  });

  it('stays under GitHub’s 1 MiB per step', () => {
    const long = 'x'.repeat(2000);
    const findings = Array.from({ length: 800 }, (_, i) => finding({ message: `${i} ${long}` }));
    const text = githubStepSummary(report([fileReport('huge.xlsx', findings)]), { lang: 'zh' });
    expect(Buffer.byteLength(text, 'utf8')).toBeLessThanOrEqual(SUMMARY_LIMIT);
    const kept = text.split('\n').filter((l) => l.startsWith('| 表一!')).length;
    expect(kept).toBeGreaterThan(400);
    expect(kept).toBeLessThan(800);
    expect(text.trimEnd().endsWith(`另有 ${800 - kept} 行因 GitHub 作业摘要 1 MiB 的大小限制未列出。`)).toBe(true);
  });
});
