/** The command line: parse options, check, print, and exit with the gate's status. */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { appendFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { checkMany, expandInputs } from './batch.js';
import { ConfigError, findConfig, loadConfig, STARTER_CONFIG, type LoadedConfig } from './config.js';
import type { CheckOptions } from './check.js';
import type { Lang } from './messages.js';
import type { RoundingMode } from './model.js';
import { exitCode } from './report/exit-code.js';
import type { Report } from './report/types.js';
import { RULES, ruleById } from './rules/registry.js';
import { packageFile } from './paths.js';
import { toolVersion } from './version.js';

const FORMATS = ['stylish', 'json', 'sarif', 'junit', 'github', 'markdown', 'html'] as const;
type Format = (typeof FORMATS)[number];

interface CliOptions {
  docsUrl?: string;
  /** docsUrl from the configuration file. */
  configDocsUrl?: string;
  text?: string;
  companion?: boolean;
  /** Every --format given, in order (none: stylish). */
  format?: Format[];
  lang: Lang;
  /** Every -o given, in order: the i-th belongs to the i-th --format. */
  output?: string[];
  rounding?: RoundingMode;
  profile?: string;
  unitName?: string;
  unitCode?: string;
  year?: string;
  color?: boolean;
  debug?: boolean;
  maxWarnings?: string;
  failOn?: 'error' | 'warning';
  rule?: string[];
  skipRule?: string[];
  quiet?: boolean;
  config?: string;
  explanations?: string;
  writeExplanations?: boolean;
  prune?: boolean;
  annotate?: string;
  jobs?: string;
  progress?: boolean;
}

const USAGE_HINT = { zh: '运行 budget-check --help 查看用法', en: 'run budget-check --help for usage' };
const collect = (v: string, prev: string[] | undefined) => [...(prev ?? []), v];

export async function main(argv: string[]): Promise<void> {
  const lang: Lang = argv.includes('--lang') && argv[argv.indexOf('--lang') + 1] === 'en' ? 'en' : argv.includes('--lang=en') ? 'en' : 'zh';
  const debug = argv.includes('--debug');
  const zh = lang === 'zh';
  const program = new Command();
  program
    .name('budget-check')
    .description(zh ? '检查单位/部门预算公开文件的内部一致性' : 'Check a budget disclosure for internal consistency')
    .version(toolVersion(), '-v, --version')
    .argument('<paths...>', zh ? '要检查的文件、目录或通配符（.xlsx .xls .csv .docx .pdf .txt）' : 'files, directories or globs to check')
    .addOption(formatOption(lang))
    .addOption(new Option('--lang <lang>', zh ? '输出语言' : 'language').choices(['zh', 'en']).default('zh'))
    .addOption(
      new Option('-o, --output <file>', zh ? '写入文件而不是标准输出（可重复，第 i 个 -o 对应第 i 个 --format）' : 'write to a file instead of stdout (repeatable: the i-th -o goes with the i-th --format)').argParser(collect),
    )
    .addOption(
      new Option('--rounding <mode>', zh ? '四舍五入处理：auto 工作簿存储值精确、文本按显示位数；displayed 全部按显示位数；exact 全部精确' : 'rounding: auto, displayed or exact').choices([
        'auto',
        'displayed',
        'exact',
      ]),
    )
    .addOption(new Option('--profile <profile>', zh ? '必备表模板' : 'required table set').choices(['unit', 'department', 'shanghai']))
    .option('--text <file>', zh ? '与工作簿一起读取的说明文件（默认：同名的 .docx/.txt/.md）' : 'narrative file read with the workbook (default: same name .docx/.txt/.md)')
    .option('--docs-url <url>', zh ? 'SARIF 中规则说明页的网址前缀（如 https://…/docs/rules/）' : 'where the rule pages are published, for SARIF help links')
    .option('--no-companion', zh ? '不读取工作簿旁的同名说明文件' : 'do not read the narrative beside a workbook')
    .option('--unit-name <name>', zh ? '预期的单位名称' : 'expected unit name')
    .option('--unit-code <code>', zh ? '预期的单位编码' : 'expected unit code')
    .option('--year <year>', zh ? '预期的预算年度' : 'expected budget year')
    .option('--rule <id>', zh ? '只运行这些规则（可重复）' : 'run only these rules (repeatable)', collect)
    .option('--skip-rule <id>', zh ? '不运行这些规则（可重复）' : 'skip these rules (repeatable)', collect)
    .addOption(new Option('--fail-on <severity>', zh ? '何种级别使检查失败' : 'which severity fails the gate').choices(['error', 'warning']))
    .option('--max-warnings <n>', zh ? '未说明的警告超过此数时以 1 退出' : 'exit 1 when unexplained warnings exceed n')
    .option('-q, --quiet', zh ? '只报告错误' : 'report errors only')
    .option('-c, --config <file>', zh ? '配置文件（默认从当前目录向上查找 budget-check.config.json/.yaml）' : 'configuration file (default: budget-check.config.json/.yaml found upwards)')
    .option('--explanations <file>', zh ? '审核说明文件' : 'explanations file')
    .option('--write-explanations', zh ? '把当前未说明的警告写入审核说明文件（待填写理由）' : 'add the unexplained warnings to the explanations file (reasons to fill in)')
    .option('--prune', zh ? '从审核说明文件中删除不再对应问题的条目（不新增）' : 'remove explanations that match nothing (never adds)')
    .option('--annotate <dir>', zh ? '为每个工作簿写一份在问题单元格上加批注的副本' : 'write a copy of each workbook with a comment on every cell in question')
    .option('-j, --jobs <n>', zh ? '并行检查的线程数（默认：可用的处理器核数）' : 'worker threads (default: available cores)')
    .option('--no-progress', zh ? '不显示进度条' : 'no progress bar')
    .option('--no-color', zh ? '不使用颜色' : 'no colours')
    .option('--debug', zh ? '出错时显示堆栈' : 'show stack traces')
    .exitOverride()
    .configureOutput({ writeErr: () => {}, writeOut: (s) => process.stdout.write(s) });
  program
    .command('rules')
    .description(zh ? '列出所有规则' : 'list every rule')
    .action(() => listRules(lang));
  program
    .command('explain')
    .argument('<rule>', zh ? '规则编号，如 table/sum-of-parts' : 'rule id, e.g. table/sum-of-parts')
    .description(zh ? '显示规则的说明文档' : "print a rule's documentation")
    .action((id: string) => explainRule(id, lang));
  program
    .command('init')
    .description(zh ? '在当前目录写入带注释的配置文件' : 'write a commented configuration file here')
    .action(() => initConfig(lang));
  program.action(async (paths: string[], opts: CliOptions) => runCheck(paths, opts, debug));
  for (const c of program.commands) c.exitOverride().configureOutput({ writeErr: () => {} });
  try {
    await program.parseAsync(argv);
  } catch (e) {
    if (e instanceof CommanderError) {
      if (e.code === 'commander.helpDisplayed' || e.code === 'commander.version' || e.code === 'commander.help') process.exit(0);
      process.stderr.write(`budget-check: ${usageMessage(e, lang)}（${USAGE_HINT[lang]}）\n`);
      process.exit(2);
    }
    if (debug) throw e;
    process.stderr.write(`budget-check: ${zh ? '内部错误' : 'internal error'}：${(e as Error).message}（${zh ? '加 --debug 查看详情' : 'use --debug for details'}）\n`);
    process.exitCode = 2;
  }
}

async function runCheck(paths: string[], opts: CliOptions, debug: boolean): Promise<void> {
  let lang = opts.lang;
  let zh = lang === 'zh';
  const outputs = pairOutputs(opts.format ?? [], opts.output ?? [], lang);
  if (!outputs) return;
  let loaded: LoadedConfig;
  try {
    loaded = await loadConfig(opts.config ?? findConfig());
  } catch (e) {
    if (e instanceof ConfigError) return usage(zh ? `配置文件 ${e.file} 有误${e.key ? `：${e.key}` : ''}：${e.detail}` : `configuration ${e.file} is wrong${e.key ? ` at ${e.key}` : ''}: ${e.detail}`, lang);
    throw e;
  }
  const cfg = loaded.config;
  opts.configDocsUrl = cfg.docsUrl;
  // the configuration's language, unless the command line names one
  if (cfg.lang && !process.argv.some((a) => a === '--lang' || a.startsWith('--lang='))) {
    opts.lang = lang = cfg.lang;
    zh = lang === 'zh';
  }
  const year = opts.year !== undefined ? Number(opts.year) : cfg.expected?.year;
  if (year !== undefined && !Number.isInteger(year)) return usage(zh ? `--year 须为年份：${opts.year}` : `--year must be a year: ${opts.year}`, lang);
  for (const id of [...(opts.rule ?? []), ...(opts.skipRule ?? [])])
    if (!ruleById(id)) return usage(zh ? `未知规则：${id}（运行 budget-check rules 查看全部规则）` : `unknown rule: ${id} (see budget-check rules)`, lang);
  const jobs = opts.jobs !== undefined ? Number(opts.jobs) : undefined;
  if (jobs !== undefined && (!Number.isInteger(jobs) || jobs < 1)) return usage(zh ? `--jobs 须为正整数：${opts.jobs}` : `--jobs must be a positive integer: ${opts.jobs}`, lang);
  const severities = cfg.rules ?? {};
  const options: CheckOptions = {
    lang,
    rounding: opts.rounding ?? cfg.rounding,
    profile: opts.profile ?? cfg.profile,
    expected: { unitName: opts.unitName ?? cfg.expected?.unitName, unitCode: opts.unitCode ?? cfg.expected?.unitCode, year },
    textFile: opts.text,
    companions: opts.companion !== false,
    rules: opts.rule,
    skipRules: opts.skipRule,
    severities,
    debug,
    // the tables' source rows are only needed to draw them
    views: outputs.some((o) => o.format === 'html'),
  };
  const files = await expandInputs(paths, opts.companion !== false && !opts.text);
  if (files.length === 0) return usage(zh ? `没有找到要检查的文件：${paths.join(' ')}` : `no files to check: ${paths.join(' ')}`, lang);
  const bar = opts.progress !== false && !opts.quiet && files.length > 1 && process.stderr.isTTY && !process.env.CI ? await progressBar(files.length, lang) : null;
  let report = await checkMany(files, options, { jobs, onProgress: (done) => bar?.update(done) });
  bar?.stop();
  // explanations (审核说明)
  const explanationsFile = opts.explanations ?? (cfg.explanations ? join(loaded.dir, cfg.explanations) : existsSync('budget-check.explanations.yaml') ? 'budget-check.explanations.yaml' : null);
  const { applyExplanations, ExplanationsError, pruneExplanations, readExplanations, writeExplanations } = explanationsFile || opts.writeExplanations || opts.prune ? await import('./explanations.js') : ({} as typeof import('./explanations.js'));
  if (explanationsFile) {
    try {
      if (opts.prune) {
        const n = pruneExplanations(explanationsFile, report);
        process.stderr.write(zh ? `budget-check: 从 ${explanationsFile} 删除了 ${n} 条不再对应问题的说明\n` : `budget-check: removed ${n} stale explanations from ${explanationsFile}\n`);
      }
      const lowered = new Set(Object.entries(severities).filter(([id, sev]) => sev !== 'error' && ruleById(id)?.severity === 'error').map(([id]) => id));
      report = applyExplanations(report, readExplanations(explanationsFile), lang, lowered);
      if (opts.writeExplanations) {
        const n = writeExplanations(explanationsFile, report);
        process.stderr.write(zh ? `budget-check: 已把 ${n} 条未说明的警告写入 ${explanationsFile}，请填写理由（reason）、说明人（by）和日期（date）\n` : `budget-check: wrote ${n} unexplained warnings to ${explanationsFile}; fill in reason, by and date\n`);
      }
    } catch (e) {
      if (e instanceof ExplanationsError) return usage(zh ? `审核说明文件 ${e.file} 有误${e.key ? `：${e.key}` : ''}：${e.detail}` : `explanations file ${e.file} is wrong${e.key ? ` at ${e.key}` : ''}: ${e.detail}`, lang);
      throw e;
    }
  } else if (opts.writeExplanations || opts.prune) {
    const file = 'budget-check.explanations.yaml';
    const n = opts.writeExplanations ? writeExplanations(file, report) : 0;
    process.stderr.write(zh ? `budget-check: 已把 ${n} 条未说明的警告写入 ${file}\n` : `budget-check: wrote ${n} unexplained warnings to ${file}\n`);
  }
  if (opts.quiet) report = onlyErrors(report);
  for (const f of report.files)
    if (f.error) process.stderr.write(zh ? `budget-check: ${f.file}：${f.error.message}（${f.error.code}）\n` : `budget-check: ${f.file}: ${f.error.message} (${f.error.code})\n`);
  const onlyFailures = report.files.every((f) => f.error);
  for (const { format, output } of outputs) {
    // nothing was checked: the stylish report would only repeat the stderr lines
    if (format === 'stylish' && onlyFailures && !output) continue;
    const text = await render(report, format, opts, !output && !!process.stdout.isTTY);
    if (output) await writeFile(output, text);
    else process.stdout.write(text);
  }
  if (opts.annotate) {
    const { annotateWorkbooks } = await import('./annotate.js');
    const written = await annotateWorkbooks(report, opts.annotate, lang);
    process.stderr.write(zh ? `budget-check: 已写入 ${written.length} 个加批注的工作簿到 ${opts.annotate}\n` : `budget-check: wrote ${written.length} annotated workbooks to ${opts.annotate}\n`);
  }
  const summaryFile = process.env.GITHUB_STEP_SUMMARY;
  if (summaryFile && outputs.some((o) => o.format === 'github')) await appendFile(summaryFile, (await import('./report/github.js')).githubStepSummary(report, { lang }));
  const maxWarnings = opts.maxWarnings !== undefined ? Number(opts.maxWarnings) : cfg.maxWarnings;
  process.exitCode = exitCode(report, { maxWarnings, failOn: opts.failOn ?? cfg.failOn });
}

function onlyErrors(report: Report): Report {
  const files = report.files.map((f) => ({ ...f, findings: f.findings.filter((x) => x.severity === 'error') }));
  const all = files.flatMap((f) => f.findings);
  return { ...report, files, summary: { files: files.length, errors: all.length, warnings: 0, infos: 0 } };
}

async function progressBar(total: number, lang: Lang): Promise<{ update(n: number): void; stop(): void }> {
  const { SingleBar } = await import('cli-progress');
  const bar = new SingleBar({ format: lang === 'zh' ? '检查中 [{bar}] {value}/{total} 个文件' : 'checking [{bar}] {value}/{total} files', stream: process.stderr, hideCursor: true, clearOnComplete: true });
  bar.start(total, 0);
  return bar;
}

function listRules(lang: Lang): void {
  const zh = lang === 'zh';
  const width = Math.max(...RULES.map((r) => r.id.length));
  const sev = (s: string) => (zh ? { error: '错误', warning: '警告', info: '提示' }[s] ?? s : s).padEnd(zh ? 3 : 8);
  const lines = RULES.map((r) => `${r.id.padEnd(width)}  ${sev(r.severity)}  ${r.title[lang]}`);
  process.stdout.write(`${lines.join('\n')}\n\n${zh ? `共 ${RULES.length} 条规则；budget-check explain <规则> 查看说明` : `${RULES.length} rules; budget-check explain <rule> prints one's page`}\n`);
}

function explainRule(id: string, lang: Lang): void {
  const rule = ruleById(id);
  if (!rule) {
    const near = RULES.filter((r) => r.id.includes(id.split('/').pop() ?? id)).map((r) => r.id);
    return usage(lang === 'zh' ? `未知规则：${id}${near.length ? `（是否指 ${near.join('、')}？）` : ''}` : `unknown rule: ${id}${near.length ? ` (did you mean ${near.join(', ')}?)` : ''}`, lang);
  }
  const page = packageFile('docs', 'rules', `${rule.id}.md`);
  process.stdout.write(existsSync(page) ? readFileSync(page, 'utf8') : `# ${rule.id}\n\n${rule.title[lang]}\n`);
}

function initConfig(lang: Lang): void {
  const file = 'budget-check.config.yaml';
  if (existsSync(file)) return usage(lang === 'zh' ? `${file} 已存在，未覆盖` : `${file} exists; not overwritten`, lang);
  writeFileSync(file, STARTER_CONFIG);
  process.stdout.write(lang === 'zh' ? `已写入 ${file}\n` : `wrote ${file}\n`);
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

/** Each format's module is imported only when that format is asked for. */
async function render(report: Report, format: Format, opts: CliOptions, tty: boolean): Promise<string> {
  const lang = opts.lang;
  switch (format) {
    case 'json':
      return (await import('./report/json.js')).formatJson(report);
    case 'sarif':
      return (await import('./report/sarif.js')).formatSarif(report, { lang, srcRoot: pathToFileURL(process.cwd() + '/').href, docsUrl: opts.docsUrl ?? opts.configDocsUrl });
    case 'junit':
      return (await import('./report/junit.js')).formatJunit(report, { lang });
    case 'github':
      return (await import('./report/github.js')).formatGithub(report, { lang });
    case 'markdown':
      return (await import('./report/markdown.js')).formatMarkdown(report, { lang });
    case 'html':
      return (await import('./report/html.js')).formatHtml(report, { lang });
    default:
      return (await import('./report/stylish.js')).formatStylish(report, { lang, color: opts.color !== false && tty });
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
