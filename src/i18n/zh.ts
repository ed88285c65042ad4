import type { Catalogue } from './catalogue.js';
import { errorsZh } from './errors-zh.js';

const dym = (s: unknown) => (s ? `；是否想写“${s}”？` : '');
const CADENCE: Record<string, string> = { once: '一次性', monthly: '每月', quarterly: '每季度', 'half-yearly': '每半年', yearly: '每年' };
/** The YAML parser's error codes in words; others keep the parser's own (English) message. */
const YAML_ZH: Record<string, string> = {
  TAB_AS_INDENT: '缩进不能用 Tab 键，请改用空格',
  DUPLICATE_KEY: '同一层级的键不能重复',
  BAD_INDENT: '缩进不对齐：同一层级的各项应从同一列开始',
  MISSING_CHAR: '缺少配对的引号或括号',
  BLOCK_AS_IMPLICIT_KEY: '这一行的缩进或冒号有误，可能是上一行缩进不对',
  MULTILINE_IMPLICIT_KEY: '键必须写在一行内，可能是缺少冒号或缩进有误',
  UNEXPECTED_TOKEN: '出现了不应有的字符，请检查冒号、引号和短横线',
  BAD_DQ_ESCAPE: '双引号内的转义写法无效',
};

const DETAIL: Record<string, string> = {
  slug: '应为小写英文字母开头的标识（字母、数字、- 或 _），如 office',
  'item-id': '应为字母开头的编号，如 T1.1',
  date: '应为真实存在的日期，格式 YYYY-MM-DD',
  'target-empty': '目标至少要有 count、sum 或 rate 之一',
  'sum-without-measure': '有 sum 时必须写明计量单位 measure',
  'reserved-id': '“org”和“void”是保留字，不能用作标识',
  'deduct-without-per-miss': '扣分规则（deduct）必须写明每少一期扣多少分 per_miss（或每少一次扣多少分 per_missing）',
  'floor-over-weight': '保底分 floor 不能高于该项分值 weight',
  'per-missing-misuse': 'per_missing（每少一次扣多少分）只用于扣分规则 rule: deduct，且不能与 per_miss 同时写',
  'per-missing-without-count': 'per_missing 按目标的次数（count）或数量（sum）计算缺少多少，目标须有 count 或 sum',
  'item-points': '每个清单项须有且只有 weight（分值）、penalty（只扣分的条件）、bonus（加分项）之一',
  'scoring-without-weight': '只扣分的条件（penalty）和加分项（bonus）没有分值，不能写 scoring',
  'rating-misuse': '评议计分的清单项须有分值 weight，各评议组的 id 不能重复',
  'per-person-misuse': 'per_person（每人目标）只用于科室的清单项（scope 为 units 或 { units: […] }），不能与评议 rating 或加分项 bonus 同时写',
  'per-person-all-per-missing': 'credit: all（全部达标才得分）不能与 per_missing 同时写；按每人缺少的次数扣分请用 credit: average',
  'counts-toward-misuse': 'counts_toward: supervised 或 unit 只用于个人的清单项（scope 为 { role: … } 或 { person: … }），units 或 { units: […] } 只用于党委（全行）的清单项（scope: org）',
  'member-url': '成员地址应为 git 可获取的路径、file://、git://、ssh 或 https 地址（不能用 ext:: 或 fd::，不能以 - 开头）',
  'member-branch': '分支名只能含字母、数字和 . _ / -，不能以 - 开头，不能含 ..',
  'duplicate-member': '成员 id 不能重复',
};

/** Where in a ledger line (or template value) a character was found. */
const WHERE: Record<string, string> = {
  note: '备注',
  subject: '科室（主体）',
  item: '清单项',
  void: '要作废的登记编号',
  id: '登记编号 id:',
  by: '登记人 by:',
  evidence: '佐证材料路径 evidence:',
  file: '登记簿文件名',
};
const where = (p: Record<string, unknown>) => (p.key !== undefined ? `“${p.key}”的值` : (WHERE[String(p.where)] ?? String(p.where)));
const named = (p: Record<string, unknown>) => `${p.code}${p.name ? `（${p.name}）` : ''}`;

export const zh: Catalogue = {
  diagnostics: {
    'invalid-utf8': (p) => `文件不是有效的 UTF-8 编码（字节 ${p.byte}）；请用 UTF-8 重新保存`,
    'no-final-newline': () => '最后一行没有换行符，可能在写入时被截断；确认内容完整后在行尾补一个换行',
    'yaml-syntax': (p) => `YAML 语法错误：${YAML_ZH[String(p.code)] ?? p.detail}`,
    schema: (p) => {
      const where = `“${p.path}”`;
      if (p.detail === 'unknown-key') return p.suggestion ? `未知的键 ${where}；是否想写“${p.suggestion}”？` : `未知的键 ${where}（拼写错误？）`;
      if (p.detail === 'missing-key') return `缺少必填的键 ${where}`;
      if (p.detail === 'zod') return `${where}：${p.zh}`;
      return `${where}：${DETAIL[String(p.detail)] ?? p.detail}`;
    },
    'bad-date': (p) => `日期“${p.text}”无效：应为真实存在的日期，格式 YYYY-MM-DD`,
    'bad-line': (p) =>
      `这一行不完整：缺少${p.expected === 'subject' ? '科室（或 org、人员）' : p.expected === 'id' ? '要作废的登记编号' : '清单项编号'}`,
    'bad-quantity': (p) => `数量“${p.text}”无效：应写成 3、3.5h、2篇 或 23/25 这样的形式`,
    'bad-note': () => '备注的引号没有配对：备注应写在一对英文双引号 "…" 中，内部的引号写作 \\"',
    'bad-tag': (p) => `无法识别“${p.text}”：标签应为 id:、by:、period:、evidence:、sha256:、inspector:、rectify-by:、rectifies:、group:、rater: 或 ballot: 之一，且每种只能出现一次`,
    'unknown-unit': (p) => `未知的科室或人员“${p.name}”${dym(p.suggestion)}`,
    'unknown-item': (p) => `${p.year} 年清单中没有清单项“${p.item}”${dym(p.suggestion)}`,
    'unknown-person': (p) => `未知的人员“${p.name}”${dym(p.suggestion)}`,
    'subject-out-of-scope': (p) =>
      p.perPerson !== undefined
        ? `清单项 ${p.item} 按人考核：请登记完成的人（组织架构中 unit: 为该科室${p.perPerson ? `、角色为 ${p.perPerson} ` : ''}的人员），“${p.name}”不是`
        : `清单项 ${p.item} 不由“${p.name}”承担，请检查科室或清单项是否写错`,
    'date-out-of-year': (p) => `没有 ${p.year} 年的清单（已有：${p.years || '无'}）`,
    'future-date': (p) => `日期 ${p.date} 晚于今天（${p.asOf}）：尚未发生的事不能登记`,
    'bad-period': (p) =>
      p.reason === 'format'
        ? `期间“${p.period}”无效：应写成 2026-03、2026-Q1、2026-H1 或 2026`
        : p.reason === 'cadence'
          ? `期间“${p.period}”与清单项的频次（${CADENCE[String(p.cadence)] ?? p.cadence}）不符`
          : `期间 ${p.period} 晚于登记日期 ${p.date}`,
    'measure-mismatch': (p) =>
      p.reason === 'fraction'
        ? `“${p.text}”是出席人数的写法，但清单项 ${p.item} 不考核出席率`
        : p.reason === 'integer'
          ? `“${p.text}”应为整数：清单项 ${p.item} 以“${p.measure}”计`
          : `“${p.text}”的计量单位不对：清单项 ${p.item} 以“${p.measure}”计`,
    'attendance-over': (p) => `出席人数 ${p.present} 超过应到人数 ${p.expected}`,
    'duplicate-id': (p) => `登记编号 ${p.id} 重复（首次出现在 ${p.first}）`,
    'void-unknown': (p) => `要作废的登记 ${p.id} 不存在`,
    'void-twice': (p) => `登记 ${p.id} 已在 ${p.first} 作废过`,
    'inspector-not-allowed': (p) => `${p.name} 的角色（${p.role}）不能作为检查人；设置 inspection.roles 允许的角色：${p.roles}`,
    'finding-incomplete': (p) =>
      p.missing === 'inspector'
        ? '检查扣分须写明检查人 inspector:'
        : p.missing === 'points'
          ? '写了 inspector: 或 rectify-by: 的登记须是检查扣分，写明扣几分（如 -1）'
          : `整改期限 ${p.date} 早于发现问题的日期`,
    'rating-invalid': (p) =>
      ({
        'not-rated': `清单项 ${p.item} 不按评议计分（模板中没有 rating），不能登记评议`,
        'unknown-group': `评议组 ${p.group} 不在清单项 ${p.item} 的 rating.groups 中（可选：${p.groups}）`,
        anonymous: `评议组 ${p.group} 是无记名评议：写 ballot:（票号），不写 rater:`,
        named: `评议组 ${p.group} 须写明评议人 rater:`,
        role: `${p.name} 的角色（${p.role}）不属于评议组 ${p.group}（${p.roles}）`,
        score: '评议须给出 0—100 的分数，或等次 好、较好、一般、差 之一',
      })[String(p.problem)] ?? String(p.problem),
    'rectifies-unknown': (p) => `要整改的检查扣分 ${p.id} 不存在（rectifies: 写检查扣分登记的编号 id）`,
    'exempt-without-reason': () => '免于考核（exempt）必须在备注中写明理由',
    'control-character': (p) =>
      p.kind === 'bidi'
        ? `${where(p)}的第 ${p.at} 个字符是双向文本控制符 ${named(p)}，会颠倒文字的显示顺序，让看到的与实际写的不同；请删去`
        : `${where(p)}的第 ${p.at} 个字符是控制字符 ${named(p)}，打印时可能扰乱终端；请删去`,
    'invisible-character': (p) => `${where(p)}“${p.text}”的第 ${p.at} 个字符是不可见字符 ${named(p)}：看上去与没有它时一模一样，却是不同的文字（会被当作另一个名称或编号）；请删去`,
    'bad-evidence-hash': (p) => `佐证材料的校验值“${p.text}”无效：应为 12 至 64 位小写十六进制数字`,
    'evidence-outside': (p) => `佐证材料路径“${p.path}”在数据仓库之外：应写仓库内的相对路径（不能是绝对路径，也不能用 .. 跳出仓库）`,
    'weights-total': (p) => `各项分值合计 ${p.sum}，与总分 ${p.total} 不符`,
    'area-points': (p) => `方面 ${p.area} 的清单项分值合计 ${p.sum}，与该方面分值 ${p.points} 不符`,
    'duplicate-template-id': (p) => `标识“${p.id}”重复（首次出现在 ${p.first}）`,
    'deadline-outside-period': (p) =>
      p.cadence === 'once' || p.cadence === 'yearly'
        ? `清单项 ${p.item} 的截止日期 ${p.deadline} 不在 ${p.year} 年内`
        : `清单项 ${p.item} ${CADENCE[String(p.cadence)] ?? p.cadence}重复，截止时间应写成 { days_after_period_end: N }，而不是固定日期 ${p.deadline}`,
    'per-person-nobody': (p) => `清单项 ${p.item} 按人考核（per_person），但科室 ${p.units} 没有${p.role ? `角色为 ${p.role} 的` : ''}人员：请在 org.yaml 的人员上写明 unit:`,
    'members-over-headcount': (p) => `科室 ${p.unit} 的党员人数 ${p.members} 超过在职人数 ${p.headcount}`,
    'duplicate-checklist-year': (p) => `${p.year} 年的清单重复（已在 ${p.first} 中定义）`,
    'bad-lock': (p) =>
      `${
        {
          syntax: 'members.lock 不是有效的 JSON',
          shape: 'members.lock 应为 {"members": [ … ]}，每个成员一项',
          entry: '成员条目须有字符串 id 和 url',
          commit: `成员 ${p.id} 的提交号“${p.value}”无效：应为 40 或 64 位小写十六进制数字`,
          duplicate: `成员 ${p.id} 重复（首次在第 ${p.first} 行）`,
          'unknown-member': `成员 ${p.id} 不在 qingdan.yaml 的 members: 中`,
        }[String(p.problem)] ?? String(p.problem)
      }；members.lock 由 qingdan rollup fetch 写入，不要手改：用 git checkout -- members.lock 恢复已提交的版本，或重新运行 qingdan rollup fetch`,
  },
  ui: {
    wrote: (p) => `已写入 ${p.file}`,
    readingLedgers: (p) => `读取登记簿 ${p.done} / ${p.total} 个文件…`,
    auditingCommits: (p) => `审计提交 ${p.done} / ${p.total} 个…`,
    ledgerProblems: (p) => `模板或登记簿中有 ${p.count} 处问题，有问题的登记未计入；运行 qingdan check 查看`,
    error: '错误',
    warning: '警告',
    clean: (p) => `✓ 未发现问题：${p.files} 个文件，${p.entries} 条登记，${p.items} 个清单项，${p.units} 个科室`,
    cleanUmbrella: (p) => `✓ 未发现问题：汇总仓库，设置中列有 ${p.members} 个成员（没有自己的模板和台账）`,
    summary: (p) => `发现 ${p.errors} 个错误${p.warnings ? `、${p.warnings} 个警告` : ''}（共检查 ${p.files} 个文件）`,
  },
  errors: errorsZh,
  status: {
    met: '已完成',
    'met-late': '逾期完成',
    partial: '部分完成',
    overdue: '已逾期',
    'due-soon': '即将到期',
    open: '进行中',
    exempt: '免于考核',
  },
  weekdays: ['周日', '周一', '周二', '周三', '周四', '周五', '周六'],
  due: {
    heading: (p) => `待办与逾期 · 截至 ${p.asOf}（${p.weekday}）· 已逾期 ${p.overdue} 项 · ${p.within} 天内到期 ${p.soon} 项`,
    nothing: (p) => `✓ 没有逾期事项，${p.within} 天内也没有到期事项`,
    countOverdue: (p) => `逾期 ${p.n}`,
    countSoon: (p) => `将到期 ${p.n}`,
    overdueBy: (p) => `逾期${p.n}天`,
    left: (p) => `还剩${p.n}天`,
    today: () => '今天到期',
    behind: (p) => `落后进度（应达 ${p.expected}）`,
    footer: () => '登记完成情况：qingdan record 科室 清单项 [数量]；逾期事项计入季度检查和年度考核',
    previousYear: (p) => `${p.year} 年度未了事项 · 已逾期 ${p.overdue} 项 · 将到期 ${p.soon} 项（仍可补登：日期写 ${p.year} 年，按逾期完成计）`,
  },
};
