/**
 * Statements in running text: a subject with its amount, share and year-on-year change, and
 * the itemized lists they open ("其中：…、…").
 *
 *   基本支出 473.47 万元，占86.09 %，比上年预算增加62.95万元，增长15.33%，主要原因是…
 *   公务用车运行费增加6.15万元，增长14.49%
 *   因公出国（境）费0万元，与2024年预算持平
 */
import type { Location } from '../document.js';
import type { Figure } from '../model.js';
import { toHalfWidth } from '../recognize/text.js';
import { AMOUNT, NUM, amountFigure, percentOf } from './numbers.js';
import { sameItem } from './resolve.js';
import { spanAt } from './text.js';
import type { Change, Direction, ItemList, Statement, TextBlock } from './types.js';

const UP = '增加|增长|上升|提高|增';
const DOWN = '减少|下降|降低|减';
/** Words that put an amount or a rate in the change rather than the level. */
const DELTA_BEFORE = new RegExp(`(${UP}|${DOWN})\\s*$`);
const PERCENT_ANY = new RegExp(String.raw`(${NUM})\s*%`, 'g');
const NA_RATE = /^[\s]*(?:-{1,2}|—{1,2}|－{1,2})\s*[(（]?[^)）]*不可比[^)）]*[)）]?|^\s*不可比/;

interface Token {
  kind: 'amount' | 'percent' | 'flat' | 'new' | 'list' | 'sublist' | 'stop' | 'na' | 'popen' | 'pclose';
  start: number;
  end: number;
  fig?: Figure;
  num?: string;
}

/** Reads the statements of one block. `lead` is the statement that opened a list in an earlier block. */
export function readStatements(
  block: TextBlock,
  unitNames: string[],
  carry: Statement | null,
  earlier: readonly Statement[] = [],
): { statements: Statement[]; lists: ItemList[]; open: Statement | null } {
  const text = block.norm;
  const tokens: Token[] = [];
  for (const m of text.matchAll(AMOUNT)) {
    const fig = amountFigure(m[1], m[2], spanAt(block, m.index!, m.index! + m[0].length));
    if (fig) tokens.push({ kind: 'amount', start: m.index!, end: m.index! + m[0].length, fig, num: m[1] });
  }
  for (const m of text.matchAll(PERCENT_ANY)) {
    if (tokens.some((t) => t.start <= m.index! && m.index! < t.end)) continue;
    tokens.push({ kind: 'percent', start: m.index!, end: m.index! + m[0].length, num: m[1] });
  }
  for (const m of text.matchAll(/持平|不变|相同/g)) tokens.push({ kind: 'flat', start: m.index!, end: m.index! + m[0].length });
  for (const m of text.matchAll(/(?:增长|增加|下降|减少)\s*(?:-{1,2}|—{1,2}|－{1,2})[^，,。;；]*/g)) tokens.push({ kind: 'na', start: m.index!, end: m.index! + m[0].length });
  for (const m of text.matchAll(/其中[:：]?|主要包括[:：]?|包括[:：]|分别是[:：]?|具体(?:包括|如下)[:：]?/g)) tokens.push({ kind: 'list', start: m.index!, end: m.index! + m[0].length });
  // "财政拨款收入751.8万元，占…，包括一般公共预算收入751.8万元；其他收入7000万元": a breakdown
  // of the item before it, up to the end of the clause
  for (const m of text.matchAll(/[，,]包括(?![:：])/g)) if (!tokens.some((t) => t.kind === 'list' && t.start <= m.index! + 1 && m.index! + 1 < t.end)) tokens.push({ kind: 'sublist', start: m.index! + 1, end: m.index! + m[0].length });
  for (const m of text.matchAll(/[。;；]|主要原因|原因是|主要用于|用于/g)) tokens.push({ kind: 'stop', start: m.index!, end: m.index! + m[0].length });
  // "公务用车购置及运行费5.50万元（公务用车购置费0万元，公务用车运行维护费5.50万元），比上年…":
  // a parenthesis right after an amount breaks that amount down
  const amountEnds = new Set(tokens.filter((t) => t.kind === 'amount').map((t) => t.end));
  for (const m of text.matchAll(/\s*[(（]/g)) {
    if (!amountEnds.has(m.index!)) continue;
    const open = m.index! + m[0].length - 1;
    const close = text.slice(open).search(/[)）]/);
    const stop = text.slice(open).search(/[。;；]/);
    if (close < 0 || (stop >= 0 && stop < close)) continue;
    tokens.push({ kind: 'popen', start: open, end: open + 1 }, { kind: 'pclose', start: open + close, end: open + close + 1 });
  }
  tokens.sort((a, b) => a.start - b.start || a.end - b.end);
  const parallel = readParallel(block, unitNames);
  if (parallel.length) {
    // "A和B各减少1、2万元，各下降10%、20%": those spans are read here, not token by token
    const spans = parallel.map((p) => p.span);
    for (let i = tokens.length - 1; i >= 0; i--) if (tokens[i].kind !== 'stop' && spans.some(([a, b]) => tokens[i].start >= a && tokens[i].start < b)) tokens.splice(i, 1);
  }

  const statements: Statement[] = [];
  const lists: ItemList[] = [];
  let current: Statement | null = null;
  let last: Statement | null = null;
  // open lists, innermost last; a list carried in from an earlier block stays at the bottom
  const stack: ItemList[] = [];
  const openList = (head: Statement) => {
    const l: ItemList = { total: head, items: [], open: false, at: head.at };
    lists.push(l);
    stack.push(l);
  };
  if (carry) openList(carry);
  let sentenceStart = 0;
  let lastBoundary = 0;
  /** Inside a reason or purpose clause: amounts there are not statements about the tables. */
  let inReason = false;
  /** The reason began while a list was being enumerated: a ";" goes back to the list. */
  let reasonInList = false;
  let resumeCheck = false;
  /** A list opened by a bare 包括, which ends with its clause. */
  let clauseList: ItemList | null = null;
  const closeClauseList = () => {
    if (!clauseList) return;
    const at = stack.lastIndexOf(clauseList);
    if (at >= 0) stack.splice(at, 1);
    clauseList = null;
  };
  /** Open breakdowns in parentheses, innermost last. */
  const parens: { head: Statement; list: ItemList }[] = [];
  let previousStart = -1;
  /** The first statement of the sentence being read, and of the one before. */
  let sentenceFirst: Statement | null = null;
  let previousSentenceFirst: Statement | null = null;
  /** The budget year the sentence speaks of: a year written before its first amount, not after 比/较/与. */
  const sentenceYear = (upTo: number): number | undefined => {
    const lead = text.slice(sentenceStart, upTo);
    for (const m of lead.matchAll(/(\d{4})\s*年/g)) if (!/(?:比|较|与|同)\s*$/.test(lead.slice(0, m.index))) return (blockYear = Number(m[1]));
    return blockYear;
  };
  /** The year the paragraph last named: a sentence that names none goes on with it. */
  let blockYear: number | undefined;
  const make = (subjectText: string, start: number, end: number): Statement => {
    const cleaned = cleanSubject(subjectText, unitNames);
    const { code } = cleaned;
    let { subject } = cleaned;
    // "“三公”经费支出预算为3万元，支出决算为1.71万元": the bare 决算 is the same line's
    const previous = statements[statements.length - 1];
    const bare = /^(?:支出)?(?:预算|决算)(?:数)?$/.exec(subject);
    if (bare && previous && previousStart >= sentenceStart && /(?:支出)?(?:预算|决算)(?:数)?$/.test(previous.subject) && previous.subject.length > subject.length) {
      subject = previous.subject.replace(/(?:支出)?(?:预算|决算)(?:数)?$/, subject);
    }
    const st: Statement = { subject, code, block: block.index, section: block.sections, at: spanAt(block, start, end) };
    previousStart = start;
    st.year = sentenceYear(end);
    sentenceFirst ??= st;
    statements.push(st);
    const top = stack[stack.length - 1];
    // "…，合计1170.00万": the list's total said again, not another item
    if (top && top.items.length && (!subject || /^(?:合计|共计|总计)$/.test(subject)) && /合计|共计|总计/.test(subjectText)) top.restated = st;
    // an item named again ("(二)公务接待费支出预算4万元，比…" after the list) is described, not added
    else if (top && top.total !== st && !(subject && top.items.some((x) => sameItem(x.subject, subject)))) top.items.push(st);
    last = st;
    return st;
  };
  const GENERIC = /^(预算数|预算|金额|支出金额|价值|合计|预算安排|安排)?$/;
  /** "财政拨款支出预算中，…" (a sentence or a paragraph that begins so): what follows details that earlier line. */
  const detailsOf = (from: number) => {
    const sub = /^\s*([^，,。；;:：]{2,60}?)中[，,:：]/.exec(text.slice(from));
    if (!sub) return;
    const key = cleanSubject(sub[1], unitNames).subject;
    const head = [...statements].reverse().find((x) => x.subject === key) ?? [...earlier].reverse().find((x) => x.subject === key && x.amount);
    if (head) {
      head.opensList = true;
      openList(head);
    }
  };
  detailsOf(0);

  for (const tok of tokens) {
    if (tok.kind === 'stop') {
      const mark = text.slice(tok.start, tok.end);
      if (mark === '。') {
        current = null;
        closeClauseList();
        sentenceStart = tok.end;
        if (sentenceFirst) previousSentenceFirst = sentenceFirst;
        sentenceFirst = null;
        inReason = false;
        detailsOf(tok.end);
      } else if (/[;；]/.test(mark)) {
        current = null;
        closeClauseList();
        // back to the list only if the next clause is another item, not more of the reason
        if (inReason && reasonInList) resumeCheck = true;
      } else {
        inReason = true;
        reasonInList = stack.some((l) => l.items.length > 0 && l.total !== carry);
      }
      lastBoundary = tok.end;
      continue;
    }
    if (tok.kind === 'sublist') {
      if (inReason || !current?.amount) continue;
      current.opensList = true;
      openList(current);
      clauseList = stack[stack.length - 1];
      lastBoundary = tok.end;
      continue;
    }
    if (tok.kind === 'popen') {
      if (inReason || !current) continue;
      current.opensList = true;
      openList(current);
      parens.push({ head: current, list: stack[stack.length - 1] });
      lastBoundary = tok.end;
      continue;
    }
    if (tok.kind === 'pclose') {
      const p = parens.pop();
      if (!p) continue;
      // what follows the parenthesis speaks of the amount before it again
      const at = stack.lastIndexOf(p.list);
      if (at >= 0) stack.splice(at);
      current = p.head;
      last = p.head;
      lastBoundary = tok.end;
      continue;
    }
    if (tok.kind === 'list') {
      if (inReason) continue;
      // "…；支出包括：教育支出…": the list names its own subject, which the sentence before
      // may total ("收支总预算…。收入包括：…") or not
      const lead = text.slice(Math.max(sentenceStart, lastClauseStart(text, tok.start)), tok.start);
      const own = cleanSubject(lead, unitNames).subject;
      const before = current ?? last;
      let head = before;
      if (own && !/\d/.test(lead) && !GENERIC.test(own) && !(before && (before.subject === own || (/^(收入|支出)$/.test(own) && /收支/.test(before.subject))))) {
        head = { subject: own, block: block.index, section: block.sections, at: spanAt(block, tok.start, tok.end) };
      }
      if (head) {
        head.opensList = true;
        openList(head);
      }
      lastBoundary = tok.end;
      continue;
    }
    const clauseStart = Math.max(sentenceStart, lastClauseStart(text, tok.start), lastBoundary && /[(（)）]/.test(text[lastBoundary - 1]) ? lastBoundary : 0);
    let clause = text.slice(clauseStart, tok.start);
    if (resumeCheck) {
      resumeCheck = false;
      if (!/比|较|了/.test(clause)) inReason = false;
    }
    if (inReason) continue;
    if (tok.kind === 'amount') {
      let delta = DELTA_BEFORE.exec(clause);
      // "项目总预算2921.00万，其中…，支持商销稳增长30.00万": inside a list of amounts, 稳增长 is
      // part of the item's name
      const top = stack[stack.length - 1];
      if (delta && top && top.total.amount && !top.total.change && /(?:稳|促|保)(?:增长|增收)\s*$/.test(clause)) delta = null;
      if (delta) {
        const word = delta[1];
        const subjectPart = clause.slice(0, delta.index).replace(/(比|较|与|同比)[^，,、]*$/, '');
        const own = cleanSubject(subjectPart, unitNames).subject;
        // "收入预算7018.511万元，其中：…。收入较上年增加2042.519万元": the same line again
        const again = own ? [current, sentenceFirst, previousSentenceFirst, stack[stack.length - 1]?.total].find((x) => x && x.amount && !x.change && lineKey(x.subject) === lineKey(own)) : undefined;
        const target: Statement = again ?? (own && !GENERIC.test(own) ? make(subjectPart, clauseStart, tok.end) : current ?? make(subjectPart, clauseStart, tok.end));
        target.change = { direction: dirOf(word), amount: tok.fig, amountWord: word, base: baseOf(clause), at: spanAt(block, clauseStart, tok.end), ...(target.change?.prior ? { prior: target.change.prior } : {}) };
        current = target;
      } else if (current && !current.change && /(?:比|较|与)\s*(?:\d{4}\s*年度?|上年|上一年|去年)(?:度)?(?:预算|决算)?(?:数)?的?\s*$/.test(clause)) {
        // "预算总额为1969万元，较2024年的2190万元减少221万元": last year's figure, said outright
        current.change = { direction: 'flat', at: spanAt(block, clauseStart, tok.end), prior: tok.fig };
      } else if (/(上年|上一年)[^，,]*?为\s*$/.test(clause) && current) {
        current.change = { ...(current.change ?? { direction: 'flat' as Direction, at: spanAt(block, tok.start, tok.end) }), prior: tok.fig };
      } else {
        // "…行政运行（01）:2022年预算数为448.43万元": the subject is before the colon
        let start = clauseStart;
        if (GENERIC.test(cleanSubject(clause, unitNames).subject.replace(/^\d{4}年/, '')) && /[:：]$/.test(text.slice(0, clauseStart))) {
          start = Math.max(sentenceStart, lastClauseStart(text, clauseStart - 1));
          clause = text.slice(start, tok.start);
        }
        current = make(clause, start, tok.end);
        current.amount = tok.fig;
      }
      lastBoundary = tok.end;
      continue;
    }
    if (tok.kind === 'percent') {
      const p = percentOf(tok.num!);
      if (!p) continue;
      if (/占[^，,]*$/.test(clause) && current) current.share = p;
      else {
        const d = new RegExp(`(${UP}|${DOWN})[^，,]*$`).exec(clause);
        // "。与2023年预算相比增长16.75%，其中…": a sentence without a subject goes on about the
        // one before
        if (d && !current && !sentenceFirst && previousSentenceFirst && !cleanSubject(clause.slice(0, d.index).replace(/(?:与|较|比|同比)[^，,]*$/, ''), unitNames).subject) {
          current = previousSentenceFirst;
        }
        if (d && current) {
          current.change = current.change ?? { direction: dirOf(d[1]), at: spanAt(block, clauseStart, tok.end) };
          // "较2022年预算1.50万元增长75%": the word gives the direction of a change stated by its base
          if (!current.change.amountWord && !current.change.percentWord) current.change.direction = dirOf(d[1]);
          current.change.percent = p;
          current.change.percentWord = d[1];
        }
      }
      lastBoundary = tok.end;
      continue;
    }
    if (tok.kind === 'na' && current) {
      current.change = current.change ?? { direction: /下降|减少/.test(text.slice(tok.start, tok.end)) ? 'down' : 'up', at: spanAt(block, tok.start, tok.end) };
      current.change.percent = 'na';
      lastBoundary = tok.end;
      continue;
    }
    if (tok.kind === 'flat') {
      if (current && /(比|较|与|同)/.test(clause)) {
        current.change = { ...(current.change ?? {}), direction: 'flat', base: baseOf(clause), at: spanAt(block, clauseStart, tok.end) } as Change;
      }
      lastBoundary = tok.end;
    }
  }
  for (const p of parallel) statements.push(...p.statements);
  // a block that ends with "其中：" hands its list to the next blocks
  // (after a complete list, "具体情况如下：" introduces the items' details, not more items)
  const top = stack[stack.length - 1];
  const open = /(其中|主要包括|包括|如下)[:：]?\s*$/.test(text) && top && top.items.length === 0 ? top.total : null;
  // "以及其他…" leaves a list open, but not when it belongs to a reason clause
  const outsideReasons = text.replace(/(?:主要)?原因[^。]*[。]?/g, '');
  // a paragraph cut off mid-sentence (the end of an excerpt, a lost page) leaves its lists unfinished
  // ("…；上年结": the last clause has words but neither an amount nor an end)
  const tail = text.slice(Math.max(0, ...[...text.matchAll(/[，,、；;]/g)].map((m) => m.index! + 1)));
  if (!/[。！？!?；;）)”"：:]\s*$/.test(text) && /[\u4e00-\u9fa5]/.test(tail) && !tokens.some((t) => t.kind === 'amount' && t.start >= text.length - tail.length)) for (const l of stack) if (l.items.length) l.open = true;
  // (the list being enumerated last: "基本支出911.7万元，其中：人员经费489.18万元，主要包括：基本工资、…等。"
  // leaves 人员经费's list open, not 基本支出's)
  if (/以及其他|及其他|等(?:支出|费用|项目)?[。]?$/.test(outsideReasons)) {
    const inner = stack[stack.length - 1];
    if (inner) inner.open = true;
  }
  return { statements, lists: lists.filter((l) => l.items.length > 0), open };
}

/** A line's name without 预算/总额 wording: 收入预算总额, 收入预算 and 收入 are one line. */
function lineKey(subject: string): string {
  return subject.replace(/(?:预算|决算)?(?:总额|总计|合计|数)?$/, '');
}

function lastClauseStart(text: string, end: number): number {
  let i = end - 1;
  while (i >= 0 && !/[，,。;；:：、]/.test(text[i])) i--;
  return i + 1;
}

function dirOf(word: string): Direction {
  return new RegExp(`^(${DOWN})$`).test(word) ? 'down' : 'up';
}

function baseOf(lead: string): string | undefined {
  const m = /(?:比|较|与|同比)\s*((?:\d{4}年|上年|上一年|去年)?[^，,增减下上持]{0,12})/.exec(lead);
  return m ? m[1].trim() || undefined : undefined;
}

/** Filler around a subject: numbering, the unit's name, the year, 为/合计/预算数为 … */
export function cleanSubject(raw: string, unitNames: string[]): { subject: string; code?: string } {
  let s = toHalfWidth(raw).replace(/\s+/g, '');
  s = s.replace(/^[,，、:：;；]+/, '');
  s = s.replace(/^(?:\d+[.、．]|[(（][一二三四五六七八九十\d]+[)）]|[一二三四五六七八九十]+[、.])/, '');
  for (const n of unitNames) if (n) s = s.split(n).join('');
  s = s.replace(/^(?:按照|根据)[^,，]*[,，]/, '');
  s = s.replace(/\d{4}年度?/g, '');
  s = s.replace(/^(?:本|我)(?:单位|部门|局|委|办|中心|院|所|校|馆|站|队|会|厅|处)/, '');
  s = s.replace(/^(?:共|拟)?安排(?=.{2,})/, '');
  s = s.replace(/^(?:其中|主要包括|包括|分别是|收入预算包括|支出预算包括)[:：]?/, '');
  s = s.replace(/^.*的(?=[^的]{2,}$)/, '');
  s = s.replace(/(?:预算数|预算金额|金额)?(?:合计|共计|总计)?为?$/, (m, offset: number) => (offset >= 2 || !/合计|共计|总计/.test(m) ? '' : m.replace(/为$/, '')));
  s = s.replace(/^(?:本级及下属|本级)/, '');
  s = s.replace(/["“”‘’「」]/g, '');
  let code: string | undefined;
  const codes = [...s.matchAll(/[(（](\d{2,3})[)）]/g)].map((m) => m[1]);
  if (codes.length) {
    code = codes.join('');
    if (!/^\d{3}(\d{2}){0,2}$/.test(code)) code = undefined;
  }
  return { subject: s.replace(/[:：]$/, ''), code };
}

/**
 * "公务用车购置费和运行费各减少1、2万元，各下降10%、20%" and "收、支总计各是4125.49,4143.91万元"
 * → one statement per subject.
 */
function readParallel(block: TextBlock, unitNames: string[]): { span: [number, number]; statements: Statement[] }[] {
  const text = block.norm;
  const out: { span: [number, number]; statements: Statement[] }[] = [];
  if (!text.includes('各')) return out;
  const list = String.raw`${NUM}(?:\s*[、,，和及]\s*${NUM})+`;
  const re = new RegExp(String.raw`([^，,。;；:：]+?)各(增加|减少|增长|下降|是|为)\s*(${list})\s*(亿元|万元|千元|元|万)(?:\s*[，,]\s*各(增长|下降|增加|减少)\s*(${list}|${NUM}(?:\s*%\s*[、,，和及]\s*${NUM})+)\s*%)?`, 'g');
  for (const m of text.matchAll(re)) {
    const subjects = parallelSubjects(m[1]);
    const amounts = m[3].split(/\s*[、和及]\s*|[,，](?!\d{3}(?!\d))/).map((x) => x.trim()).filter(Boolean);
    const rates = m[6] ? m[6].replace(/%/g, '').split(/\s*[、,，和及]\s*/).filter(Boolean) : [];
    if (subjects.length !== amounts.length || (rates.length && rates.length !== subjects.length)) continue;
    const span: [number, number] = [m.index!, m.index! + m[0].length];
    const at = spanAt(block, span[0], span[1]);
    const level = m[2] === '是' || m[2] === '为';
    const statements = subjects.map((full, i): Statement => {
      const { subject, code } = cleanSubject(full, unitNames);
      const fig = amountFigure(amounts[i], m[4], at) ?? undefined;
      const rate = rates[i] ? percentOf(rates[i]) : null;
      const st: Statement = { subject, code, block: block.index, section: block.sections, at };
      if (level) st.amount = fig;
      else st.change = { direction: dirOf(m[2]), amount: fig, amountWord: m[2], ...(rate ? { percent: rate, percentWord: m[5] } : {}), at };
      return st;
    });
    out.push({ span, statements });
  }
  return out;
}

/**
 * The subjects of a parallel statement, completed from each other: "公务用车购置费和运行费" share
 * the words in front (公务用车运行费), "收、支总计" the words behind (收总计, 支总计).
 */
function parallelSubjects(raw: string): string[] {
  const parts = raw
    .replace(/^\s*(?:\d{4}年度?|本年度?|全年)\s*/, '')
    .split(/和|及|与|、/)
    .map((x) => x.trim())
    .filter(Boolean);
  if (parts.length < 2) return parts;
  const last = parts[parts.length - 1];
  const short = parts.slice(0, -1);
  const k = short[0].length;
  if (short.every((p) => p.length === k) && last.length > k && k <= 2) {
    const suffix = last.slice(k);
    return [...short.map((p) => p + suffix), last];
  }
  const prefix = parts[1].length < parts[0].length ? parts[0].slice(0, parts[0].length - parts[1].length) : '';
  return parts.map((p, i) => (i > 0 && prefix && !p.startsWith(prefix.slice(0, 2)) ? prefix + p : p));
}
