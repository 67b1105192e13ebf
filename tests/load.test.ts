import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkFile } from '../src/index.js';
import { fixture } from './helpers.js';

const sha = (p: string) => createHash('sha256').update(readFileSync(p)).digest('hex');

describe('bad input gets a clear error, never an exception', () => {
  const cases: [string, string, RegExp][] = [
    ['bad/empty.xlsx', 'E_EMPTY', /文件是空的/],
    ['bad/not-a-workbook.xlsx', 'E_WRONG_TYPE', /不是一个Excel 工作簿文件/],
    ['bad/truncated.xlsx', 'E_CORRUPT', /已损坏或不完整/],
    ['bad/encrypted.xlsx', 'E_ENCRYPTED', /密码保护/],
    ['bad/no-tables.xlsx', 'E_NO_TABLES', /没有找到预算公开表格/],
    ['does-not-exist.xlsx', 'E_NOT_FOUND', /找不到文件/],
    ['variants', 'E_IS_DIRECTORY', /目录/],
  ];
  for (const [file, code, message] of cases) {
    it(`${file} → ${code}`, async () => {
      const r = await checkFile(fixture(file));
      expect(r.error?.code).toBe(code);
      expect(r.error?.message).toMatch(message);
      expect(r.findings).toEqual([]);
    });
  }
  it('messages are in English with lang en', async () => {
    const r = await checkFile(fixture('bad/encrypted.xlsx'), { lang: 'en' });
    expect(r.error).toEqual({ code: 'E_ENCRYPTED', message: 'the file is password-protected; remove the password and check again' });
  });
  it('never modifies the input', async () => {
    const files = ['wuerhe-2022/budget.xlsx', 'wuerhe-2022-clean/budget.xlsx', ...readdirSync(fixture('bad')).map((f) => `bad/${f}`)];
    const before = files.map((f) => sha(fixture(f)));
    for (const f of files) await checkFile(fixture(f));
    expect(files.map((f) => sha(fixture(f)))).toEqual(before);
  });
});

describe('damaged packages never reach a reader that could hang', () => {
  const write = (name: string, bytes: Uint8Array) => {
    const dir = mkdtempSync(join(tmpdir(), 'bc-load-'));
    writeFileSync(join(dir, name), bytes);
    return join(dir, name);
  };
  const good = () => readFileSync(fixture('wuerhe-2022-clean/budget.xlsx'));
  it('a workbook cut to its first 30 bytes, or with flipped bytes inside a part, is E_CORRUPT', async () => {
    expect((await checkFile(write('cut.xlsx', good().subarray(0, 30)))).error?.code).toBe('E_CORRUPT');
    const flipped = Buffer.from(good());
    flipped.fill(0xff, 2000, 2004);
    expect((await checkFile(write('flipped.xlsx', flipped))).error?.code).toBe('E_CORRUPT');
  });
  it('the content decides the format: a workbook named .docx is E_WRONG_TYPE, a Word file without extension is read', async () => {
    expect((await checkFile(write('budget.docx', good()))).error).toEqual({ code: 'E_WRONG_TYPE', message: '文件内容与扩展名“.docx”不符：这不是一个Word 文档文件' });
    const r = await checkFile(write('budget', readFileSync(fixture('wuerhe-2022/disclosure.docx'))));
    expect(r.error).toBeNull();
    expect(r.tables.map((t) => t.label)).toEqual(['表一', '表三', '表四', '表五', '表六', '表八', '表九']);
  });
});

describe('encodings of CSV copies', () => {
  it('reads a GBK CSV like the workbook it came from', async () => {
    const r = await checkFile(fixture('variants/csv-gbk/reference.csv'));
    expect(r.unit).toEqual({ name: '乌尔禾区政府办公室', code: '002002' });
    expect(r.tables.map((t) => t.title)).toContain('一般公共预算基本支出情况表');
  });
});
