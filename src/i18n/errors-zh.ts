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
    'no-checklist-for-year': (p) => `没有 ${p.year} 年的清单（已有：${p.years}）；新的一年用 qingdan new-year ${p.year} 由上一年的清单建立`,
    'bad-option': (p) => `${p.option} 的值“${p.value}”无效：${p.hint}`,
    'supervises-nothing': (p) => `${p.name}（${p.id}）不是任何科室的监督员，没有分管科室可汇总；监督员见 templates/org.yaml 中各科室的 supervisor，或用 --unit 看一个科室`,
    'xlsx-needs-out': () => 'Excel 工作簿（--format xlsx）要写到文件：请加 --out 文件名.xlsx（或 --out reports/）',
    'out-extension': (p) => `--out ${p.path} 的扩展名“${p.ext}”不是报表格式：可用 ${p.extensions}，或用 --format ${p.formats} 指定格式`,
    'not-a-repository': (p) => `${p.dir} 及其上级目录都不是 qingdan 数据仓库（找不到 qingdan.yaml 或 templates/org.yaml）；用 -C DIR 指定，或用 qingdan init 新建`,
    'missing-org': (p) => `缺少组织文件 ${p.file}`,
    'missing-checklist': (p) => `${p.dir} 中没有清单模板（checklist-YYYY.yaml）`,
    'path-outside': (p) =>
      `qingdan.yaml 中 ${p.setting} 设为“${p.value}”，${p.reason === 'absolute' ? '这是绝对路径' : p.reason === 'link' ? '经符号链接指向数据仓库之外' : '指向数据仓库之外'}：登记簿和模板必须放在仓库之内（历史由仓库的 git 保存），请写相对于仓库的路径，如 ${p.setting === 'paths.templates' ? 'templates' : 'ledgers'}`,
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
    'record-mark': (p) =>
      ({
        mixed: '--deduct/--inspector/--rectify-by（检查扣分）、--rectifies（整改）和 --group/--rater/--ballot（评议）是三种不同的登记，一次只能写一种',
        finding: '检查扣分要同时写 --deduct 扣几分 和 --inspector 检查人，如 qingdan record 科室 清单项 --deduct 0.5 --inspector 人员 --note "问题"',
        quantity: `检查扣分和整改不写数量（“${p.qty}”）：扣几分写在 --deduct 里`,
        rating: '评议要写 --group 评议组，--rater 评议人或 --ballot 票号（二者之一），并把分数（0—100）或等次（好、较好、一般、差）写在数量的位置，如 qingdan record 科室 清单项 90 --group leaders --rater 人员',
        points: `--deduct 的值“${p.value}”无效：应为扣几分，如 0.5 或 1分`,
        score: `评议的分数“${p.value}”无效：应为 0—100 的分数，或等次 好、较好、一般、差`,
      })[String(p.problem)] ?? String(p.problem),
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
    'bad-list': (p) => `不能列出“${p.value}”：可选 units（科室）、items（清单项）、people（人员）或 entries（登记）`,
    evidence: (p) => `佐证材料 ${p.path}：${EVIDENCE[String(p.reason)] ?? p.reason}`,
    'evidence-taken': (p) => `佐证材料 ${p.path} 在数据仓库之外，要复制到 ${p.rel}，但那里已有一个内容不同的同名文件，未登记。请给文件改个名字再登记`,
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
    'no-members': (p) => `${p.file} 中没有 members:（下级单位的数据仓库）；汇总需要在设置中列出成员，见 docs/rollup.md`,
    'bad-lock': (p) => `${p.file} 有 ${p.count} 处错误（第一处在第 ${p.line} 行），不能据此汇总：请先运行 qingdan check，或重新运行 qingdan rollup fetch`,
    'umbrella-no-checklist': () => '这是汇总仓库（设置中列有 members:），没有自己的模板和台账；请用 qingdan rollup monthly|quarterly|annual 查看下级单位的汇总，见 docs/rollup.md',
    'git-failed': (p) => `${p.command ?? 'git'} 执行失败${p.file ? `（${p.file}${p.line ? `:${p.line}` : ''}）` : ''}，git 的说明如下：`,
    'git-unusable': (p) => `git 拒绝使用 ${p.dir} 所在的仓库，git 的说明如下（例如仓库属于另一个用户时，按提示把它加入 safe.directory）：`,
    'commit-failed': (p) =>
      `git commit 失败，本次登记已撤回：${p.file} 和暂存区都与登记前完全相同，未登记任何内容。请按下面 git 的说明（例如 pre-commit 钩子的检查结果）处理后重新登记：`,
    locked: (p) =>
      `另一个 qingdan 正在登记：锁文件 ${p.lock} 由主机 ${p.host} 上的进程 ${p.pid} 自 ${p.since} 起持有，等待超时，未登记。请稍后再试；若进程 ${p.pid} 已不是 qingdan（已退出、编号被复用），删除锁文件：rm ${p.lock}`,
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
    'unsafe-path': (p) =>
      p.kind === 'link'
        ? `${p.at} 是符号链接，可能指向仓库之外，qingdan 不会通过它写入 ${p.file}；未写入任何内容。请把它换成真实的文件夹或文件（登记簿必须是仓库中的普通文件）`
        : p.kind === 'not-a-folder'
          ? `${p.at} 不是文件夹，无法在其中写入 ${p.file}；未写入任何内容`
          : `${p.at} 不是普通文件，qingdan 不会向它写入；未写入任何内容`,
    'disk-full': (p) => `无法写入 ${p.path}：磁盘空间已满${p.code === 'EDQUOT' ? '（超出磁盘配额）' : ''}，未写入任何内容。请腾出空间后重试`,
    'read-only': (p) => `无法写入 ${p.path}：所在的文件系统是只读的，未写入任何内容。请在可写的位置（或重新以读写方式挂载后）重试`,
    'no-permission': (p) => `无法写入 ${p.path}：没有写入权限，未写入任何内容。请检查该文件及其文件夹的所有者和权限（ls -l），或换用有权限的用户`,
    'add-failed': (p) =>
      `git add 失败，本次登记已撤回：${p.file} 和暂存区都与登记前完全相同，未登记任何内容。请按下面 git 的说明处理后重新登记：`,
    'index-locked': (p) =>
      `另一个 git 进程正在使用暂存区（${p.lock} 存在，等待后仍未释放），${p.step} 无法执行；本次登记已撤回，登记簿与登记前完全相同。请等它结束后重新登记；若确认没有 git 在运行（例如 git 异常退出后留下的），删除该文件：rm ${p.lock}。git 的说明：`,
    'undo-failed': (p) =>
      `${p.step} 失败，撤回新写入的一行时也出错：${p.file} 可能多出这一行。请用 git status 和 git diff HEAD -- ${p.file} 查看，用 git reset -q -- ${p.file} 再 git checkout -- ${p.file}（新文件则删除它）恢复，然后运行 qingdan check。详情：`,
    'git-in-progress': (p) => {
      const how: Record<string, string> = {
        merge: '合并（merge）：先解决冲突并 git commit 完成合并，或 git merge --abort 放弃',
        rebase: '变基（rebase）：先 git rebase --continue 完成，或 git rebase --abort 放弃（放弃时期间的提交会丢失）',
        am: '补丁应用（git am）：先 git am --continue 完成，或 git am --abort 放弃',
        'cherry-pick': '拣选（cherry-pick）：先 git cherry-pick --continue 完成，或 git cherry-pick --abort 放弃',
        revert: '还原（revert）：先 git revert --continue 完成，或 git revert --abort 放弃',
        bisect: '二分查找（bisect）：查完后用 git bisect reset 回到原分支',
      };
      return `仓库中有一个未完成的 git 操作——${how[String(p.op)] ?? String(p.op)}——此时登记的提交会混入其中或随之丢失，因此未登记。处理完后再登记`;
    },
    'detached-head': () =>
      'HEAD 处于分离状态（不在任何分支上），此时的提交不属于任何分支，切换分支后就找不到了，因此未登记。请先回到分支（git switch main，或 git switch -c 新分支名），再登记；或加 --no-commit 只写入并暂存',
    'void-line-no-ledger': (p) => `${p.file} 不是本仓库的登记簿（路径从数据仓库根目录写起，如 ledgers/2026/office.ledger，与 qingdan check 显示的一样），未作废`,
    'void-line-none': (p) => `${p.where} 不存在：该文件只有 ${p.count} 行，未作废`,
    'void-line-blank': (p) => `${p.where} 是空行或注释行，无需作废`,
    'void-line-has-id': (p) => `${p.where} 有编号 ${p.id}，请按编号作废：qingdan void ${p.id} --reason "理由"`,
    'void-line-ambiguous': (p) => `${p.where} 的内容在文件中出现了不止一次（${p.places}），按行作废会把它们一起作废，因此未作废。请先确认哪一行是多余的（git log -p 该文件）`,
    'void-what': () => '请给出要作废的登记编号（qingdan void 编号），或用 --line 文件:行号 作废没有编号的一行，二者选一',
    'void-ambiguous': (p) => `编号 ${p.id} 出现在不止一行（${p.places}），不知道要作废哪一条，未作废。请先运行 qingdan check，修正重复的编号`,
    'out-special': (p) => {
      const kind: Record<string, string> = { fifo: '命名管道（FIFO）', socket: '套接字', device: '设备文件', directory: '文件夹', other: '特殊文件' };
      return `--out ${p.path} 是${kind[String(p.kind)] ?? '特殊文件'}，不能把报表写到那里；请给一个普通文件或文件夹`;
    },
    'out-inside-data': (p) => `--out ${p.path} 位于数据文件夹 ${p.dir} 中，报表不能写到登记簿或模板所在的文件夹（会被当作数据读取，或覆盖数据）；请写到 reports/ 等其他位置`,
    'locked-elsewhere': (p) =>
      `锁文件 ${p.lock} 由另一台主机 ${p.host} 上的进程 ${p.pid} 自 ${p.since} 起持有，无法从这里判断它是否还在运行，未登记。若 ${p.host} 上没有 qingdan 正在登记，删除锁文件后重试：rm ${p.lock}`,
};
