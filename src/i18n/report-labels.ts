/** Labels of the reports, in zh-CN and English. */
import type { Params } from '../core/diagnostic.js';

type Message = (p: Params) => string;

export interface ReportLabels {
  monthlyTitle: Message;
  quarterlyTitle: Message;
  annualTitle: Message;
  subtitle: Message;
  provenance: Message;
  dirty: string;
  noGit: string;
  col: Record<
    | 'unit' | 'chief' | 'supervisor' | 'score' | 'ytdMax' | 'max' | 'percent' | 'projected' | 'rank' | 'grade' | 'share'
    | 'overdue' | 'accountability' | 'item' | 'title' | 'period' | 'due' | 'status' | 'done' | 'goal' | 'expected'
    | 'date' | 'quantity' | 'note' | 'completed' | 'dueNext' | 'behind' | 'area' | 'units' | 'level' | 'subject'
    | 'reasons' | 'outcome' | 'kind' | 'month' | 'rate' | 'met' | 'count' | 'person' | 'subtotal' | 'dueSoFar' | 'scoreToDate',
    string
  >;
  sections: Record<
    | 'overview' | 'completed' | 'overdue' | 'dueNext' | 'pace' | 'trend' | 'ranking' | 'areas' | 'supervisors'
    | 'levels' | 'orgItems' | 'accountability' | 'coverage' | 'register' | 'findings' | 'scores' | 'chartScores' | 'moreDetail',
    string
  >;
  none: string;
  nothingCompleted: string;
  nothingOverdue: string;
  nothingDueNext: string;
  noFindings: string;
  noAccountability: string;
  chiefAndSupervisor: Message;
  behindMark: string;
  levels: Record<'principal' | 'first' | 'supervisory' | 'direct', string>;
  outcomes: Record<'reminder' | 'admonish' | 'disqualify', string>;
  trigger: Message;
  kinds: Record<'unit' | 'person', string>;
  registerLegend: string;
  monthLabel: Message;
  /** After an area's name: its points assessed outside qingdan, its floor, its bonus cap. */
  areaRule: Message;
  bonusCap: Message;
  inspections: { heading: string; points: string; reason: string; inspector: string; rectifyBy: string; status: Record<'open' | 'rectified' | 'overdue', string> };
  monthlyTotals: Message;
  supervisorsDigest: Message;
  detailHint: string;
  maxNote: Message;
  /** Below the areas: an organisation's or a person's item counted in units' scores. */
  towardNote: Message;
  /** After a per-person item's progress: the persons who fell short of their target. */
  short: Message;
  /** Headers and period names of the tidy table (CSV, the workbook's first sheet). */
  tidy: { table: string; subjectId: string; year: string; measure: string; exempt: string; wholeYear: string; quarter: Message; half: Message; data: string; about: string };
}

export const reportZh: ReportLabels = {
  monthlyTitle: (p) => `一月一汇报 · ${p.year}年${p.month}月党建责任清单完成情况`,
  quarterlyTitle: (p) => `一季一检查 · ${p.year}年第${p.quarter}季度完成进度登记簿`,
  annualTitle: (p) => `一年一总结 · ${p.year}年度党建责任清单考核`,
  subtitle: (p) => `${p.org} · 截至 ${p.asOf}${p.trackedFrom ? ` · 自 ${p.trackedFrom} 起纳入考核` : ''}`,
  provenance: (p) =>
    `数据截至 ${p.asOf} · 数据版本 ${p.commit} · 登记簿共 ${p.entries} 行，校验和 sha256:${p.checksum} · 由 qingdan ${p.version} 生成`,
  dirty: '（含未提交的登记簿修改）',
  noGit: '（不在 git 中）',
  col: {
    unit: '科室', chief: '科长（辅导员）', supervisor: '监督员', score: '得分', ytdMax: '应得分', max: '满分', percent: '得分率',
    projected: '预计全年', rank: '名次', grade: '等次', share: '计入年度考核', overdue: '逾期', accountability: '责任追究',
    item: '清单项', title: '任务', period: '期间', due: '截止日期', status: '状态', done: '已完成', goal: '目标', expected: '应达',
    date: '日期', quantity: '数量', note: '备注', completed: '本月完成', dueNext: '下月到期', behind: '落后进度', area: '方面',
    units: '分管科室', level: '责任层级', subject: '责任主体', reasons: '原因', outcome: '处理', kind: '类别', month: '月份',
    rate: '完成率', met: '已完成', count: '应完成', person: '责任人', subtotal: '小计', dueSoFar: '已到期', scoreToDate: '至今得分',
  },
  sections: {
    overview: '总览', completed: '本月完成', overdue: '逾期未完成', dueNext: '下月到期', pace: '累计目标进度',
    trend: '月度完成率趋势', ranking: '科室得分与排名', areas: '各方面得分', supervisors: '监督员分管科室得分',
    levels: '各责任层级得分', orgItems: '党委及个人清单项', accountability: '责任追究', coverage: '清单项完成率',
    register: '完成进度登记簿', findings: '需跟进的问题', scores: '至今得分', chartScores: '科室得分率', moreDetail: '明细',
  },
  none: '—',
  nothingCompleted: '本月没有登记完成事项。',
  nothingOverdue: '没有逾期未完成事项。',
  nothingDueNext: '下月没有到期事项。',
  noFindings: '本季度没有需跟进的问题。',
  noAccountability: '没有需要追究责任的科室或个人。',
  chiefAndSupervisor: (p) => `科长 ${p.chief} · 监督员 ${p.supervisor}`,
  behindMark: '落后',
  levels: { principal: '主体责任（党委）', first: '第一责任（书记）', supervisory: '分管责任（监督员）', direct: '直接责任（辅导员）' },
  outcomes: { reminder: '提醒', admonish: '诫勉谈话', disqualify: '取消评先选优资格' },
  trigger: (p) => (p.kind === 'score' ? `得分率 ${p.value} 低于 ${p.threshold}` : `逾期未完成 ${p.value} 项（达到 ${p.threshold} 项）`),
  kinds: { unit: '科室', person: '个人' },
  monthLabel: (p) => `${p.month}月`,
  areaRule: (p) =>
    [
      p.elsewhere !== undefined ? `满分 ${p.points ?? ''} 分，其中 ${p.elsewhere} 分在清单外评定，不计入应得分` : '',
      p.floor !== undefined ? `最低 ${p.floor} 分（扣完为止）` : '',
      p.bonusCap !== undefined ? `加分最多 ${p.bonusCap} 分` : '',
    ]
      .filter(Boolean)
      .join('；'),
  bonusCap: (p) => `每个科室加分合计最多 ${p.cap} 分`,
  inspections: {
    heading: '检查发现的问题',
    points: '扣分',
    reason: '问题',
    inspector: '检查人',
    rectifyBy: '整改期限',
    status: { open: '待整改', rectified: '已整改', overdue: '逾期未整改' },
  },
  monthlyTotals: (p) => `本月完成 ${p.completed} 项 · 逾期未完成 ${p.overdue} 项 · 下月到期 ${p.dueNext} 项 · 累计目标落后进度 ${p.behind} 项`,
  supervisorsDigest: (p) => ` · ${p.name}分管科室`,
  tidy: {
    table: '表',
    subjectId: '编号',
    year: '年度',
    measure: '单位',
    exempt: '免于考核',
    wholeYear: '全年',
    quarter: (p) => `第${p.quarter}季度`,
    half: (p) => (p.half === '1' ? '上半年' : '下半年'),
    data: '数据',
    about: '说明',
  },
  towardNote: (p) => `${p.item} ${p.title}：${p.from}的得分 ${p.score}/${p.ytdMax} 计入${p.units}的得分`,
  short: (p) => `未达标：${p.names}`,
  maxNote: (p) =>
    `满分为科室清单项的分值合计（${p.max} 分），应得分为其中截至目前已到期的部分；清单总分 ${p.total} 分中的其余分值属于党委和个人的清单项，另行计分（见“党委及个人清单项”）`,
  detailHint: '各科室本月完成的事项、累计目标进度等全部明细：qingdan report monthly --detail（可加 --unit 科室）',
  registerLegend: '✓ 已完成  ◐ 逾期完成  △ 部分完成  ✗ 已逾期  … 进行中  ! 即将到期  – 免于考核；数字为至今完成数/目标',
};

export const reportEn: ReportLabels = {
  monthlyTitle: (p) => `Monthly report · checklist progress, ${p.year}-${p.month}`,
  quarterlyTitle: (p) => `Quarterly inspection · completion progress register, ${p.year} Q${p.quarter}`,
  annualTitle: (p) => `Annual summary · checklist assessment ${p.year}`,
  subtitle: (p) => `${p.org} · as of ${p.asOf}${p.trackedFrom ? ` · tracked from ${p.trackedFrom}` : ''}`,
  provenance: (p) =>
    `Data as of ${p.asOf} · commit ${p.commit} · ledgers of ${p.entries} lines, checksum sha256:${p.checksum} · generated by qingdan ${p.version}`,
  dirty: ' (with uncommitted ledger changes)',
  noGit: '(not in git)',
  col: {
    unit: 'Unit', chief: 'Chief (tutor)', supervisor: 'Supervisor', score: 'Score', ytdMax: 'Possible', max: 'Max', percent: '%',
    projected: 'Projected', rank: 'Rank', grade: 'Grade', share: 'Assessment pts', overdue: 'Overdue', accountability: 'Accountability',
    item: 'Item', title: 'Task', period: 'Period', due: 'Due', status: 'Status', done: 'Done', goal: 'Target', expected: 'Expected',
    date: 'Date', quantity: 'Qty', note: 'Note', completed: 'Completed', dueNext: 'Due next month', behind: 'Behind pace', area: 'Area',
    units: 'Units', level: 'Level', subject: 'Subject', reasons: 'Reasons', outcome: 'Outcome', kind: 'Kind', month: 'Month',
    rate: 'Rate', met: 'Met', count: 'Due', person: 'Responsible', subtotal: 'Subtotal', dueSoFar: 'Due so far', scoreToDate: 'Score to date',
  },
  sections: {
    overview: 'Overview', completed: 'Completed this month', overdue: 'Overdue', dueNext: 'Due next month', pace: 'Cumulative targets',
    trend: 'Monthly completion trend', ranking: 'Scores and ranking', areas: 'Scores by area', supervisors: 'Scores by supervisor',
    levels: 'Scores by responsibility level', orgItems: "The committee's and people's items", accountability: 'Accountability',
    coverage: 'Completion by item', register: 'Completion progress register', findings: 'Findings to follow up', scores: 'Scores to date',
    chartScores: 'Unit scores (%)', moreDetail: 'Details',
  },
  none: '—',
  nothingCompleted: 'Nothing recorded this month.',
  nothingOverdue: 'Nothing overdue.',
  nothingDueNext: 'Nothing falls due next month.',
  noFindings: 'No findings this quarter.',
  noAccountability: 'No unit or person falls under accountability.',
  chiefAndSupervisor: (p) => `chief ${p.chief} · supervisor ${p.supervisor}`,
  behindMark: 'behind',
  levels: { principal: 'Principal (committee)', first: 'First (secretary)', supervisory: 'Supervisory (supervisors)', direct: 'Direct (tutors)' },
  outcomes: { reminder: 'reminder', admonish: 'admonishing talk', disqualify: 'loses award eligibility' },
  trigger: (p) => (p.kind === 'score' ? `score ${p.value}% below ${p.threshold}` : `${p.value} obligations missed (threshold ${p.threshold})`),
  kinds: { unit: 'unit', person: 'person' },
  monthLabel: (p) => ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'][Number(p.month) - 1] ?? String(p.month),
  areaRule: (p) =>
    [
      p.elsewhere !== undefined ? `${p.points ?? ''} points, of which ${p.elsewhere} are assessed outside qingdan and in no maximum here` : '',
      p.floor !== undefined ? `never below ${p.floor}` : '',
      p.bonusCap !== undefined ? `bonus at most ${p.bonusCap}` : '',
    ]
      .filter(Boolean)
      .join('; '),
  bonusCap: (p) => `bonus points at most ${p.cap} per unit in all`,
  inspections: {
    heading: 'Inspection findings',
    points: 'Points',
    reason: 'Finding',
    inspector: 'Inspector',
    rectifyBy: 'Rectify by',
    status: { open: 'open', rectified: 'rectified', overdue: 'overdue' },
  },
  registerLegend: '✓ met  ◐ met late  △ partial  ✗ overdue  … open  ! due soon  – exempt; numbers are done to date / target',
  monthlyTotals: (p) => `completed this month ${p.completed} · overdue ${p.overdue} · due next month ${p.dueNext} · behind pace ${p.behind}`,
  supervisorsDigest: (p) => ` · units supervised by ${p.name}`,
  tidy: {
    table: 'Table',
    subjectId: 'Id',
    year: 'Year',
    measure: 'Measure',
    exempt: 'exempt',
    wholeYear: 'whole year',
    quarter: (p) => `Q${p.quarter}`,
    half: (p) => `H${p.half}`,
    data: 'Data',
    about: 'About',
  },
  towardNote: (p) => `${p.item} ${p.title}: ${p.from}'s ${p.score}/${p.ytdMax} counts in the score of ${p.units}`,
  short: (p) => `short: ${p.names}`,
  maxNote: (p) =>
    `Max is the points of the unit's own items (${p.max}); Possible is the part of it due so far. The rest of the checklist's ${p.total} points belongs to the committee's and people's items, scored apart (see below)`,
  detailHint: "Every section's completions and cumulative targets: qingdan report monthly --detail (and --unit for one unit)",
};
