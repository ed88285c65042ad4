/**
 * commander's own words — its errors and the headings of `--help` — in the user's language:
 * Chinese by default, with the `qingdan:` prefix every other message has; English with --lang en.
 * commander writes them in English; they are matched here by their fixed shapes.
 */
import type { Lang } from './lang.js';

const TITLES_ZH: Record<string, string> = {
  'Usage:': '用法：',
  'Options:': '选项：',
  'Global Options:': '全局选项：',
  'Commands:': '命令：',
  'Arguments:': '参数：',
};

export function helpTitle(title: string, lang: Lang): string {
  return lang === 'zh' ? (TITLES_ZH[title] ?? title) : title;
}

const ERRORS_ZH: Array<[RegExp, (...m: string[]) => string]> = [
  [/^error: unknown command '(.*)' \(Did you mean (.*)\?\)$/, (c, s) => `未知的命令“${c}”；是否想写“${s}”？`],
  [/^error: unknown command '(.*)'$/, (c) => `未知的命令“${c}”（qingdan --help 列出全部命令）`],
  [/^error: unknown option '(.*)'\s*\(Did you mean (.*)\?\)$/, (o, s) => `未知的选项“${o}”；是否想写“${s}”？`],
  [/^error: unknown option '(.*)'$/, (o) => `未知的选项“${o}”（加 --help 查看可用的选项）`],
  [/^error: missing required argument '(.*)'$/, (a) => `缺少参数 ${a}（加 --help 查看用法）`],
  [/^error: option '(.*)' argument missing$/, (o) => `选项 ${o} 缺少取值`],
  [/^error: too many arguments for '(.*)'\. Expected (\d+) arguments? but got (\d+)\.$/, (c, e, g) => `${c} 的参数太多：应有 ${e} 个，给了 ${g} 个（含空格的备注请加引号）`],
  [/^error: too many arguments\. Expected (\d+) arguments? but got (\d+)\.$/, (e, g) => `参数太多：应有 ${e} 个，给了 ${g} 个`],
];

/** One of commander's error messages (possibly several lines) as qingdan says it. */
export function commanderError(text: string, lang: Lang): string {
  // "(Did you mean check?)" comes on a line of its own: it belongs to the error before it
  const lines = text.replace(/\n$/, '').replace(/\n(\(Did you mean .*\?\))$/, ' $1').split('\n');
  return (
    lines
      .map((line) => {
        if (lang === 'zh') {
          for (const [re, say] of ERRORS_ZH) {
            const m = re.exec(line);
            if (m) return `qingdan: ${say(...m.slice(1))}`;
          }
        }
        return line.startsWith('error: ') ? `qingdan: ${line.slice('error: '.length)}` : `qingdan: ${line}`;
      })
      .join('\n') + '\n'
  );
}
