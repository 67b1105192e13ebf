import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Finding } from '../src/rules/types.js';
import { findings, fixture } from './helpers.js';

/** What a finding says independent of where the layout put it. */
const gist = (f: Finding) => ({ rule: f.ruleId, severity: f.severity, expected: f.expected ?? null, actual: f.actual ?? null, table: f.table ?? null });

const variants = readdirSync(fixture('variants'));

describe('layout variants give the findings of their standard counterpart', async () => {
  const reference = (await findings(fixture('wuerhe-2022/budget.xlsx'))).map(gist);
  it('covers the layouts the issue lists', () => {
    expect(variants.sort()).toEqual(['code-in-name', 'csv-gbk', 'joined-codes', 'one-sheet', 'repeated-header', 'shanghai', 'sheet-order', 'text-numbers', 'total-last', 'xls', 'yuan']);
  });
  for (const v of variants) {
    const files = readdirSync(fixture(`variants/${v}`));
    const ref = files.find((f) => f.startsWith('reference'))!;
    const clean = files.find((f) => f.startsWith('clean'))!;
    it(`${v}: the published tables give the reference findings`, async () => {
      const got = (await findings(fixture(`variants/${v}/${ref}`))).map(gist);
      // the Shanghai layout names the unit only in table headers (no unit rows), so it has fewer mentions
      const want = v === 'shanghai' ? reference.filter((f, i, a) => f.rule !== 'meta/unit-name' || a.findIndex((g) => g.table === f.table && g.rule === f.rule) === i) : reference;
      expect(sortGists(got)).toEqual(sortGists(want));
    });
    it(`${v}: the corrected twin gives no findings`, async () => {
      expect(await findings(fixture(`variants/${v}/${clean}`))).toEqual([]);
    });
  }
});

function sortGists<T>(list: T[]): T[] {
  return [...list].sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
}
