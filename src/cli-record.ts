/**
 * The commands that write to or inspect the history of a data repository: init, new-year, list,
 * record, void, audit. Registered on the program by cli.ts; their errors (QingdanError) go on to its catch.
 */
import type { Command } from 'commander';
import type { GlobalOptions, Io } from './io.js';

const EXAMPLES_INIT = `
示例 (examples):
  qingdan init dangjian                 在 dangjian/ 新建数据仓库 (a new data repository in dangjian/)
  qingdan init --year 2027              在当前目录新建 2027 年的仓库 (here, for 2027)
  qingdan init --start 2026-11-01       年中开始：此前已结束的期间不计 (start tracking mid-year)
`;

const EXAMPLES_NEW_YEAR = `
示例 (examples):
  qingdan new-year 2027                 由 2026 年清单顺延出 2027 年清单并提交 (the 2027 checklist from 2026's)
  qingdan new-year 2028 --from 2026     指定来源年度 (from a given year)

日期整体顺延（2月29日在非闰年改为28日），注释保留；不会覆盖已有的清单。
`;

const EXAMPLES_LIST = `
示例 (examples):
  qingdan list units                    科室编号与名称 (unit ids and names)
  qingdan list items --year 2026        清单项编号、频次、目标、分值 (items)
  qingdan list people --json            人员 (people) as JSON
  qingdan list entries --unit 办公室 --month 2026-03   登记及其编号，作废时用 (entries with their ids, to void one)
`;

const EXAMPLES_RECORD = `
示例 (examples):
  qingdan record office T1.1 3.5h --note "二十大精神专题学习" --by yangxue
  qingdan record 办公室 主题党日 --date 2026-03-28
  qingdan record office T5.5 --period 2026-03 --date 2026-04-02 --note "3月工作汇报"
  qingdan record office T1.2 1篇 --evidence minutes/2026-03-15.pdf
  qingdan record stats T3.3 exempt --note "科室撤并，本期免于考核"
  qingdan record office T3.3 --deduct 0.5 --inspector liminghua --rectify-by 2026-05-31 --note "记录不全"
                                        检查扣分，对清单项或整个方面 (an inspection finding, on an item or an area)
  qingdan record office T3.3 --rectifies f1a2b3 --note "已补齐记录"     整改 (its rectification)
  qingdan record office T5.7 较好 --group members --ballot 12           评议 (a rating)
  qingdan record                        在终端上逐项询问 (ask for everything, on a terminal)

一次登记一行、一个提交 (one entry, one line, one commit)；--no-commit 只写入并暂存 (write and stage only)。
`;

const EXAMPLES_VOID = `
示例 (examples):
  qingdan void a81mzc --reason "人数登记错误"
  qingdan void a81mzc --reason "重复登记" --by yangxue
  qingdan void --line ledgers/2026/office.ledger:12 --reason "手工录入，科室名写错"
                                        没有编号的一行（如 qingdan check 报错的行）按文件和行号作废
                                        (a line without an id, e.g. one check reports, by file and line)
`;

const EXAMPLES_AUDIT = `
示例 (examples):
  qingdan audit                         全部历史 (the whole history)
  qingdan audit --since v2026-q3        某个版本之后 (after a revision)
  qingdan audit --json | jq '.violations'

退出码 (exit codes): 0 未发现违规 (clean) · 1 有违规 (violations) · 2 用法错误 (usage)
`;

export function registerRecordCommands(cli: Command, io: Io, run: (code: number) => void): void {
  cli
    .command('init')
    .description('新建数据仓库：内置模板、git init、.gitattributes、提交前检查钩子 (a new data repository from the built-in template)')
    .argument('[dir]', '目录，默认当前目录 (directory, default: here)')
    .option('--year <year>', '清单年度 YYYY，默认今年 (the checklist year, default: this year)')
    .option('--start <date>', '从这一天起纳入考核，YYYY-MM-DD；一月以后新建时默认今天 (track the year from this day; default today after January)')
    .option('--json', '以 JSON 输出 (print JSON)')
    .addHelpText('after', EXAMPLES_INIT)
    .action(async (dir: string | undefined, local: object, cmd: Command) => {
      const opts = { ...cmd.optsWithGlobals<GlobalOptions>(), ...local };
      run(await (await import('./commands/init.js')).runInit(dir, opts, io));
    });

  cli
    .command('new-year')
    .description('开始新的一年：由上一年清单顺延出新清单、新建登记簿目录、更新默认年度并提交 (start a new year from the previous checklist)')
    .argument('<year>', '新的年度 YYYY (the new year)')
    .option('--from <year>', '来源年度，默认新年度之前最近的一年 (the year to carry forward)')
    .option('--json', '以 JSON 输出 (print JSON)')
    .addHelpText('after', EXAMPLES_NEW_YEAR)
    .action(async (year: string, local: object, cmd: Command) => {
      const opts = { ...cmd.optsWithGlobals<GlobalOptions>(), ...local };
      run(await (await import('./commands/new-year.js')).runNewYear(year, opts, io));
    });

  cli
    .command('list')
    .description('列出科室、清单项、人员或登记的编号 (list the ids of units, items, people or entries)')
    .argument('<what>', 'units | items | people | entries')
    .option('--year <year>', '清单年度 YYYY (the checklist year)')
    .option('--unit <unit>', 'entries：只列一个科室或人员，编号或名称 (entries of one unit or person)')
    .option('--item <item>', 'entries：只列一个清单项 (entries of one item)')
    .option('--month <YYYY-MM>', 'entries：只列某月的登记 (entries dated in a month)')
    .option('--json', '以 JSON 输出 (print JSON)')
    .addHelpText('after', EXAMPLES_LIST)
    .action(async (what: string, local: object, cmd: Command) => {
      const opts = { ...cmd.optsWithGlobals<GlobalOptions>(), ...local };
      run(await (await import('./commands/list.js')).runList(what, opts, io));
    });

  cli
    .command('record')
    .description('登记一项完成情况：校验、追加一行、提交 (record one completion: validate, append one line, commit it)')
    .argument('[unit]', '科室编号或名称，也可以是 org 或人员 (unit id or name, org, or a person)')
    .argument('[item]', '清单项编号或名称 (item id or title)')
    .argument('[qty]', '数量：3.5h、2篇、23/25 或 exempt (quantity)')
    .option('--date <date>', '活动日期 YYYY-MM-DD，默认今天 (date of the work, default today)')
    .option('--note <text>', '备注 (a note)')
    .option('--by <person>', '登记人，编号或姓名；也作为提交作者 (who records it; also the commit author)')
    .option('--evidence <path>', '佐证材料，仓库内的文件；记录其 SHA-256 (evidence file inside the repository)')
    .option('--period <period>', '计入的期间：2026-03、2026-Q1、2026-H1、2026 (the period it counts for)')
    .option('--deduct <points>', '检查扣分：扣几分，如 0.5；须同时写 --inspector (an inspection finding: the points taken off)')
    .option('--inspector <person>', '检查扣分：检查人 (a finding: who found it)')
    .option('--rectify-by <date>', '检查扣分：整改期限 YYYY-MM-DD (a finding: the rectification deadline)')
    .option('--rectifies <id>', '整改：所整改的检查扣分的编号 (a rectification: the id of the finding it closes)')
    .option('--group <group>', '评议：评议组，分数或等次写在数量的位置 (a rating: the rater group; the score or grade as QTY)')
    .option('--rater <person>', '评议：评议人 (a rating: the named rater)')
    .option('--ballot <n>', '评议：无记名评议的票号 (a rating of an anonymous group: the ballot number)')
    .option('--no-commit', '只写入并暂存，不提交 (write and stage, do not commit)')
    .option('--json', '以 JSON 输出所写内容 (print what was written as JSON)')
    .addHelpText('after', EXAMPLES_RECORD)
    .action(async (unit: string | undefined, item: string | undefined, qty: string | undefined, local: object, cmd: Command) => {
      const opts = { ...cmd.optsWithGlobals<GlobalOptions>(), ...local };
      const args = [unit, item, qty].filter((a): a is string => a !== undefined);
      const { runRecord } = await import('./commands/record.js');
      run(await runRecord(args, opts, io));
    });

  cli
    .command('void')
    .description('作废一条登记：追加一行 void 并提交 (cancel an entry by appending a void line, committed)')
    .argument('[id]', '要作废的登记编号 (id of the entry)')
    .option('--line <file:line>', '作废没有编号的一行，如 ledgers/2026/office.ledger:12 (void a line without an id, by its file and line)')
    .option('--reason <text>', '作废理由，必填 (why; required)')
    .option('--date <date>', '日期，默认今天 (date, default today)')
    .option('--by <person>', '登记人；也作为提交作者 (who; also the commit author)')
    .option('--no-commit', '只写入并暂存，不提交 (write and stage, do not commit)')
    .option('--json', '以 JSON 输出所写内容 (print what was written as JSON)')
    .addHelpText('after', EXAMPLES_VOID)
    .action(async (id: string | undefined, local: object, cmd: Command) => {
      const opts = { ...cmd.optsWithGlobals<GlobalOptions>(), ...local };
      run(await (await import('./commands/void.js')).runVoid(id, opts, io));
    });

  cli
    .command('audit')
    .description('审计 git 历史：登记簿只追加不修改；登记滞后、补登、佐证材料 (prove from git history that ledgers were only appended to)')
    .option('--since <rev>', '只看这个 git 版本之后的提交 (only commits after this revision)')
    .option('--close-days <days>', '截止日后多少天期间关闭，默认 7 (days after the due date a period closes)')
    .option('--json', '以 JSON 输出 (print JSON)')
    .addHelpText('after', EXAMPLES_AUDIT)
    .action(async (local: object, cmd: Command) => {
      const opts = { ...cmd.optsWithGlobals<GlobalOptions>(), ...local };
      run(await (await import('./commands/audit.js')).runAudit(opts, io));
    });
}
