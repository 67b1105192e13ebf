import { describe, expect, it } from 'vitest';
import { findings, fixture, of } from '../../helpers.js';

describe('meta/document-kind', () => {
  it('fails (fail, text): the tables part is headed 部门预算公开表', async () => {
    expect(of(await findings(fixture('rules/meta/document-kind/fail.txt')), 'meta/document-kind')).toEqual([
      { rule: "meta/document-kind", severity: "warning", at: "line 13", expected: "单位预算", actual: "部门预算" },
      { rule: "meta/document-kind", severity: "warning", at: "line 75", expected: "单位预算", actual: "部门预算" },
    ]);
  });
  it('passes on the clean twin (text)', async () => {
    expect(of(await findings(fixture('wuerhe-2022-clean/disclosure.txt')), 'meta/document-kind')).toEqual([]);
  });
});
