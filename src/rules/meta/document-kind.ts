import type { Rule, RuleFinding } from '../types.js';

/**
 * 部门预算 wording inside a 单位预算 and the reverse. The kind is the one the cover or first
 * heading names; headings, table titles and the table of contents must use the same word. The
 * national form titles of the 绩效目标表 (部门预算项目支出绩效目标表) are not counted.
 */
export const rule: Rule = {
  id: 'meta/document-kind',
  severity: 'warning',
  title: { zh: '单位预算/部门预算用词一致', en: 'Unit or department budget, consistently' },
  messages: {
    kind: { zh: '本公开为{expected}，「{text}」却称{actual}', en: 'This is a {expected} disclosure, but "{text}" says {actual}' },
  },
  check(d) {
    const n = d.narrative;
    const out: RuleFinding[] = [];
    const sources: { text: string; at: import('../../document.js').Location }[] = [
      ...(n?.blocks.filter((b) => (b.heading || b.index < 4 || b.sections[0] === 'toc') && !b.cells) ?? []).map((b) => ({ text: b.text.replace(/^[\s\-•·*]+/, ''), at: b.at })),
      ...d.tables.map((t) => ({ text: t.title.value, at: t.title.at })),
    ];
    const texts = sources
      // titles of laws and notices (《…关于推进部门所属单位预算公开的指导意见》) are not this disclosure's words
      .map((x) => ({ ...x, words: x.text.replace(/《[^《》]*》|<[^<>]*>/g, '《》') }))
      .filter((x) => !/绩效目标表/.test(x.text));
    const first = texts.find((x) => /单位预算|部门预算|单位决算|部门决算/.test(x.words) && !/^目\s*录/.test(x.words));
    if (!first) return out;
    const kind = /部门(预算|决算)/.test(first.words) ? '部门' : '单位';
    const other = kind === '单位' ? /部门(预算|决算|收支|收入|支出|财务)/ : /(?<!预算)单位(预算|决算|收支|收入|支出)/;
    for (const x of texts) {
      // "部门预算经济分类" names a classification, not the kind of budget
      const m = other.exec(x.words.replace(/部门(预算)?经济分类/g, '经济分类'));
      if (!m) continue;
      out.push({
        messageId: 'kind',
        params: { expected: `${kind}预算`, actual: m[0], text: x.text },
        locations: [{ ...x.at, excerpt: x.text }],
        expected: `${kind}预算`,
        actual: m[0],
        subject: { text: `${x.text}|kind` },
      });
    }
    return out;
  },
};
