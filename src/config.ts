/**
 * budget-check.config.json / .yaml: found from the working directory up, or given with --config,
 * and validated with zod; an error names the key that is wrong.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { z } from 'zod';
import { RULES } from './rules/registry.js';

export const CONFIG_NAMES = ['budget-check.config.json', 'budget-check.config.yaml', 'budget-check.config.yml'];

const severity = z.enum(['error', 'warning', 'info', 'off']);
const ruleIds = new Set(RULES.map((r) => r.id));

export const configSchema = z
  .object({
    /** Required table set: unit (单位预算), department (部门预算), shanghai. */
    profile: z.enum(['unit', 'department', 'shanghai']).optional(),
    rounding: z.enum(['auto', 'displayed', 'exact']).optional(),
    expected: z
      .preprocess((v) => v ?? undefined, z.optional(z.object({
        unitName: z.string().min(1).optional(),
        unitCode: z
          .union([z.string(), z.number()])
          .transform((v) => String(v))
          .optional(),
        year: z.number().int().min(1990).max(2100).optional(),
      })
      .strict()))
      .optional(),
    /** Severity per rule id, or off. */
    rules: z
      .preprocess(
        (v) => v ?? undefined,
        z.optional(
          z.record(z.string(), severity).superRefine((rules, ctx) => {
            for (const id of Object.keys(rules)) if (!ruleIds.has(id)) ctx.addIssue({ code: 'custom', path: [id], message: `unknown rule "${id}"` });
          }),
        ),
      )
      .optional(),
    failOn: z.enum(['error', 'warning']).optional(),
    maxWarnings: z.number().int().min(-1).optional(),
    /** The explanations file (审核说明), relative to the config file. */
    explanations: z.string().min(1).optional(),
    lang: z.enum(['zh', 'en']).optional(),
    /** Where the rule pages are published (SARIF help links). */
    docsUrl: z.url().optional(),
  })
  .strict();

export type Config = z.infer<typeof configSchema>;

export class ConfigError extends Error {
  constructor(
    readonly file: string,
    readonly key: string,
    readonly detail: string,
  ) {
    super(`${file}: ${key}: ${detail}`);
  }
}

export interface LoadedConfig {
  file: string | null;
  dir: string;
  config: Config;
}

/** The config file in `from` or the nearest directory above it. */
export function findConfig(from: string = process.cwd()): string | null {
  let dir = resolve(from);
  for (;;) {
    for (const name of CONFIG_NAMES) {
      const p = join(dir, name);
      if (existsSync(p)) return p;
    }
    const up = dirname(dir);
    if (up === dir) return null;
    dir = up;
  }
}

export async function loadConfig(file: string | null): Promise<LoadedConfig> {
  if (!file) return { file: null, dir: process.cwd(), config: {} };
  let raw: unknown;
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    throw new ConfigError(file, '', `cannot read: ${(e as Error).message}`);
  }
  try {
    raw = /\.json$/i.test(file) ? JSON.parse(text) : (await import('yaml')).parse(text);
  } catch (e) {
    throw new ConfigError(file, '', `not valid ${/\.json$/i.test(file) ? 'JSON' : 'YAML'}: ${(e as Error).message.split('\n')[0]}`);
  }
  const result = configSchema.safeParse(raw ?? {});
  if (!result.success) {
    const issue = result.error.issues[0];
    const key = issue.code === 'unrecognized_keys' ? [...issue.path, ...issue.keys].join('.') : issue.path.join('.');
    throw new ConfigError(file, key, issue.message);
  }
  return { file, dir: dirname(resolve(file)), config: result.data };
}

/** The commented starting configuration `budget-check init` writes. */
export const STARTER_CONFIG = `# budget-check 配置文件 (budget-check.config.yaml)
# budget-check 从当前目录向上查找此文件，也可用 --config 指定。

# 必备表模板：unit（单位预算，九张表）、department（部门预算）、shanghai（上海区级）。
# 不写则按单位所在地区自动选择。
# profile: unit

# 四舍五入处理：auto（工作簿中存储的数字为精确值，文字中的数字按显示位数）、
# displayed（全部按显示位数，适用于预算系统导出时已四舍五入的工作簿）、exact（全部精确）。
rounding: auto

# 预期的单位名称、编码和年度；写了就以此为准，与之不符的地方都会报告。
# expected:
#   unitName: 乌尔禾区政府办公室
#   unitCode: "002002"
#   year: 2022

# 按规则调整级别：error、warning、info 或 off（不检查）。
# 规则列表见 budget-check rules。
rules:
  # table/personnel-public: warning
  # narrative/term: off

# 门禁：error（有错误即失败）或 warning（有警告也失败）；maxWarnings 为允许的未说明警告数，-1 不限。
failOn: error
maxWarnings: -1

# 审核说明文件（对个别警告的书面说明），相对本文件的路径。
explanations: budget-check.explanations.yaml
`;
