import { describe, expect, it } from 'vitest';
import { findings, fixture, of } from '../../helpers.js';

describe('meta/unit-name', () => {
  it('fails: 表五 header names another unit', async () => {
    expect(of(await findings(fixture('rules/meta/unit-name/fail.xlsx')), 'meta/unit-name')).toEqual([
      { rule: "meta/unit-name", severity: "error", at: "表五!A3", expected: "乌尔禾区政府办公室", actual: "乌鲁木齐区政府办公室" },
    ]);
  });
  it('fails (text, text): §六 heading names 乌鲁木齐区人民政府办公室', async () => {
    expect(of(await findings(fixture('rules/meta/unit-name/text.txt')), 'meta/unit-name')).toEqual([
      { rule: "meta/unit-name", severity: "error", at: "line 32", expected: "乌尔禾区政府办公室", actual: "乌鲁木齐区人民政府办公室" },
      { rule: "meta/unit-name", severity: "error", at: "line 407", expected: "乌尔禾区政府办公室", actual: "乌鲁木齐区人民政府办公室" },
    ]);
  });
  it('passes on the clean twin', async () => {
    expect(of(await findings(fixture('wuerhe-2022-clean/budget.xlsx')), 'meta/unit-name')).toEqual([]);
  });
});
