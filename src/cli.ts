/**
 * Command-line wiring. `main` parses argv with commander, runs one command, and is the one place
 * where errors become exit codes: 0 all good, 1 findings, 2 usage or configuration error.
 * Commands are imported lazily so that each run loads only what it needs.
 */
import { Command, CommanderError, Option } from 'commander';
import { QingdanError } from './errors.js';
import { commanderError, helpTitle } from './i18n/commander.js';
import { catalogue, earlyLang, type Lang } from './i18n/index.js';
import type { GlobalOptions, Io } from './io.js';
import { printable } from './render/width.js';
import { registerRecordCommands } from './cli-record.js';

declare const QINGDAN_VERSION: string;

const EXAMPLES_MAIN = `
示例 (examples):
  qingdan check                      检查模板与登记簿 (check templates and ledgers)
  qingdan check --json               以 JSON 输出诊断 (diagnostics as JSON)
  qingdan -C ~/dangjian check        指定数据仓库 (use another data repository)
  qingdan check --as-of 2026-06-30   以某日为“今天” (as of a date)
  qingdan --lang en check            英文输出 (English output)

退出码 (exit codes): 0 正常 · 1 发现问题 · 2 用法或配置错误
`;

const EXAMPLES_CHECK = `
示例 (examples):
  qingdan check
  qingdan check --json | jq '.diagnostics[] | select(.code == "unknown-unit")'
  qingdan check --as-of 2026-11-30 --lang en
`;

const EXAMPLES_DUE = `
示例 (examples):
  qingdan due                          今后 14 天内到期和已逾期的事项
  qingdan due --within 30d --unit 办公室
  qingdan due --person maxiulan --json
  qingdan due --fail --as-of 2026-12-01 || echo "有逾期事项"
`;

const EXAMPLES_REPORT = `
示例 (examples):
  qingdan report monthly                              本月的一月一汇报
  qingdan report monthly --month 2026-10 --unit 办公室
  qingdan report monthly --supervisor chenxiaoyan     监督员收到的分管科室汇总
  qingdan report quarterly --quarter 2026-Q3          完成进度登记簿
  qingdan report annual --format html --out reports/  可打印的年度总结
  qingdan report monthly --period previous --format md --out reports/   供 cron 每月 1 日运行
`;

const EXAMPLES_ROLLUP = `
示例 (examples):
  qingdan rollup fetch                                获取全部成员，提交号写入 members.lock
  qingdan rollup monthly --period previous --format md --out reports/   上月汇总
  qingdan rollup monthly --period previous --fetch --out reports/m.md    先获取再汇总，供 cron 使用
  qingdan rollup annual --year 2026 --format xlsx --out reports/
`;

/** The language asked for on the command line, before commander has parsed it (for its own messages). */
function langOf(argv: readonly string[]): Lang {
  const i = argv.findIndex((a) => a === '--lang' || a.startsWith('--lang='));
  const value = i === -1 ? undefined : argv[i]!.includes('=') ? argv[i]!.slice('--lang='.length) : argv[i + 1];
  return earlyLang(value === undefined ? {} : { lang: value });
}

function program(io: Io, run: (code: number) => void, lang: Lang): Command {
  const version = typeof QINGDAN_VERSION === 'string' ? QINGDAN_VERSION : 'dev';
  const cli = new Command('qingdan')
    .description('清单 qingdan：党建责任清单的登记、核查、计分与报告 (responsibility checklists over plain-text ledgers)')
    .version(version, '-V, --version', '显示版本 (show the version)')
    .helpOption('-h, --help', '显示帮助 (show help)')
    .option('-C <dir>', '在 DIR 中运行，如同 git -C (run as if started in DIR)')
    .option('--as-of <date>', '把 DATE 当作今天，格式 YYYY-MM-DD (take DATE as today)')
    .addOption(new Option('--lang <lang>', '输出语言 zh 或 en (output language)'))
    .option('--json', '以 JSON 输出数据 (print data as JSON)')
    .option('--no-color', '不使用颜色；也可设置 NO_COLOR (no colour)')
    .addHelpText('after', EXAMPLES_MAIN)
    .showSuggestionAfterError(true)
    // a subcommand's help lists -C, --as-of, --lang… too
    .configureHelp({ showGlobalOptions: true, styleTitle: (title) => helpTitle(title, lang) })
    .exitOverride()
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr, outputError: (text, write) => write(commanderError(text, lang)) });

  cli
    .command('check')
    .description('检查模板与登记簿，一次列出全部问题 (report every problem in templates and ledgers)')
    .option('--json', '以 JSON 输出诊断 (diagnostics as JSON)')
    .addHelpText('after', EXAMPLES_CHECK)
    .action(async (local: GlobalOptions, cmd: Command) => {
      const { runCheck } = await import('./commands/check.js');
      run(await runCheck({ ...cmd.optsWithGlobals<GlobalOptions>(), ...local }, io));
    });
  registerRecordCommands(cli, io, run);

  cli
    .command('due')
    .description('即将到期和已逾期的事项，按责任人分组 (what is due soon and overdue, per responsible person)')
    .option('--within <days>', '多少天内到期算“即将到期”，如 14d、2w (window for "due soon")')
    .option('--unit <unit>', '只看一个科室，id 或名称 (one unit only)')
    .option('--person <person>', '只看某人负责的事项 (one responsible person only)')
    .option('--fail', '有逾期事项时以 1 退出，供 cron 和提示符使用 (exit 1 when anything is overdue)')
    .option('--json', '以 JSON 输出 (print JSON)')
    .addHelpText('after', EXAMPLES_DUE)
    .action(async (local: object, cmd: Command) => {
      const { runDue } = await import('./commands/due.js');
      run(await runDue({ ...cmd.optsWithGlobals(), ...local }, io));
    });

  cli
    .command('report')
    .description('报表：monthly 一月一汇报 / quarterly 一季一检查 / annual 一年一总结 (reports)')
    .argument('<kind>', 'monthly | quarterly | annual')
    .option('--month <YYYY-MM>', '月报的月份，默认本月 (month of a monthly report)')
    .option('--quarter <YYYY-Qn>', '季报的季度，默认本季度 (quarter of a quarterly report)')
    .option('--year <YYYY>', '年报的年度，默认今年 (year of an annual report)')
    .option('--period <which>', 'previous 上一期（供 cron 使用）或 current 本期 (previous or current period)')
    .option('--unit <unit>', '只看一个科室 (one unit only)')
    .option('--supervisor <person>', '某位监督员分管的科室 (the units a supervisor oversees)')
    .option('--detail', '月报列出每个科室的全部表格，而非摘要 (the monthly report in full)')
    .option('--format <format>', 'table | md | json | csv | html | xlsx（默认 table，或按 --out 的扩展名）')
    .option('--out <file>', '原子写入文件；以 / 结尾时为目录，文件名自动生成 (write the file atomically)')
    .option('--json', '等同 --format json')
    .addHelpText('after', EXAMPLES_REPORT)
    .action(async (kind: string, local: object, cmd: Command) => {
      const { runReport } = await import('./commands/report.js');
      run(await runReport(kind, { ...cmd.optsWithGlobals(), ...local }, io));
    });
  cli
    .command('rollup')
    .description('汇总下级单位：fetch 获取成员数据 / monthly|quarterly|annual 排名与对比 (roll up the offices below: fetch, then rank)')
    .argument('<what>', 'fetch | monthly | quarterly | annual')
    .option('--month <YYYY-MM>', '月度汇总的月份 (month)')
    .option('--quarter <YYYY-Qn>', '季度汇总的季度 (quarter)')
    .option('--year <YYYY>', '年度汇总的年度 (year)')
    .option('--period <which>', 'previous 上一期 或 current 本期 (previous or current period)')
    .option('--format <format>', 'table | md | json | csv | html | xlsx（默认 table，或按 --out 的扩展名）')
    .option('--out <file>', '原子写入文件；以 / 结尾时为目录 (write the file atomically)')
    .option('--jobs <n>', '同时处理的成员数 (members at a time)')
    .option('--fetch', '汇总前先获取（同 rollup fetch），边获取边核查有变化的成员 (fetch first, judging members that moved meanwhile)')
    .option('--no-commit', 'fetch / --fetch：只写入 members.lock，不提交 (write members.lock without committing)')
    .option('--json', '等同 --format json')
    .addHelpText('after', EXAMPLES_ROLLUP)
    .action(async (what: string, local: object, cmd: Command) => {
      const { runRollup } = await import('./commands/rollup.js');
      run(await runRollup(what, { ...cmd.optsWithGlobals(), ...local }, io));
    });
  return cli;
}

export async function main(argv: string[], io: Io): Promise<number> {
  let code = 0;
  const cli = program(io, (c) => (code = c), langOf(argv));
  try {
    if (argv.length === 0) {
      cli.outputHelp();
      return 0;
    }
    await cli.parseAsync(argv, { from: 'user' });
    return code;
  } catch (e) {
    const lang = earlyLang(cli.opts<GlobalOptions>());
    const messages = catalogue(lang);
    if (e instanceof CommanderError) {
      // commander has already printed its message; help and version exit 0
      return e.exitCode === 0 ? 0 : 2;
    }
    if (e instanceof QingdanError) {
      const m = catalogue(e.lang ?? lang);
      let details = e.details;
      if (e.refused) details = (await import('./render/line-problems.js')).renderLineProblems(e.refused.text, e.refused.diagnostics, m);
      // the parameters are what was typed or read (a name, a path, a setting): shown, never obeyed
      io.stderr(`qingdan: ${printable(m.errors[e.key](e.params))}\n${details ? `${details}\n` : ''}`);
      return e.exitCode;
    }
    const err = e as Error;
    io.stderr(`qingdan: ${messages.errors.internal({ message: err?.message ?? String(e) })}\n`);
    if (io.env.QINGDAN_DEBUG) io.stderr(`${err?.stack ?? ''}\n`);
    return 2;
  }
}
