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
});
