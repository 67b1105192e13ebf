import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { check } from '../../src/index.js';
import { formatHtml } from '../../src/report/html.js';
import { fixture } from '../helpers.js';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const required = process.env.BUDGET_CHECK_REQUIRE_BROWSER === '1';
const present = existsSync(CHROMIUM);

describe('the html report in a real browser (Debian chromium, headless)', () => {
  it.skipIf(!present && !required)('draws the tables and highlights exactly the cells the findings name', async () => {
    expect(present, `${CHROMIUM} is needed (apt-get install chromium)`).toBe(true);
    const report = await check([fixture('rules/table/sum-of-parts/fail.xlsx'), fixture('wuerhe-2022/budget.xlsx')]);
    const file = join(mkdtempSync(join(tmpdir(), 'bc-html-')), 'report.html');
    writeFileSync(file, formatHtml(report, { lang: 'zh' }));
    const browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
    try {
      const page = await browser.newPage();
      const requests: string[] = [];
      page.on('request', (r) => requests.push(r.url()));
      await page.goto(pathToFileURL(file).href);
      // only the page itself was loaded: the file is self-contained
      expect(requests.filter((u) => !u.startsWith('file:') && !u.startsWith('data:'))).toEqual([]);
      const flagged = await page.$$eval('td.flag-error, th.flag-error', (cells) => cells.map((c) => c.getAttribute('data-at')));
      expect(flagged).toEqual(expect.arrayContaining(['表三!E10', '表三!E11', '表三!A3', '表六!C8']));
      // every highlighted cell is visible and coloured differently from a plain cell
      const styles = await page.$eval('td.flag-error', (c) => {
        const plain = c.closest('table')!.querySelector('td:not([class])');
        return { flagged: getComputedStyle(c).backgroundColor, plain: plain ? getComputedStyle(plain).backgroundColor : '' };
      });
      expect(styles.flagged).not.toBe(styles.plain);
      // the findings beside a table link to its highlighted cells
      const text = await page.textContent('body');
      expect(text).toContain('表三 单位支出总体情况表「201 一般公共服务支出」的合计为524.96，下级科目之和为525.96');
      expect(await page.locator('td.flag-error').first().isVisible()).toBe(true);
    } finally {
      await browser.close();
    }
  });
});
