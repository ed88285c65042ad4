/** Labels of `qingdan rollup` (fetch and the roll-up reports), in zh-CN and English. */
import type { Params } from '../core/diagnostic.js';
import type { UnverifiedReason } from '../core/rollup/report.js';

type Message = (p: Params) => string;

export interface RollupLabels {
  title: Message;
  subtitle: Message;
  fetched: Message;
  fetchFailed: Message;
  fetchSummary: Message;
  fetching: Message;
  committed: Message;
  unchanged: string;
  /** The lock changed, and --no-commit left it uncommitted. */
  written: string;
  /** The lock could not be read: what was fetched before is not known, and the lock is written afresh. */
  lockUnreadable: Message;
  nested: Message;
  col: Record<
    | 'rank' | 'member' | 'grade' | 'score' | 'ytdMax' | 'percent' | 'projected' | 'overdue' | 'accountability' | 'checklist'
    | 'reason' | 'detail' | 'commit' | 'audit' | 'fetched' | 'stale' | 'periodRate' | 'units' | 'area' | 'total' | 'under' | 'section',
    string
  >;
  sections: Record<'ranking' | 'chart' | 'areas' | 'sections' | 'unverified' | 'checklists' | 'provenance' | 'drill', string>;
  drill: Message;
  /** The heading of a drill-down's sections' scores. */
  drillSections: Message;
  reasons: Record<UnverifiedReason, string>;
  audit: Record<'clean' | 'violations' | 'not-run', string>;
  outcomes: Message;
  none: string;
  allCounted: string;
  notLikeForLike: string;
  sameChecklist: Message;
  staleSince: Message;
  neverFetched: string;
  totals: Message;
  /** The totals when no member counts: there is no score or rate to show. */
  totalsNone: Message;
  footer: Message;
  kinds: Record<'monthly' | 'quarterly' | 'annual', string>;
  /** The workbook's first and last sheets (`--format xlsx`). */
  sheets: { data: string; about: string };
}

const num = (x: unknown) => String(x);

export const rollupZh: RollupLabels = {
  title: (p) => `${p.umbrella} ${p.period} ${p.kind}`,
  subtitle: (p) => `截至 ${p.asOf} · 计入 ${p.counted} 个成员 · 未计入 ${p.unverified} 个`,
  fetched: (p) => `${p.id}：已获取 ${p.commit}${p.changed ? '' : '（无变化）'}`,
  fetchFailed: (p) => `${p.id}：获取失败（${p.reason}），沿用上次获取的数据${p.since ? `（${p.since}）` : '（从未获取成功）'}：${p.detail}`,
  fetchSummary: (p) => `已获取 ${p.ok} 个成员，失败 ${p.failed} 个；提交号写入 members.lock`,
  fetching: (p) => `获取成员 ${p.done} / ${p.total}…`,
  committed: (p) => `已提交 members.lock（${p.commit}）`,
  unchanged: 'members.lock 无变化，未提交',
  written: 'members.lock 已更新，未提交（--no-commit）',
  lockUnreadable: (p) => `注意：members.lock 有 ${p.count} 处错误（第一处在第 ${p.line} 行），以前获取的提交号无从得知；本次获取后重写（原文件在 git 历史中）`,
  nested: (p) => `${p.id}/${p.child}：${p.text}`,
  col: {
    rank: '名次',
    member: '成员',
    grade: '等次',
    score: '得分',
    ytdMax: '应得分',
    percent: '得分率%',
    projected: '预计得分',
    overdue: '逾期',
    accountability: '问责（提醒/诫勉/取消评先）',
    checklist: '清单',
    reason: '原因',
    detail: '说明',
    commit: '提交',
    audit: '审计',
    fetched: '获取时间',
    stale: '数据状态',
    periodRate: '本期完成率%',
    units: '科室数',
    area: '方面',
    total: '合计',
    under: '所属',
    section: '科室',
  },
  sections: {
    ranking: '成员排名',
    chart: '得分率',
    areas: '各方面对比（成员共有的方面）',
    sections: '各成员科室得分',
    unverified: '未计入排名的成员',
    checklists: '所用清单',
    provenance: '数据来源',
    drill: '下一级',
  },
  drill: (p) => `${p.name} 的成员`,
  drillSections: (p) => `${p.name} 的成员的科室得分`,
  reasons: {
    'not-fetched': '从未获取',
    'missing-commit': '锁定的提交不在本地',
    audit: '审计未通过（历史被改写）',
    shallow: '浅克隆，历史不完整，无法审计',
    check: '数据检查有错误',
    outside: '设置的目录指向仓库之外',
    'too-large': '文件过大',
    'no-templates': '没有模板',
    'no-checklist': '没有该年度的清单',
    timeout: '超时',
    failed: '评估失败',
  },
  audit: { clean: '通过', violations: '未通过', 'not-run': '未审计' },
  outcomes: (p) => `${num(p.reminder)}/${num(p.admonish)}/${num(p.disqualify)}`,
  none: '无',
  allCounted: '所有成员均已计入',
  notLikeForLike: '注意：成员使用的清单不同，跨清单的得分率对比并非同口径。',
  sameChecklist: (p) => `所有成员使用同一清单：${p.title}（总分 ${p.total}）`,
  staleSince: (p) => `过期：${p.failed} 获取失败（${p.reason}）${p.since ? `，数据为 ${p.since} 获取` : ''}`,
  neverFetched: '从未获取',
  totals: (p) => `合计：${p.members} 个成员得分 ${p.score} / 应得 ${p.ytdMax}（${p.percent}%），逾期 ${p.overdue} 项`,
  totalsNone: () => '合计：没有计入排名的成员，得分 –',
  footer: (p) => `数据来源：members.lock 中各成员的提交（见“数据来源”）· 截至 ${p.asOf} · qingdan ${p.version}`,
  kinds: { monthly: '月度汇总', quarterly: '季度汇总', annual: '年度汇总' },
  sheets: { data: '数据', about: '说明' },
};

export const rollupEn: RollupLabels = {
  title: (p) => `${p.umbrella} ${p.period} ${p.kind}`,
  subtitle: (p) => `as of ${p.asOf} · ${p.counted} members counted · ${p.unverified} not counted`,
  fetched: (p) => `${p.id}: fetched ${p.commit}${p.changed ? '' : ' (unchanged)'}`,
  fetchFailed: (p) => `${p.id}: fetch failed (${p.reason}); the data fetched before stays${p.since ? ` (${p.since})` : ' (never fetched)'}: ${p.detail}`,
  fetchSummary: (p) => `fetched ${p.ok} members, ${p.failed} failed; commits written to members.lock`,
  fetching: (p) => `fetching members ${p.done} / ${p.total}…`,
  committed: (p) => `committed members.lock (${p.commit})`,
  unchanged: 'members.lock unchanged, nothing committed',
  written: 'members.lock updated, not committed (--no-commit)',
  lockUnreadable: (p) => `note: members.lock has ${p.count} error(s) (the first on line ${p.line}), so the commits fetched before are not known; it is written afresh from this fetch (the old file is in git's history)`,
  nested: (p) => `${p.id}/${p.child}: ${p.text}`,
  col: {
    rank: 'Rank',
    member: 'Member',
    grade: 'Grade',
    score: 'Score',
    ytdMax: 'Due so far',
    percent: 'Rate %',
    projected: 'Projected',
    overdue: 'Overdue',
    accountability: 'Accountability (rem./adm./disq.)',
    checklist: 'Checklist',
    reason: 'Reason',
    detail: 'Detail',
    commit: 'Commit',
    audit: 'Audit',
    fetched: 'Fetched',
    stale: 'Data',
    periodRate: 'Period done %',
    units: 'Units',
    area: 'Area',
    total: 'Total',
    under: 'Ranked under',
    section: 'Unit',
  },
  sections: {
    ranking: 'Members ranked',
    chart: 'Score rate',
    areas: 'Areas compared (areas members share)',
    sections: "Members' units scored",
    unverified: 'Members not counted',
    checklists: 'Checklists in use',
    provenance: 'Provenance',
    drill: 'One level down',
  },
  drill: (p) => `Members of ${p.name}`,
  drillSections: (p) => `Units of the members of ${p.name}`,
  reasons: {
    'not-fetched': 'never fetched',
    'missing-commit': 'the locked commit is not here',
    audit: 'audit failed (history rewritten)',
    shallow: 'shallow clone: history incomplete, cannot be audited',
    check: 'the data has errors',
    outside: 'a folder of the settings leads outside the repository',
    'too-large': 'files too large',
    'no-templates': 'no templates',
    'no-checklist': 'no checklist for the year',
    timeout: 'timed out',
    failed: 'evaluation failed',
  },
  audit: { clean: 'clean', violations: 'violations', 'not-run': 'not audited' },
  outcomes: (p) => `${num(p.reminder)}/${num(p.admonish)}/${num(p.disqualify)}`,
  none: 'none',
  allCounted: 'every member is counted',
  notLikeForLike: 'Note: members use different checklists; rates compared across checklists are not like for like.',
  sameChecklist: (p) => `every member uses one checklist: ${p.title} (total ${p.total})`,
  staleSince: (p) => `stale: fetch failed ${p.failed} (${p.reason})${p.since ? `; data fetched ${p.since}` : ''}`,
  neverFetched: 'never fetched',
  totals: (p) => `Total: ${p.members} members scored ${p.score} of ${p.ytdMax} due (${p.percent}%), ${p.overdue} overdue`,
  totalsNone: () => 'Total: no member counted, score –',
  footer: (p) => `Provenance: each member's commit from members.lock (see Provenance) · as of ${p.asOf} · qingdan ${p.version}`,
  kinds: { monthly: 'monthly roll-up', quarterly: 'quarterly roll-up', annual: 'annual roll-up' },
  sheets: { data: 'Data', about: 'About' },
};
