/**
 * Shapes of running text seen in real disclosures (each written afresh here): breakdowns in
 * parentheses, details that restate a list, lists that name their own subject, hard-wrapped and
 * spaced-out PDF exports, a change after the last item, "X中，" paragraphs, "等" lists.
 */
import { describe, expect, it } from 'vitest';
import { loadDocument } from '../src/load/index.js';
import { readNarrative } from '../src/narrative/index.js';
import { recognize } from '../src/recognize/index.js';
import { runRules } from '../src/rules/engine.js';

async function read(text: string) {
  const d = recognize(await loadDocument('x.txt', Buffer.from(text, 'utf8')));
  d.narrative = readNarrative(d);
  return d;
}
const lists = (d: Awaited<ReturnType<typeof read>>) => d.narrative!.lists.map((l) => `${l.total.subject} = ${l.items.map((i) => `${i.subject} ${i.amount?.text ?? '?'}`).join(' + ')}`);
const NARRATIVE = ['narrative/list-sum', 'narrative/share', 'narrative/yoy', 'narrative/repeated-figure', 'narrative/delta-breakdown'];
const found = (d: Awaited<ReturnType<typeof read>>) => runRules(d, { only: NARRATIVE }).map((f) => [f.ruleId, f.expected ?? null, f.actual ?? null]);

describe('running text as real disclosures write it', () => {
  it('reads a breakdown in parentheses as a list of its own, and the change after it as the outer item’s', async () => {
    const d = await read('一、“三公”经费安排情况\n本部门安排“三公”经费12.4万元，比上年增加2.4万元，增长24%。其中：因公出国（境）费0万元；公务用车购置及运行费7.2万元（公务用车购置费0万元，公务用车运行维护费7.2万元），比上年增加2万元，增长38.46%；公务接待费5.2万元，比上年增加0.4万元，增长8.33%。');
    expect(lists(d)).toEqual(['三公经费 = 因公出国(境)费 0万元 + 公务用车购置及运行费 7.2万元 + 公务接待费 5.2万元', '公务用车购置及运行费 = 公务用车购置费 0万元 + 公务用车运行维护费 7.2万元']);
    const vehicle = d.narrative!.statements.find((s) => s.subject === '公务用车购置及运行费')!;
    expect([vehicle.change?.amount?.text, vehicle.change?.percent !== 'na' && vehicle.change?.percent?.text]).toEqual(['2万元', '38.46%']);
    expect(found(d)).toEqual([]);
  });

  it('does not count the items again when "具体情况如下：" describes them one by one', async () => {
    const d = await read(
      '二、“三公”经费预算情况说明\n本局“三公”经费预算为30万元，比上年减少6万元，下降16.67%。其中：因公出国（境）费预算为0万元，公务接待费预算为6万元，公务用车购置及运行费预算为24万元。具体情况如下：\n（一）因公出国（境）费预算0万元，与上年持平。\n（二）公务接待费预算6万元，比上年减少2万元，下降25%。\n（三）公务用车购置及运行费预算24万元，比上年减少4万元，下降14.29%。',
    );
    expect(lists(d)).toEqual(['三公经费预算 = 因公出国(境)费预算 0万元 + 公务接待费预算 6万元 + 公务用车购置及运行费预算 24万元']);
    expect(found(d)).toEqual([]);
  });

  it('gives "支出包括：" its own subject instead of the amount before it', async () => {
    const d = await read('四、财政拨款收支预算情况说明\n财政拨款收支总预算1,200.00万元。收入包括：一般公共预算拨款1,150.00万元、上年结转50.00万元；支出包括：教育支出1,000.00万元、社会保障和就业支出120.00万元、住房保障支出80.00万元。');
    expect(lists(d)).toEqual(['财政拨款收支总预算 = 一般公共预算拨款 1,150.00万元 + 上年结转 50.00万元', '支出 = 教育支出 1,000.00万元 + 社会保障和就业支出 120.00万元 + 住房保障支出 80.00万元']);
    expect(found(d)).toEqual([]);
  });

  it('reads 基本支出 under a line as that line’s, not the total’s', async () => {
    const d = await read('五、一般公共预算支出情况说明\n一般公共预算拨款支出900.00万元，其中：基本支出900.00万元，项目支出0万元。\n初中教育支出400.00万元，其中：基本支出400.00万元，项目支出0万元。\n高中教育支出500.00万元，其中：基本支出500.00万元，项目支出0万元。');
    expect(found(d)).toEqual([]);
  });

  it('joins the lines of a hard-wrapped export and puts spaced-out characters back together', async () => {
    const d = await read(
      [
        '（二）政府采购预算情况说明。',
        '2025 年 政 府 采 购 预 算 5000000.00 元 , 同 比 增 加',
        '1000000.00 元,增长 25%。其中:政府集中采购预算',
        '3000000.00 元,占政府采购预算的 60%,同比增加 500000',
        '元,增长 20%;主要原因是增加了服务类政府采购、固定',
        '资产政府采购等。分散采购 2000000.00 元,占政府采购预',
        '算的 40%,同比增加 500000.00 元,增长 33.33%;主要原',
        '因是增加了基建项目采购。',
      ].join('\n'),
    );
    expect(d.narrative!.blocks.map((b) => b.text)).toEqual([
      '（二）政府采购预算情况说明。',
      '2025 年政府采购预算 5000000.00 元,同比增加1000000.00 元,增长 25%。其中:政府集中采购预算3000000.00 元,占政府采购预算的 60%,同比增加 500000元,增长 20%;主要原因是增加了服务类政府采购、固定资产政府采购等。分散采购 2000000.00 元,占政府采购预算的 40%,同比增加 500000.00 元,增长 33.33%;主要原因是增加了基建项目采购。',
    ]);
    expect(lists(d)).toEqual(['政府采购预算 = 政府集中采购预算 3000000.00元 + 分散采购 2000000.00元']);
    expect(found(d)).toEqual([]);
    // and a wrong rate in it is found
    const wrong = await read(['（二）政府采购预算情况说明。', '2025 年 政 府 采 购 预 算 5000000.00 元 , 同 比 增 加', '1000000.00 元,增长 30%。其中:政府集中采购预算', '3000000.00 元,占政府采购预算的 60%;分散采购 2000000.00 元,占政府采购预', '算的 40%。'].join('\n'));
    expect(found(wrong)).toEqual([['narrative/yoy', '25%', '30%']]);
  });

  it('accepts a change after the last item when it is the total’s', async () => {
    const d = await read('三、事业运行经费\n事业运行经费总预算安排4,000.00万元，其中：基本支出预算500.00万元，项目支出预算3,500.00万元，同比增加1,000.00万元，增长33.33%。');
    expect(found(d)).toEqual([]);
    // the same words with a rate that fits neither the total (33.33%) nor the item (40%)
    const wrong = await read('三、事业运行经费\n事业运行经费总预算安排4,000.00万元，其中：基本支出预算500.00万元，项目支出预算3,500.00万元，同比增加1,000.00万元，增长50%。');
    expect(found(wrong)).toEqual([['narrative/yoy', '40%', '50%']]);
  });

  it('takes "X中，" at the start of a paragraph as the breakdown of X stated before, and 支出决算 after 支出预算 as the same line’s', async () => {
    const d = await read(
      '七、“三公”经费支出决算情况说明\n（一）总体情况\n本中心一般公共预算财政拨款“三公”经费支出预算为5万元，支出决算为2.00万元，完成预算的40%。\n（二）具体情况\n本中心一般公共预算财政拨款“三公”经费支出决算中，公务接待费支出决算0.50万元，占75%；公务用车购置及运行维护费支出决算1.50万元，占25%。',
    );
    expect(lists(d)).toEqual(['一般公共预算财政拨款三公经费支出决算 = 公务接待费支出决算 0.50万元 + 公务用车购置及运行维护费支出决算 1.50万元']);
    expect(found(d)).toEqual([
      ['narrative/share', '25%', '75%'],
      ['narrative/share', '75%', '25%'],
    ]);
  });

  it('leaves open only the list that ends in "等", not the one it is an item of', async () => {
    const d = await read(
      '六、基本支出情况说明\n2023年一般公共预算财政拨款基本支出900.00万元，其中：\n人员经费500.00万元，主要包括：基本工资、津贴补贴、奖金等。\n公用经费100.00万元，主要包括：办公费、印刷费、水电费等。',
    );
    expect(found(d)).toEqual([['narrative/list-sum', '600.00', '900.00']]);
  });

  it('does not take a contents entry for a table when only sentences follow it', async () => {
    const d = await read(
      ['目 录', '九、政府性基金预算支出情况表', '十、项目支出表', '第三部分 名词解释', '一、财政拨款收入：是指财政当年拨付的资金。', '二、财政专户管理资金：是指缴入财政专户、实行专项管理的教育收费。', '三、事业收入：是指事业单位开展专业活动取得的收入。'].join('\n'),
    );
    expect(d.tables).toEqual([]);
  });

  it('reads a prior-year figure said outright ("较2024年的2190万元减少221万元") and checks the change and the rate against it', async () => {
    const ok = await read('一、“三公”经费预算\n2025年“三公”经费预算总额为1969万元，较2024年的2190万元减少221万元，下降10.1%。');
    expect(found(ok)).toEqual([]);
    const delta = await read('一、“三公”经费预算\n2025年“三公”经费预算总额为1969万元，较2024年的2190万元减少231万元，下降10.5%。');
    expect(found(delta)).toEqual([['narrative/yoy', '221万元', '231万元']]);
    const rate = await read('四、会议费培训费\n（二）培训费2023年预算2万元，较2022年预算1.50万元增长75%。\n（三）差旅费2023年预算1万元，较2022年预算2万元减少50%。');
    expect(found(rate)).toEqual([['narrative/yoy', '33%', '75%']]);
  });

  it('gives a sentence without a subject ("与2023年预算相比增长16.75%，其中…") to the one before', async () => {
    const d = await read('一、“三公”经费\n2024年一般公共预算“三公”经费支出预算为14.01万元，其中：因公出国（境）费用0万元，公务用车运行维护费14.01万元，公务接待费0万元。与2023年预算相比增长16.75%，其中因公出国（境）费增加0万元，公务用车运行维护费增加2.01万元，公务接待费减少0万元。');
    expect(lists(d)).toEqual(['一般公共预算三公经费支出预算 = 因公出国(境)费用 0万元 + 公务用车运行维护费 14.01万元 + 公务接待费 0万元']);
    const head = d.narrative!.statements[0];
    expect(head.change?.percent !== 'na' && head.change?.percent?.text).toBe('16.75%');
    expect(found(d)).toEqual([]);
  });

  it('does not take last year’s figure as this year’s ("2021年度…决算" before "2022年度…较上年")', async () => {
    const text = (rate: string) =>
      `一、“三公”经费预算安排情况\n2022年度“三公”经费预算总计21.8万元，其中：因公出国（境）经费0万元，公务接待11.8万元，公务用车运行费用10万元。\n二、2021年“三公”经费决算情况\n2021年度“三公”经费合计支出20.12万元，其中：因公出国（境）经费0万元，公务接待12.39万元，公务用车运行费用7.73万元。\n2022年度“三公”经费预算较2021年度增加1.68万元。公务用车运行费用较上年同期增加2.27万元，增长${rate}。`;
    expect(found(await read(text('29.37%')))).toEqual([]);
    expect(found(await read(text('41.58%')))).toEqual([['narrative/yoy', '29.37%', '41.58%']]);
  });

  it('reads a bare "，包括" as the breakdown of the item before it, up to the end of the clause', async () => {
    const d = await read('一、收入预算情况\n2022年收入预算总额为7783.26万元。其中：财政拨款收入751.8万元，占收入预算总额的9.66%，包括一般公共预算收入751.8万元；其他收入7000万元，占收入预算总额的89.94%；上年结转31.46万元，占收入预算总额的0.4%。');
    expect(lists(d)).toEqual(['收入预算总额 = 财政拨款收入 751.8万元 + 其他收入 7000万元 + 上年结转 31.46万元', '财政拨款收入 = 一般公共预算收入 751.8万元']);
    expect(found(d)).toEqual([]);
  });

  it('does not sum a list that the text breaks off ("…；上年结" / a lone "3")', async () => {
    expect(found(await read('一、收入预算情况\n2022年收入预算总额为7783.26万元。其中：财政拨款收入751.8万元；其他收入7000万元；上年结'))).toEqual([]);
    expect(found(await read('二、支出预算情况\n2022年支出预算2883.63万元。包括：\n1.公共安全支出2502.65万元。\n2.社会保障和就业支出118.87万元。\n3'))).toEqual([]);
  });

  it('takes "收入较上年增加…" as the change of the 收入预算 just stated', async () => {
    const d = await read('三、部门收支总体情况\n2024年本部门收入预算7018.511万元，其中，一般公共预算财政拨款收入7018.511万元，政府性基金预算财政拨款收入0万元。收入较上年增加2042.519万元，增加30.14%。');
    expect(found(d)).toEqual([['narrative/yoy', '41.05%', '30.14%']]);
  });

  it('does not read the kind of budget from the titles of laws and notices', async () => {
    const d = await read('按照《关于推进部门所属单位预算公开的指导意见》的要求，现将2022年部门预算公开如下：\n一、部门职责\n本院依法行使审判权。');
    expect(runRules(d, { only: ['meta/document-kind'] })).toEqual([]);
  });
});
