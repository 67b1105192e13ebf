/** Messages that are not findings: file errors and the summary line, in both languages. */
import type { LoadErrorCode } from './load/errors.js';

export type Lang = 'zh' | 'en';

const ERRORS: Record<LoadErrorCode, { zh: string; en: string }> = {
  E_NOT_FOUND: { zh: '找不到文件', en: 'file not found' },
  E_IS_DIRECTORY: { zh: '这是一个目录，不是文件', en: 'this is a directory, not a file' },
  E_EMPTY: { zh: '文件是空的（0 字节）', en: 'the file is empty (0 bytes)' },
  E_UNSUPPORTED: {
    zh: '不支持的文件格式{ext}：请提供 .xlsx、.xls、.csv、.docx、.pdf 或 .txt 文件',
    en: 'unsupported file format{ext}: give an .xlsx, .xls, .csv, .docx, .pdf or .txt file',
  },
  E_CORRUPT: { zh: '文件已损坏或不完整，无法读取', en: 'the file is corrupt or truncated and cannot be read' },
  E_WRONG_TYPE: {
    zh: '文件内容与扩展名{ext}不符：这不是一个{kind}文件',
    en: 'the content does not match the extension{ext}: this is not a {kind} file',
  },
  E_ENCRYPTED: { zh: '文件有密码保护，请去除密码后再检查', en: 'the file is password-protected; remove the password and check again' },
  E_NO_TEXT: {
    zh: 'PDF 没有文字层（可能是扫描件），无法读取其中的数字；请提供由表格或文档直接导出的 PDF',
    en: 'the PDF has no text layer (probably a scan); give a PDF exported from the spreadsheet or document',
  },
  E_NO_TABLES: {
    zh: '文件中没有找到预算公开表格（如“收支总体情况表”）',
    en: 'no budget disclosure tables (such as 收支总体情况表) were found in the file',
  },
  E_UNREADABLE: { zh: '无法读取文件：{detail}', en: 'cannot read the file: {detail}' },
};

const KINDS: Record<string, { zh: string; en: string }> = {
  '.xlsx': { zh: 'Excel 工作簿', en: 'Excel workbook' },
  '.xls': { zh: 'Excel 工作簿', en: 'Excel workbook' },
  '.docx': { zh: 'Word 文档', en: 'Word document' },
  '.pdf': { zh: 'PDF', en: 'PDF' },
};

export function errorMessage(code: LoadErrorCode, params: Record<string, string>, lang: Lang): string {
  const t = ERRORS[code][lang];
  return t.replace(/\{(\w+)\}/g, (_, k: string) => {
    const v = params[k];
    if (k === 'ext') return v ? (lang === 'zh' ? `“${v}”` : ` "${v}"`) : '';
    if (k === 'kind') return KINDS[v]?.[lang] ?? v ?? '';
    return v ?? '';
  });
}
