/** The messages of the errors that stop a command (src/errors.ts), in Chinese. */
import type { ErrorKey } from '../errors.js';
import type { Params } from '../core/diagnostic.js';

type Message = (p: Params) => string;

const dym = (s: unknown) => (s ? `；是否想写“${s}”？` : '');
const EVIDENCE: Record<string, string> = {
  missing: '文件不存在',
  outside: '文件不在数据仓库内',
  'not-a-file': '不是普通文件',
  spaces: '路径中不能有空格（请改名，或换用不含空格的路径）',
};

export const errorsZh: Record<ErrorKey | 'internal', Message> = {
    'no-checklist-for-year': (p) => `没有 ${p.year} 年的清单（已有：${p.years}）`,
    'bad-option': (p) => `${p.option} 的值“${p.value}”无效：${p.hint}`,
    'not-a-repository': (p) => `${p.dir} 及其上级目录都不是 qingdan 数据仓库（找不到 qingdan.yaml 或 templates/org.yaml）；用 -C DIR 指定，或用 qingdan init 新建`,
    'missing-org': (p) => `缺少组织文件 ${p.file}`,
    'missing-checklist': (p) => `${p.dir} 中没有清单模板（checklist-YYYY.yaml）`,
    'bad-settings': (p) => `设置文件 ${p.file} 有误，请先运行 qingdan check`,
    'bad-date-option': (p) => `${p.option} 的日期“${p.value}”无效：应为 YYYY-MM-DD`,
    'bad-lang': (p) => `不支持的语言“${p.value}”：可选 zh 或 en`,
    unreadable: (p) => `无法读取 ${p.file}：${p.reason}`,
    'bad-templates': () => '模板有错误，请先运行 qingdan check 并修正',
    internal: (p) => `内部错误：${p.message}（请把这条信息和所用命令报告给维护者）`,
    'missing-args': (p) =>
      p.extra
        ? `多余的参数“${p.extra}”：备注请用 --note "…"（含空格时加引号）`
        : `缺少 ${p.missing}，且没有终端可以询问。用法：qingdan record 科室 清单项 [数量] [--date 日期] [--note 备注]；编号见 qingdan list units 和 qingdan list items`,
    'unknown-unit': (p) => `未知的科室或人员“${p.name}”${dym(p.suggestion)}（qingdan list units 列出全部）`,
    'unknown-item': (p) => `${p.year} 年清单中没有清单项“${p.item}”${dym(p.suggestion)}（qingdan list items 列出全部）`,
    'unknown-person': (p) => `未知的人员“${p.name}”${dym(p.suggestion)}（qingdan list people 列出全部）`,
    'bad-quantity': (p) => `数量“${p.text}”无效：应写成 3、3.5h、2篇、23/25 或 exempt`,
    'quantity-needed': (p) => `清单项 ${p.item} 按数量考核（${p.hint}），请写明数量，如 qingdan record 科室 ${p.item} 3.5h`,
    'bad-note': (p) =>
      p.exempt
        ? '免于考核（exempt）必须用 --note 写明理由'
        : p.newline
          ? `${p.option} 不能换行：登记簿一行一条，请写成一行`
          : `${p.option} 中有控制字符，请只写普通文字`,
    'bad-period': (p) => `期间“${p.value}”无效：应写成 2026-03、2026-Q1、2026-H1 或 2026`,
    'bad-date': (p) => `${p.option} 的日期“${p.value}”无效：应为真实存在的日期，格式 YYYY-MM-DD`,
    'bad-year': (p) => `年度“${p.value}”无效：应为 2000 到 2100 之间的四位年份`,
    'bad-list': (p) => `不能列出“${p.value}”：可选 units（科室）、items（清单项）或 people（人员）`,
    evidence: (p) => `佐证材料 ${p.path}：${EVIDENCE[String(p.reason)] ?? p.reason}`,
    'invalid-entry': (p) => `这条登记有 ${p.count} 处错误，未写入：`,
    'cut-off': (p) =>
      `${p.file} 第 ${p.line} 行没有换行符，可能在写入时被截断，本次登记未写入。修复：若该行内容完整，在行尾补一个换行；若不完整且尚未提交（git diff -- ${p.file} 可见），用 git checkout -- ${p.file} 恢复已提交的版本（或删掉这半行）。然后运行 qingdan check，再重新登记：`,
    uncommitted: (p) =>
      `${p.file} 有尚未提交的改动（来自 record --no-commit 或一次中断的登记），而 record 每次只提交自己的那一行。请先查看并提交（git diff HEAD -- ${p.file}；git add -- ${p.file}；git commit -- ${p.file}），或撤销这些改动，再登记；也可以加 --no-commit 继续只暂存：`,
    'templates-changed': () => '登记期间模板或设置文件被改动，本次登记未写入：请运行 qingdan check，再重新登记',
    'no-identity': () =>
      'git 不知道提交人是谁，登记未写入：用 --by 指定登记人（提交作者记为“姓名 <id@qingdan.invalid>”），或设置 git config user.name 和 user.email；在 cron 中可设置 GIT_AUTHOR_NAME、GIT_AUTHOR_EMAIL、GIT_COMMITTER_NAME、GIT_COMMITTER_EMAIL；或加 --no-commit 只写入并暂存',
    'no-git': () => '找不到 git 命令：登记需要提交到 git；请安装 git，或加 --no-commit 只写入',
    'not-git': (p) => `${p.dir} 不在 git 仓库中：在其中运行 git init（或用 qingdan init 新建数据仓库），或加 --no-commit 只写入`,
    'git-failed': (p) => `${p.command ?? 'git'} 执行失败${p.file ? `（${p.file}${p.line ? `:${p.line}` : ''}）` : ''}，git 的说明如下：`,
    'git-unusable': (p) => `git 拒绝使用 ${p.dir} 所在的仓库，git 的说明如下（例如仓库属于另一个用户时，按提示把它加入 safe.directory）：`,
    'commit-failed': (p) =>
      `已写入 ${p.file}:${p.line} 并暂存，但提交失败；检查下面 git 的说明（例如 pre-commit 钩子的检查结果），修正后用 git commit -- ${p.file} 提交：`,
    locked: (p) =>
      `另一个 qingdan 正在登记（锁文件 ${p.lock}，进程 ${p.pid}@${p.host}），等待超时；请稍后再试。若该进程已不存在，可删除锁文件`,
    'init-exists': (p) => `${p.dir} 已是 qingdan 数据仓库或有同名文件，init 不会覆盖任何文件${p.repo ? '；要开始新的一年，用 qingdan new-year 年份' : ''}`,
    'new-year-exists': (p) => `${p.year} 年的清单已存在（${p.file}），new-year 不会覆盖它；要重建，先删除该文件`,
    'init-not-dir': (p) => `${p.dir} 不是目录`,
    'no-embedded': () => '这份 qingdan 没有内置模板（请用 npm run build 构建的 dist/qingdan.js 运行 init）',
    'void-unknown': (p) => `没有编号为 ${p.id} 的登记${dym(p.suggestion)}`,
    'void-twice': (p) => `登记 ${p.id} 已在 ${p.first} 作废过`,
    'void-void': (p) => `${p.id} 是一条作废行，不能再作废；要恢复原登记，请重新登记一条`,
    'reason-needed': () => '作废必须写明理由：qingdan void 编号 --reason "理由"',
    'bad-rev': (p) => `找不到提交“${p.rev}”（--since 需要一个 git 版本，如提交号、标签或 HEAD~10）`,
    cancelled: () => '已取消，未登记',
};
