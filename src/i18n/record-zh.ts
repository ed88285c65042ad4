/**
 * Messages of the recording commands (init, list, record, void, audit), in Chinese; the English
 * ones are in record-en.ts, of the same shape. Kept apart from the main catalogue (zh.ts, en.ts).
 */
import type { RecordCatalogue } from './record-catalogue.js';

const MONTHS = ['一月', '二月', '三月', '四月', '五月', '六月', '七月', '八月', '九月', '十月', '十一月', '十二月'];
const QUARTERS = ['一季度', '二季度', '三季度', '四季度'];

export const recordZh: RecordCatalogue = {
  prompt: {
    unit: () => '科室或人员',
    item: () => '清单项（编号如 T3.4，或名称中的几个字）',
    quantity: (p) => `数量（${p.hint}；回车跳过）`,
    date: (p) => `活动日期（回车即 ${p.today}）`,
    note: () => '备注（回车跳过）',
    search: () => '查找：',
    matches: (p) => `（${p.n} 项）`,
    noMatch: () => '没有相符的，换个写法试试',
    keys: () => '↑↓ 选择 · 回车确认 · 输入文字查找',
    noteExempt: () => '免于考核的理由（必填）',
    noteNeeded: () => '免于考核必须写明理由',
    badNote: () => '备注只能是一行文字，不能含控制字符',
    quantityNeeded: (p) => `这一项要写数量（${p.hint}）`,
    rerun: (p) => `已填写的内容可以这样再登记一次，不必逐项重答：${p.command}`,
    badQuantity: (p) => `数量“${p.text}”无效：应写成 3、3.5h、2篇 或 23/25`,
    badDate: (p) => `日期“${p.text}”无效：格式 YYYY-MM-DD`,
    hintDone: () => '完成即可',
    hintRate: (p) => `出席率 ≥${p.rate}%，写作 出席/应到，如 23/25`,
    hintSum: (p) => `目标 ${p.sum}${p.measure}，如 ${p.measure === '学时' ? '3.5h' : `1${p.measure}`}`,
    hintCount: (p) => `目标 ${p.count}${p.measure}，如 1${p.measure}`,
    cadence: { once: '一次性', monthly: '每月', quarterly: '每季度', 'half-yearly': '每半年', yearly: '每年' },
  },
  record: {
    done: (p) => `已登记 ${p.where}（${p.how}）`,
    committed: (p) => `已提交 ${p.sha}`,
    staged: () => '已暂存，未提交',
    notInGit: () => '不在 git 中',
    status: (p) => `${p.item} ${p.title} · ${p.subject} · ${p.period}：${p.status}${p.amount ? `（${p.amount}）` : ''}`,
    header: (p) => `; ${p.year}年 ${p.name} 登记簿（完成一项，登记一项）：只追加、不修改，登记有误时追加 void 行作废`,
    evidenceCopied: (p) => `佐证材料 ${p.from} 在数据仓库之外，已复制到 ${p.rel}，与这条登记一起提交`,
    backdated: (p) => `注意：这是补登——${p.period}的期间已于 ${p.closed} 关闭（截止 ${p.due}），审计会把它列为补登；若活动确实晚于截止日，请写实际日期，按逾期完成计`,
  },
  void: { done: (p) => `已作废 ${p.id}：${p.where}（${p.how}）` },
  period: (kind, index, year) =>
    kind === 'month' ? MONTHS[index - 1]! : kind === 'quarter' ? QUARTERS[index - 1]! : kind === 'half' ? (index === 1 ? '上半年' : '下半年') : `${year}年`,
  init: {
    created: (p) => `已新建 qingdan 数据仓库：${p.dir}（${p.year} 年）`,
    committed: (p) => `git：已初始化，首次提交 ${p.sha}`,
    initialised: () => 'git：已初始化，尚未提交',
    noGit: () => '未找到 git：文件已创建，但没有初始化 git 仓库；登记需要 git',
    noIdentity: () => '提示：git 还不知道提交人是谁（git config user.name / user.email），所以没有做首次提交；设置后运行 git add . && git commit',
    commitFailed: (p) => `首次提交失败：${p.reason}`,
    next: (p) =>
      [
        '下一步：',
        `  cd ${p.dir}`,
        '  编辑 qingdan.yaml 和 templates/org.yaml（单位名称、人员、科室），按需调整 templates/checklist-' + p.year + '.yaml',
        '  qingdan check                          检查模板',
        '  qingdan list units                     科室编号',
        `  qingdan record office T1.1 3h --note "专题学习"   登记一项`,
        '  git config core.hooksPath .githooks    （可选）每次提交前运行 qingdan check',
      ].join('\n'),
  },
  newYear: {
    created: (p) => `已建立 ${p.year} 年清单（由 ${p.from} 年清单顺延，日期顺延 ${p.years} 年）：`,
    settings: (p) => `qingdan.yaml 的默认年度改为 ${p.year}`,
    committed: (p) => `git：已提交 ${p.sha}`,
    notCommitted: (p) => `未提交（${p.reason}）；核对后用 git add 和 git commit 提交`,
    next: (p) =>
      [
        '下一步：',
        `  核对 ${p.file}（新一年的考核要求、分值、截止日期），修改后运行 qingdan check`,
        `  ${p.from} 年的补登照常：日期写 ${p.from} 年，按 ${p.from} 年的规则计为逾期完成`,
      ].join('\n'),
  },
  entries: {
    id: '编号',
    date: '日期',
    subject: '科室或人员',
    item: '清单项',
    quantity: '数量',
    where: '位置',
    note: '备注',
    voided: '[已作废]',
    none: () => '没有符合条件的登记',
  },
  list: {
    headers: {
      id: '编号',
      name: '名称',
      chief: '科长（辅导员）',
      supervisor: '监督员',
      members: '党员',
      headcount: '职工',
      role: '角色',
      title: '职务',
      area: '方面',
      cadence: '频次',
      target: '目标',
      weight: '分值',
      due: '截止',
    },
    done: () => '完成',
    role: { secretary: '党委书记', committee: '党委委员', chief: '科长', clerk: '党务干事', member: '党员' },
  },
  audit: {
    heading: (p) => `审计：${p.commits} 个改动登记簿的提交（其中合并 ${p.merges} 个），${p.entries} 条登记${p.since ? `，自 ${p.since} 之后` : ''}`,
    violations: (p) => `✗ 违规 ${p.n} 处：`,
    workingTree: () => '工作区（未提交）',
    againstParent: (p) => `（合并，对照父提交 ${p.parent}）`,
    kind: (v) => {
      const n = v.count && v.count > 1 ? `（连续 ${v.count} 行）` : '';
      switch (v.kind) {
        case 'edited':
          return `改动了已登记的行${n}`;
        case 'removed':
          return `删除了已登记的行${n}`;
        case 'reordered':
          return `调换了已登记行的顺序${n}`;
        case 'inserted':
          return `在已登记的行之间插入了新行${n}`;
        case 'whitespace':
          return `改动了已登记行的空白${n}`;
        case 'line-ending':
          return `改动了行尾换行符（如 LF 改为 CRLF）${n}`;
        case 'deleted':
          return '删除了整个登记簿';
        case 'renamed':
          return `把登记簿改名为 ${v.to}`;
        case 'merge-added':
          return `合并时加入了任何一方都没有的行${n}：合并只能保留双方已有的行`;
        case 'merge-duplicated':
          return `合并时把已有的行多写了一遍${n}：比任何一方中出现的次数都多`;
        case 'duplicated':
          return `重复追加了已登记的行（编号和内容都相同）${n}：统计时只计一次`;
        case 'shallow':
          return `这是浅克隆，只有部分历史（截至 ${(v.commit ?? '').slice(0, 7)}${v.count ? ` 等 ${v.count} 个提交` : ''}），更早的改动无法核验；请先运行 git fetch --unshallow 取回完整历史，再审计`;
        case 'replace-refs':
          return `仓库里有 git replace 替换引用：${(v.commit ?? '').slice(0, 7)} 被替换为 ${(v.to ?? '').slice(0, 7)}。审计按原始对象核验，不受其影响，但 git log 等会显示替换后的历史；请查明来由，用 git replace -d 删除`;
        case 'grafts':
          return '仓库里有 grafts 文件（改写提交的父提交）。审计不受其影响，但 git log 等会显示改写后的历史；请查明来由后删除';
        case 'future-dated':
          return '活动日期晚于提交日期（登记了尚未发生的事）';
        case 'reused-id':
          return `新登记重复使用了已有登记的编号 id:${v.id}（- 为先登记的行，+ 为新行）`;
        case 'evidence-changed':
          return `佐证材料 ${v.to} 已被改动（登记时 sha256:${v.expected}，现在 ${v.actual}）`;
        case 'evidence-missing':
          return `佐证材料 ${v.to} 已不存在（登记时 sha256:${v.expected}）`;
        case 'evidence-unverifiable':
          return `佐证材料 ${v.to} 的 sha256:${v.expected} 少于 12 位十六进制数字（或不是十六进制），无法核验`;
        default:
          return v.kind;
      }
    },
    evidenceChangedBy: (p) => `佐证材料最后一次改动：${p.by}`,
    lagHeading: () => '登记滞后（提交日期 − 活动日期，天）：',
    lagColumns: { subject: '责任主体', entries: '登记数', median: '中位数', max: '最长' },
    backdatedHeading: (p) => `补登 ${p.n} 条：期间关闭（截止日 + ${p.days} 天）后才提交，日期却不晚于截止日或为免考核：`,
    dueClosed: (p) => `截止 ${p.due}，关闭 ${p.closed}`,
    more: (p) => `…… 还有 ${p.n} 条，--json 查看全部`,
    clean: () => '✓ 未发现违规：每个登记簿都只追加',
    dirty: (p) => `✗ 发现 ${p.n} 处违规`,
  },
};
