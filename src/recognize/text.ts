/** Text normalization shared by the recognizer and the narrative reader. */

/** Full-width ASCII (digits, letters, punctuation) → half-width; ideographic space → space. */
export function toHalfWidth(s: string): string {
  if (!FULL_WIDTH.test(s)) return s;
  return s.replace(/[\uFF01-\uFF5E]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0)).replace(/\u3000/g, ' ');
}

const FULL_WIDTH = /[\uFF01-\uFF5E\u3000]/;

/** Labels repeat across rows, tables and files: their keys are remembered (bounded). */
const keys = new Map<string, string>();

/** Key for comparing labels: half-width, no whitespace, no quotes, unified brackets. */
export function labelKey(s: string): string {
  let k = keys.get(s);
  if (k === undefined) {
    if (keys.size > 50_000) keys.clear();
    k = computeLabelKey(s);
    keys.set(s, k);
  }
  return k;
}

function computeLabelKey(s: string): string {
  return toHalfWidth(s)
    .replace(/[\s\u00a0]+/g, '')
    .replace(/["'“”‘’「」『』]/g, '')
    .replace(/[【\[]/g, '[')
    .replace(/[】\]]/g, ']')
    .replace(/[〔]/g, '(')
    .replace(/[〕]/g, ')');
}

/** Removes a trailing bracketed qualifier: "行政运行(政府办公厅(室)及相关机构事务)" → "行政运行". */
export function stripQualifier(name: string): string {
  const s = labelKey(name);
  if (!s.endsWith(')')) return s;
  let depth = 0;
  for (let i = s.length - 1; i >= 0; i--) {
    if (s[i] === ')') depth++;
    else if (s[i] === '(') {
      depth--;
      if (depth === 0) return i > 0 ? s.slice(0, i) : s;
    }
  }
  return s;
}

/** Chinese numerals up to 99, as used in section and list numbering. */
export function chineseNumber(s: string): number | null {
  const digits: Record<string, number> = { 零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
  if (/^\d+$/.test(s)) return Number(s);
  if (s === '十') return 10;
  const m = /^([一二三四五六七八九])?十([一二三四五六七八九])?$/.exec(s);
  if (m) return (m[1] ? digits[m[1]] : 1) * 10 + (m[2] ? digits[m[2]] : 0);
  if (s.length === 1 && s in digits) return digits[s];
  return null;
}

/** Removes list numbering such as "一、", "(一)", "1.", "1、", "- ", "（三）". */
export function stripNumbering(s: string): string {
  return s
    .replace(/^[\s\-•·*]+/, '')
    .replace(/^(?:[(（][一二三四五六七八九十\d]+[)）]|[一二三四五六七八九十]+[、.．]|\d+(?:[.．、](?!\d)|\s))\s*/, '')
    .trim();
}
