/** The command line: parse options, check, print, and exit with the gate's status. */
import { appendFile, writeFile } from 'node:fs/promises';
import { pathToFileURL } from 'node:url';
import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { check, type CheckOptions } from './index.js';
import type { Lang } from './messages.js';
import type { RoundingMode } from './model.js';
import { exitCode } from './report/exit-code.js';
import { formatGithub, githubStepSummary } from './report/github.js';
import { formatHtml } from './report/html.js';
import { formatJson } from './report/json.js';
import { formatJunit } from './report/junit.js';
import { formatMarkdown } from './report/markdown.js';
import { formatSarif } from './report/sarif.js';
import { formatStylish } from './report/stylish.js';
import type { Report } from './report/types.js';
import { toolVersion } from './version.js';

const FORMATS = ['stylish', 'json', 'sarif', 'junit', 'github', 'markdown', 'html'] as const;
type Format = (typeof FORMATS)[number];

interface CliOptions {
  /** Every --format given, in order (none: stylish). */
  format?: Format[];
  lang: Lang;
  /** Every -o given, in order: the i-th belongs to the i-th --format. */
  output?: string[];
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
    .addOption(formatOption(lang))
    .addOption(new Option('--lang <lang>', lang === 'zh' ? '输出语言' : 'language').choices(['zh', 'en']).default('zh'))
    .addOption(
      new Option('-o, --output <file>', lang === 'zh' ? '写入文件而不是标准输出（可重复，第 i 个 -o 对应第 i 个 --format）' : 'write to a file instead of stdout (repeatable: the i-th -o goes with the i-th --format)')
        .argParser((v: string, prev: string[] | undefined) => [...(prev ?? []), v]),
    )
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
  const outputs = pairOutputs(opts.format ?? [], opts.output ?? [], lang);
  if (!outputs) return;
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
    for (const { format, output } of outputs) {
      // nothing was checked: the stylish report would only repeat the stderr lines
      if (format === 'stylish' && onlyFailures && !output) continue;
      const text = render(report, format, opts, !output && !!process.stdout.isTTY);
      if (output) await writeFile(output, text);
      else process.stdout.write(text);
    }
    const summaryFile = process.env.GITHUB_STEP_SUMMARY;
    if (summaryFile && outputs.some((o) => o.format === 'github')) await appendFile(summaryFile, githubStepSummary(report, { lang: opts.lang }));
    process.exitCode = exitCode(report, { maxWarnings: opts.maxWarnings !== undefined ? Number(opts.maxWarnings) : undefined });
  } catch (e) {
    if (debug) throw e;
    process.stderr.write(`budget-check: ${lang === 'zh' ? '内部错误' : 'internal error'}：${(e as Error).message}（${lang === 'zh' ? '加 --debug 查看详情' : 'use --debug for details'}）\n`);
    process.exitCode = 2;
  }
}

/** --format, repeatable; each value checked against FORMATS. */
function formatOption(lang: Lang): Option {
  const o = new Option('-f, --format <format>', lang === 'zh' ? '输出格式，默认 stylish（可重复，配合 -o 一次写出多种格式）' : 'output format, stylish by default (repeatable, with -o per format)')
    .argParser((v: string, prev: Format[] | undefined) => {
      if (!(FORMATS as readonly string[]).includes(v)) throw new InvalidArgumentError(`Allowed choices are ${FORMATS.join(', ')}.`);
      return [...(prev ?? []), v as Format];
    });
  o.argChoices = [...FORMATS];
  return o;
}

/**
 * Pairs formats with outputs: the i-th -o belongs to the i-th --format, a format without -o goes to
 * stdout. At most one format may go to stdout, and there may not be more -o than formats (with no
 * --format, one -o goes with the default stylish format). Prints the usage error and returns null
 * when the pairing is impossible.
 */
function pairOutputs(formats: Format[], files: string[], lang: Lang): { format: Format; output?: string }[] | null {
  const list: Format[] = formats.length ? formats : ['stylish'];
  if (files.length > list.length) {
    usage(lang === 'zh' ? `-o 比 --format 多：${files.length} 个 -o，${list.length} 个 --format（第 i 个 -o 对应第 i 个 --format）` : `more -o than --format: ${files.length} -o for ${list.length} --format (the i-th -o goes with the i-th --format)`, lang);
    return null;
  }
  const pairs = list.map((format, i) => ({ format, output: files[i] }));
  const toStdout = pairs.filter((p) => !p.output);
  if (toStdout.length > 1) {
    const names = toStdout.map((p) => p.format).join(lang === 'zh' ? '、' : ', ');
    usage(lang === 'zh' ? `最多只能有一种格式输出到标准输出，${names} 都没有对应的 -o；请为其余格式各加一个 -o 文件` : `at most one format can go to stdout, but ${names} have no -o; give the others an -o file each`, lang);
    return null;
  }
  return pairs;
}

function render(report: Report, format: Format, opts: CliOptions, tty: boolean): string {
  const lang = opts.lang;
  switch (format) {
    case 'json':
      return formatJson(report);
    case 'sarif':
      return formatSarif(report, { lang, srcRoot: pathToFileURL(process.cwd() + '/').href });
    case 'junit':
      return formatJunit(report, { lang });
    case 'github':
      return formatGithub(report, { lang });
    case 'markdown':
      return formatMarkdown(report, { lang });
    case 'html':
      return formatHtml(report, { lang });
    default:
      return formatStylish(report, { lang, color: opts.color !== false && tty });
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
