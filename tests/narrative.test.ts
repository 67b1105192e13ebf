import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { loadDocument } from '../src/load/index.js';
import { readNarrative } from '../src/narrative/index.js';
import { recognize } from '../src/recognize/index.js';
import { runRules } from '../src/rules/engine.js';

async function read(text: string, encode: (s: string) => Buffer = (s) => Buffer.from(s, 'utf8')) {
  const d = recognize(await loadDocument('x.txt', encode(text)));
  d.narrative = readNarrative(d);
  return d;
}

const brief = (s: { subject: string; amount?: { text: string }; share?: { text: string }; change?: { direction: string; amount?: { text: string }; percent?: { text: string } | 'na' } }) =>
  [s.subject, s.amount?.text ?? '', s.share?.text ?? '', s.change ? `${s.change.direction} ${s.change.amount?.text ?? ''} ${s.change.percent === 'na' ? 'na' : s.change.percent?.text ?? ''}`.trim() : ''].join('|');

describe('reading running text', () => {
  it('joins a number and its unit split over lines, spaces before %, separators in percentages', async () => {
    const d = await read(
      [
        '三、关于支出预算情况说明',
        '本单位2022年支出预算550万元，其中：',
        '基本支出 473.47 万元，占86.09 %，比上年预算增加62.95万元，增长15.33 %。项目支出76.53',
        '',
        '万元，比上年预算增加72.00万元，增长1,589.4%。',
      ].join('\n'),
    );
    expect(d.narrative!.statements.map(brief)).toEqual(['支出预算|550万元||', '基本支出|473.47万元|86.09%|up 62.95万元 15.33%', '项目支出|76.53万元||up 72.00万元 1,589.4%']);
    expect(d.narrative!.lists.map((l) => [l.total.subject, l.items.map((i) => i.subject)])).toEqual([['支出预算', ['基本支出', '项目支出']]]);
  });

  it('reads full-width digits and punctuation, and GBK text', async () => {
    const text = '八、三公经费情况\n“三公”经费预算数为６７．１万元，比上年增加６．１５万元，增长１０．０９％。';
    for (const enc of [(s: string) => Buffer.from(s, 'utf8'), (s: string) => iconv.encode(s, 'gbk'), (s: string) => Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(s, 'utf8')])]) {
      const d = await read(text, enc);
      expect(d.narrative!.statements.map(brief)).toEqual(['三公经费|６７．１万元||up ６．１５万元 １０．０９％'.replace(/[０-９．％]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))]);
    }
  });

  it('reads "增长--(基数为0,不可比)" as a rate that cannot be given', async () => {
    const d = await read('八、三公经费\n公务接待费2万元，比上年增加2万元，增长--(基数为0,不可比)。');
    expect(d.narrative!.statements.map(brief)).toEqual(['公务接待费|2万元||up 2万元 na']);
    expect(runRules(d, { only: ['narrative/yoy'] })).toEqual([]);
  });

  it('gives each subject its own figures in "各减少A、B万元，各下降x%、y%"', async () => {
    const d = await read('八、三公经费\n公务用车购置费和运行费各减少1、2万元，各下降10%、20%。');
    expect(d.narrative!.statements.map(brief)).toEqual(['公务用车购置费|||down 1万元 10%', '公务用车运行费|||down 2万元 20%']);
  });

  it('reads "收、支总计各是A,B万元…各减少C,D万元,各下降x%、y%" as two subjects, and checks their rates', async () => {
    const d = await read('一、收入支出决算总体情况说明\n2022年度收、支总计各是4125.49,4143.91万元。与2021年相比,收、支总计各减少1267.86,2570.97万元,各下降23.51%、38.28%。');
    expect(d.narrative!.statements.map(brief)).toEqual(['收总计|4125.49万元||', '支总计|4143.91万元||', '收总计|||down 1267.86万元 23.51%', '支总计|||down 2570.97万元 38.28%']);
    // 2570.97 ÷ (4143.91 + 2570.97) = 38.2876%: 38.28% is truncated, not rounded
    expect(runRules(d, { only: ['narrative/yoy'] }).map((f) => [f.expected, f.actual])).toEqual([['38.29%', '38.28%']]);
  });

  it('keeps amounts inside a reason out of the statements', async () => {
    const d = await read('三、支出预算\n项目支出76.53万元，比上年预算减少149.47万元，下降66.14%，主要原因是区长专项经费比上年度减少了80万元；网站建设经费比上年减少了15万元；以及其他专项经费的减少。');
    expect(d.narrative!.statements.map(brief)).toEqual(['项目支出|76.53万元||down 149.47万元 66.14%']);
  });
});

describe('lists that restate their total', () => {
  const text = (third: string) =>
    `六、年度预算安排\n2025年度项目总预算2921.00万，其中支持外贸发展370.00万，支持商销稳增长${third}万，区级支持总部经济1106.00万，市级支持总部经济1262.00万，进博会推进专项153.00万，合计2921.00万。`;

  it('reads "…，合计2921.00万" as the total said again, and a change word without a comparison as part of a name', async () => {
    const d = await read(text('30.00'));
    const [l] = d.narrative!.lists;
    expect([l.total.subject, l.items.map(brief), l.restated?.amount?.text]).toEqual([
      '项目总预算',
      ['支持外贸发展|370.00万||', '支持商销稳增长|30.00万||', '区级支持总部经济|1106.00万||', '市级支持总部经济|1262.00万||', '进博会推进专项|153.00万||'],
      '2921.00万',
    ]);
    expect(runRules(d, { only: ['narrative/list-sum'] })).toEqual([]);
  });

  it('still finds an item that is wrong', async () => {
    const d = await read(text('40.00'));
    expect(runRules(d, { only: ['narrative/list-sum'] }).map((f) => [f.ruleId, f.expected, f.actual])).toEqual([['narrative/list-sum', '2931.00', '2921.00']]);
  });

  it('keeps a change word with a comparison as a change inside a list of changes', async () => {
    const d = await read('三、支出预算\n支出预算500万元，比上年增加30万元，其中：基本支出增加20万元，项目支出增加10万元。');
    expect(d.narrative!.statements.map(brief)).toEqual(['支出预算|500万元||up 30万元', '基本支出|||up 20万元', '项目支出|||up 10万元']);
  });
});

describe('narrative/yoy on the reference text', () => {
  it('flags 行政运行 16.7% and 养老 4.4%, and not 信访事务 52.1% or 一般行政管理事务 66.4%, which rounding allows', async () => {
    const { readFileSync } = await import('node:fs');
    const d = await read(readFileSync(new URL('../fixtures/wuerhe-2022/disclosure.txt', import.meta.url), 'utf8'));
    const yoy = runRules(d, { only: ['narrative/yoy'] });
    expect(yoy.map((f) => [f.locations[0].line, f.expected, f.actual])).toEqual([
      [352, '15.5%', '16.7%'],
      [358, '4.3%', '4.4%'],
    ]);
    expect(yoy[0].message).toBe('「行政运行（2010301）」本年448.43万元，增加60.08万元，增长率应为15.5%（60.08万元÷上年388.35万元），文中写16.7%');
  });
});
