/** The command line: parse options, check, print, and exit with the gate's status. */
import { writeFile } from 'node:fs/promises';
import { Command, CommanderError, Option } from 'commander';
import { check, type CheckOptions } from './index.js';
import type { Lang } from './messages.js';
import type { RoundingMode } from './model.js';
import { exitCode } from './report/exit-code.js';
import { formatJson } from './report/json.js';
import { formatStylish } from './report/stylish.js';
import { toolVersion } from './version.js';

interface CliOptions {
  format: 'stylish' | 'json';
  lang: Lang;
  output?: string;
  rounding: RoundingMode;
  profile?: string;
  unitName?: string;
  unitCode?: string;
  year?: string;
  color?: boolean;
  debug?: boolean;
  maxWarnings?: string;
}

const USAGE_HINT = { zh: '运行 budget-check --help 查看用法', en: 'run budget-check --help for usage' };

export async function main(argv: string[]): Promise<void> {
  const lang: Lang = argv.includes('--lang') && argv[argv.indexOf('--lang') + 1] === 'en' ? 'en' : argv.includes('--lang=en') ? 'en' : 'zh';
  const debug = argv.includes('--debug');
  const program = new Command();
  program
    .name('budget-check')
    .description(lang === 'zh' ? '检查单位/部门预算公开文件的内部一致性' : 'Check a budget disclosure for internal consistency')
    .version(toolVersion(), '-v, --version')
    .argument('<files...>', lang === 'zh' ? '要检查的文件（.xlsx .xls .csv .docx .pdf .txt）' : 'files to check')
    .addOption(new Option('-f, --format <format>', lang === 'zh' ? '输出格式' : 'output format').choices(['stylish', 'json']).default('stylish'))
    .addOption(new Option('--lang <lang>', lang === 'zh' ? '输出语言' : 'language').choices(['zh', 'en']).default('zh'))
    .option('-o, --output <file>', lang === 'zh' ? '写入文件而不是标准输出' : 'write to a file instead of stdout')
    .addOption(
      new Option('--rounding <mode>', lang === 'zh' ? '四舍五入处理：auto 工作簿存储值精确、文本按显示位数；displayed 全部按显示位数；exact 全部精确' : 'rounding: auto, displayed or exact')
        .choices(['auto', 'displayed', 'exact'])
        .default('auto'),
    )
    .addOption(new Option('--profile <profile>', lang === 'zh' ? '必备表模板' : 'required table set').choices(['unit', 'department', 'shanghai']))
    .option('--unit-name <name>', lang === 'zh' ? '预期的单位名称' : 'expected unit name')
    .option('--unit-code <code>', lang === 'zh' ? '预期的单位编码' : 'expected unit code')
    .option('--year <year>', lang === 'zh' ? '预期的预算年度' : 'expected budget year')
    .option('--max-warnings <n>', lang === 'zh' ? '警告超过此数时以 1 退出' : 'exit 1 when warnings exceed n')
    .option('--no-color', lang === 'zh' ? '不使用颜色' : 'no colours')
    .option('--debug', lang === 'zh' ? '出错时显示堆栈' : 'show stack traces')
    .exitOverride()
    .configureOutput({ writeErr: () => {} });
  let files: string[];
  let opts: CliOptions;
  try {
    program.parse(argv);
    files = program.args;
    opts = program.opts<CliOptions>();
  } catch (e) {
    if (e instanceof CommanderError) {
      if (e.code === 'commander.helpDisplayed' || e.code === 'commander.version' || e.code === 'commander.help') process.exit(0);
      process.stderr.write(`budget-check: ${usageMessage(e, lang)}（${USAGE_HINT[lang]}）\n`);
      process.exit(2);
    }
    throw e;
  }
  try {
    const year = opts.year !== undefined ? Number(opts.year) : undefined;
    if (year !== undefined && !Number.isInteger(year)) return usage(lang === 'zh' ? `--year 须为年份：${opts.year}` : `--year must be a year: ${opts.year}`, lang);
    const options: CheckOptions = {
      lang: opts.lang,
      rounding: opts.rounding,
      profile: opts.profile,
      expected: { unitName: opts.unitName, unitCode: opts.unitCode, year },
      debug,
    };
    const report = await check(files, options);
    for (const f of report.files)
      if (f.error) process.stderr.write(opts.lang === 'zh' ? `budget-check: ${f.file}：${f.error.message}（${f.error.code}）\n` : `budget-check: ${f.file}: ${f.error.message} (${f.error.code})\n`);
    const onlyFailures = report.files.every((f) => f.error);
    if (opts.format === 'stylish' && onlyFailures && !opts.output) {
      process.exitCode = 2;
      return;
    }
    const text = opts.format === 'json' ? formatJson(report) : formatStylish(report, { lang: opts.lang, color: opts.color !== false && !opts.output && !!process.stdout.isTTY });
    if (opts.output) await writeFile(opts.output, text);
    else process.stdout.write(text);
    process.exitCode = exitCode(report, { maxWarnings: opts.maxWarnings !== undefined ? Number(opts.maxWarnings) : undefined });
  } catch (e) {
    if (debug) throw e;
    process.stderr.write(`budget-check: ${lang === 'zh' ? '内部错误' : 'internal error'}：${(e as Error).message}（${lang === 'zh' ? '加 --debug 查看详情' : 'use --debug for details'}）\n`);
    process.exitCode = 2;
  }
}

function usage(message: string, lang: Lang): void {
  process.stderr.write(`budget-check: ${message}（${USAGE_HINT[lang]}）\n`);
  process.exitCode = 2;
}

function usageMessage(e: CommanderError, lang: Lang): string {
  if (lang === 'en') return e.message.replace(/^error: /, '');
  const arg = /'([^']*)'/.exec(e.message)?.[1] ?? '';
  switch (e.code) {
    case 'commander.missingArgument':
      return '请指定要检查的文件';
    case 'commander.unknownOption':
      return `未知选项 ${arg}`;
    case 'commander.invalidArgument':
      return `选项取值无效：${e.message.replace(/^error: /, '')}`;
    case 'commander.optionMissingArgument':
      return `选项 ${arg} 缺少取值`;
    default:
      return e.message.replace(/^error: /, '');
  }
}
