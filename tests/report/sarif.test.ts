import { pathToFileURL } from 'node:url';
import { copyFileSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { check } from '../../src/index.js';
import { RULES } from '../../src/rules/registry.js';
import { FINGERPRINT_KEY, artifactLocation, fingerprint, formatSarif, markdownToText } from '../../src/report/sarif.js';
import type { Report } from '../../src/report/types.js';
import { ROOT } from '../helpers.js';
import { REFERENCE, TRUNCATED, checked, fileReport, finding, referenceAndTruncated, report } from './helpers.js';

/* eslint-disable @typescript-eslint/no-explicit-any */
type Json = any;

/**
 * The official SARIF 2.1.0 schema (draft-07; see tests/schemas/README.md). ajv-formats is not
 * installed, so the three formats the schema uses are checked here: "uri" must be absolute (it has
 * a scheme and parses as a URL), "uri-reference" must be printable ASCII (percent-encoded).
 */
const schema = JSON.parse(readFileSync(join(ROOT, 'tests/schemas/sarif-schema-2.1.0.json'), 'utf8'));
const ajv = new Ajv({
  strict: false,
  allErrors: true,
  formats: {
    uri: (s: string) => /^[a-z][a-z0-9+.-]*:/i.test(s) && URL.canParse(s),
    'uri-reference': (s: string) => /^[\x21-\x7e]*$/.test(s),
    'date-time': (s: string) => !Number.isNaN(Date.parse(s)),
  },
});
const validate = ajv.compile(schema);

function sarif(r: Report, opts: Partial<Parameters<typeof formatSarif>[1]> = {}): Json {
  const text = formatSarif(r, { lang: 'zh', ...opts });
  return JSON.parse(text);
}

function expectValid(log: Json): void {
  const ok = validate(log);
  expect(ok, ajv.errorsText(validate.errors, { separator: '\n' })).toBe(true);
}

describe('SARIF 2.1.0', () => {
  it('validates against the official schema (workbook findings, an unreadable file, a homepage, both languages)', async () => {
    for (const lang of ['zh', 'en'] as const) {
      const r = await checked([REFERENCE, TRUNCATED, 'fixtures/rules/table/balance/fail.xlsx', 'fixtures/wuerhe-2022/disclosure.txt'], { lang });
      expectValid(sarif(r, { lang }));
      expectValid(sarif(r, { lang, homepage: 'https://github.com/example/budget-check', srcRoot: 'file:///work/repo/' }));
    }
  });

  it('rejects what the schema forbids (the validator is really checking)', () => {
    expect(validate({ version: '2.1.0', runs: [{ tool: { driver: { name: 'x', rules: [{ id: 'a', helpUri: 'docs/a.md' }] } } }] })).toBe(false);
    expect(validate({ version: '2.1.0', runs: [{ tool: { driver: { name: 'x' } }, results: [{ message: { text: 'm' }, level: 'info' }] }] })).toBe(false);
  });

  it('describes every rule of the registry, with help read from its doc page', async () => {
    const log = sarif(await referenceAndTruncated(), { homepage: null });
    const driver = log.runs[0].tool.driver;
    expect(driver.name).toBe('budget-check');
    expect(driver.version).toBe(JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).version);
    expect(driver.rules.map((r: Json) => r.id)).toEqual(RULES.map((r) => r.id));
    const levels = { error: 'error', warning: 'warning', info: 'note' } as const;
    for (const [i, rule] of RULES.entries()) {
      const d = driver.rules[i];
      expect(d.shortDescription.text).toBe(rule.title.zh);
      expect(d.fullDescription.text).toContain(rule.title.zh);
      expect(d.defaultConfiguration.level).toBe(levels[rule.severity]);
      expect(d.help.text.length).toBeGreaterThan(0);
      // without --docs-url or a homepage: the page installed with the tool
      expect(d.helpUri).toBe(pathToFileURL(join(ROOT, 'docs/rules', `${rule.id}.md`)).href);
    }
    const unitName = driver.rules.find((r: Json) => r.id === 'meta/unit-name');
    const doc = readFileSync(join(ROOT, 'docs/rules/meta/unit-name.md'), 'utf8');
    expect(unitName.name).toBe('MetaUnitName');
    expect(unitName.help.markdown).toBe(doc);
    expect(unitName.help.text).toBe(markdownToText(doc));
    expect(unitName.help.text).toContain('meta/unit-name — 单位名称全文一致');
    expect(unitName.help.text).not.toContain('**');
  });

  it('uses the English titles with lang en', async () => {
    const log = sarif(await referenceAndTruncated('en'), { lang: 'en' });
    const unitName = log.runs[0].tool.driver.rules.find((r: Json) => r.id === 'meta/unit-name');
    expect(unitName.shortDescription.text).toBe('The unit is named consistently');
    expect(log.runs[0].language).toBe('en-US');
  });

  it('points helpUri at the published pages with --docs-url', async () => {
    const log = sarif(await referenceAndTruncated(), { docsUrl: 'https://example.gov.cn/budget-check/rules/' });
    expect(log.runs[0].tool.driver.rules.find((r: Json) => r.id === 'narrative/yoy').helpUri).toBe('https://example.gov.cn/budget-check/rules/narrative/yoy.md');
  });

  it('points helpUri at the doc page when package.json has a homepage', async () => {
    const log = sarif(await referenceAndTruncated(), { homepage: 'https://github.com/example/budget-check' });
    const rules = log.runs[0].tool.driver.rules;
    expect(rules.find((r: Json) => r.id === 'meta/unit-name').helpUri).toBe('https://github.com/example/budget-check/blob/main/docs/rules/meta/unit-name.md');
    for (const r of rules) expect(new URL(r.helpUri).protocol).toBe('https:');
  });

  it('gives a workbook cell as a logical location with region line 1, relative to %SRCROOT%', async () => {
    const r = await referenceAndTruncated();
    const log = sarif(r);
    const results = log.runs[0].results;
    expect(results).toHaveLength(r.files[0].findings.length);
    const a3 = results.find((x: Json) => x.locations[0].logicalLocations?.[0].name === '表三!A3');
    expect(a3).toMatchObject({
      ruleId: 'meta/unit-name',
      ruleIndex: RULES.findIndex((x) => x.id === 'meta/unit-name'),
      level: 'error',
      locations: [
        {
          physicalLocation: { artifactLocation: { uri: 'fixtures/wuerhe-2022/budget.xlsx', uriBaseId: '%SRCROOT%' }, region: { startLine: 1 } },
          logicalLocations: [{ name: '表三!A3', kind: 'element', fullyQualifiedName: 'budget.xlsx/表三!A3' }],
        },
      ],
    });
    expect(a3.message.text).toContain('表三表头的单位名称「乌鲁木齐区政府办公室」与本单位「乌尔禾区政府办公室」不一致');
    expect(a3.properties).toMatchObject({ expected: '乌尔禾区政府办公室', actual: '乌鲁木齐区政府办公室', table: 'expenditure' });
  });

  it('gives a text line as the region and the other cells as related locations', async () => {
    const r = await checked(['fixtures/wuerhe-2022/disclosure.txt', 'fixtures/rules/table/balance/fail.xlsx']);
    const log = sarif(r);
    const txt = r.files[0].findings;
    const results = log.runs[0].results;
    txt.forEach((f, i) => {
      if (f.locations[0]?.line !== undefined) expect(results[i].locations[0].physicalLocation.region).toEqual({ startLine: f.locations[0].line });
      expect(results[i].locations[0].logicalLocations).toBeUndefined();
    });
    const balance = results.find((x: Json) => x.ruleId === 'table/balance');
    expect(balance.locations[0].logicalLocations[0].name).toBe('表一!D36');
    expect(balance.relatedLocations.length).toBeGreaterThanOrEqual(1);
    expect(balance.relatedLocations[0]).toMatchObject({ id: 1, physicalLocation: { region: { startLine: 1 } } });
    expect(balance.message.text).toContain('应为 550.00 万元，实为 551.00 万元，相差 1.00 万元');
  });

  it('reports a file that could not be read as a tool execution notification', async () => {
    const log = sarif(await referenceAndTruncated());
    const inv = log.runs[0].invocations[0];
    expect(inv.executionSuccessful).toBe(false);
    expect(inv.toolExecutionNotifications).toEqual([
      {
        level: 'error',
        message: { text: expect.stringContaining('fixtures/bad/truncated.xlsx: 文件已损坏或不完整') },
        descriptor: { id: 'E_CORRUPT' },
        locations: [{ physicalLocation: { artifactLocation: { uri: 'fixtures/bad/truncated.xlsx', uriBaseId: '%SRCROOT%' } } }],
      },
    ]);
    const clean = sarif(await checked(['fixtures/wuerhe-2022-clean/budget.xlsx']));
    expect(clean.runs[0].invocations[0]).toEqual({ executionSuccessful: true, toolExecutionNotifications: [] });
    expect(clean.runs[0].results).toEqual([]);
  });

  it('writes paths with forward slashes, relative ones relative, absolute ones as file URIs', () => {
    expect(artifactLocation('sub\\dir\\budget.xlsx')).toEqual({ uri: 'sub/dir/budget.xlsx', uriBaseId: '%SRCROOT%' });
    expect(artifactLocation('./a b/预算.xlsx')).toEqual({ uri: 'a%20b/%E9%A2%84%E7%AE%97.xlsx', uriBaseId: '%SRCROOT%' });
    expect(artifactLocation('/srv/data/budget.xlsx')).toEqual({ uri: 'file:///srv/data/budget.xlsx' });
    expect(artifactLocation('C:\\data\\budget.xlsx')).toEqual({ uri: 'file:///C:/data/budget.xlsx' });
    const log = sarif(report([fileReport('sub\\预算 2022.xlsx', [finding()])]), { srcRoot: 'file:///repo/' });
    expectValid(log);
    expect(log.runs[0].originalUriBaseIds).toEqual({ '%SRCROOT%': { uri: 'file:///repo/' } });
  });
});

describe('SARIF fingerprints', () => {
  it('are the same for the same finding in another layout (other sheets, other cells)', async () => {
    // the sheet-order variant: the same tables on sheets named 1…9 in another order
    const dir = mkdtempSync(join(tmpdir(), 'bc-fp-'));
    const copy = join(dir, 'budget.xlsx');
    copyFileSync(join(ROOT, 'fixtures/variants/sheet-order/reference.xlsx'), copy);
    const a = sarif(await check([REFERENCE], { companions: false })).runs[0].results;
    const b = sarif(await check([relative(ROOT, copy)], { companions: false })).runs[0].results;
    const key = (x: Json) => x.partialFingerprints[FINGERPRINT_KEY];
    const cells = (list: Json[]) => list.map((x) => x.locations[0].logicalLocations[0].name).sort();
    expect(cells(a)).not.toEqual(cells(b)); // really another layout
    expect(a.length).toBeGreaterThan(5);
    expect(b.map(key).sort()).toEqual(a.map(key).sort());
    for (const x of a) {
      const twin = b.find((y: Json) => key(y) === key(x));
      expect(twin.ruleId).toBe(x.ruleId);
      expect(twin.message.text).toBe(x.message.text);
      expect(twin.locations[0].logicalLocations[0].name).not.toBe(x.locations[0].logicalLocations[0].name);
      expect(twin.partialFingerprints.primaryLocationLineHash).toBe(x.partialFingerprints.primaryLocationLineHash);
    }
  });

  it('differ between different findings, and are sha256 hex', async () => {
    const results = sarif(await referenceAndTruncated()).runs[0].results;
    const keys = results.map((x: Json) => x.partialFingerprints[FINGERPRINT_KEY]);
    expect(new Set(keys).size).toBe(keys.length);
    for (const k of keys) expect(k).toMatch(/^[0-9a-f]{64}$/);
    const txt = sarif(await checked(['fixtures/wuerhe-2022/disclosure.txt'])).runs[0].results;
    const txtKeys = txt.map((x: Json) => x.partialFingerprints[FINGERPRINT_KEY]);
    expect(new Set(txtKeys).size).toBe(txtKeys.length); // repeated mentions of the same wrong name stay apart
  });

  it('depend on rule, subject and file name, not on cells, message or directory', () => {
    const f = finding({ locations: [{ sheet: '表一', cell: 'B7' }], message: '甲', subject: { table: 'fiscal', row: '合计', column: 'total' } });
    const moved = { ...f, locations: [{ sheet: 'Sheet9', cell: 'Z99' }], message: 'another wording' };
    expect(fingerprint(moved, 'other/dir/budget.xlsx')).toBe(fingerprint(f, 'budget.xlsx'));
    expect(fingerprint(f, 'budget-2023.xlsx')).not.toBe(fingerprint(f, 'budget.xlsx'));
    expect(fingerprint({ ...f, ruleId: 'cross/same-figure' }, 'budget.xlsx')).not.toBe(fingerprint(f, 'budget.xlsx'));
    expect(fingerprint({ ...f, subject: { ...f.subject, column: 'basic' } }, 'budget.xlsx')).not.toBe(fingerprint(f, 'budget.xlsx'));
  });
});
