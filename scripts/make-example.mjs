#!/usr/bin/env node
/**
 * Writes the example ledgers ledgers/2026/*.ledger of the built-in data repository (the Yushu
 * checklist, templates/checklist-2026.yaml) from the tables below, with a seeded PRNG: the same
 * script always writes the same bytes. No dependencies; reads nothing.
 *
 *   node scripts/make-example.mjs
 *
 * The year is told up to AS_OF (late November): most work done, some late, some missing.
 * Three strong sections (office, credit, treasury), two weak ones (stats, currency), the rest
 * in between.
 */
import { mkdirSync, readdirSync, unlinkSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const OUT = join(ROOT, 'ledgers', '2026');
const YEAR = 2026;
const AS_OF = '2026-11-24';
const CLERK = 'yangxue';
const SECRETARY = 'wangjianguo';
const ORG_MEMBERS = 58; // party members of the whole organisation (sum of units' members)

// ------------------------------------------------------------------ randomness

function mulberry32(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
function seedOf(s) {
  let h = 2166136261;
  for (const c of s) h = Math.imul(h ^ c.codePointAt(0), 16777619);
  return h >>> 0;
}
function rng(name) {
  const r = mulberry32(seedOf(`qingdan-2026-${name}`));
  return {
    next: r,
    int: (a, b) => a + Math.floor(r() * (b - a + 1)),
    pick: (arr) => arr[Math.floor(r() * arr.length)],
    chance: (p) => r() < p,
  };
}

// ------------------------------------------------------------------ calendar (day of year)

const pad = (n) => String(n).padStart(2, '0');
const DIM = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const doy = (m, d) => DIM.slice(0, m - 1).reduce((a, b) => a + b, 0) + d;
function dateOf(n) {
  let m = 1;
  while (n > DIM[m - 1]) n -= DIM[m++ - 1];
  return `${YEAR}-${pad(m)}-${pad(n)}`;
}
const monthOf = (n) => +dateOf(n).slice(5, 7);
const LAST = doy(11, 24);
if (dateOf(LAST) !== AS_OF) throw new Error('AS_OF');
const weekday = (n) => new Date(Date.UTC(YEAR, 0, n)).getUTCDay();
// public holidays of 2026 (New Year, Spring Festival and Losar, Qingming, May Day, Dragon Boat,
// Mid-Autumn, National Day), approximately
const HOLIDAYS = [
  [doy(1, 1), doy(1, 3)],
  [doy(2, 14), doy(2, 23)],
  [doy(4, 4), doy(4, 6)],
  [doy(5, 1), doy(5, 5)],
  [doy(6, 19), doy(6, 21)],
  [doy(9, 25), doy(9, 27)],
  [doy(10, 1), doy(10, 8)],
];
const isWork = (n) => weekday(n) % 6 !== 0 && !HOLIDAYS.some(([a, b]) => n >= a && n <= b);
function workdays(a, b) {
  const out = [];
  for (let n = a; n <= Math.min(b, LAST); n++) if (isWork(n)) out.push(n);
  return out;
}
/** A random working day between two days of the year (inclusive), never after AS_OF. */
function dayIn(r, a, b) {
  const w = workdays(a, b);
  if (w.length === 0) throw new Error(`no working day in ${dateOf(a)}..${dateOf(b)}`);
  return r.pick(w);
}
const monthStart = (m) => doy(m, 1);
const monthEnd = (m) => doy(m, DIM[m - 1]);
const quarterEnd = (q) => monthEnd(q * 3);
/** The k-th working day on or after a day. */
function nthWorkday(from, k) {
  let n = from - 1;
  while (k > 0) if (isWork(++n)) k--;
  return n;
}
/** The org-wide theme party day: the third Friday of the month, moved past holidays. */
function themeDay(m) {
  const fridays = [];
  for (let n = monthStart(m); n <= monthEnd(m); n++) if (weekday(n) === 5) fridays.push(n);
  return fridays.slice(2).find(isWork) ?? fridays.find(isWork);
}
/** The monthly meeting (月度例会) where the month's reports are heard: 3rd working day of the next month. */
function reportMeeting(m) {
  if (m === 4) return doy(4, 30); // before the May Day holiday
  if (m === 9) return doy(9, 29); // before the National Day holiday
  return nthWorkday(monthStart(m + 1), 3);
}
const periodMonth = (m) => `${YEAR}-${pad(m)}`;

// ------------------------------------------------------------------ tables

const NAMES = {
  wangjianguo: '王建国',
  suonancairen: '索南才仁',
  liminghua: '李明华',
  zhaxinima: '扎西尼玛',
  chenxiaoyan: '陈晓燕',
};
const COMMITTEE = ['suonancairen', 'liminghua', 'zhaxinima', 'chenxiaoyan'];

/*
 * One row a section. tier only picks defaults; the explicit fields say what happened:
 * hours / pieces / exchanges: totals by AS_OF of T1.1 (学时), T1.2 (篇), T1.3 (次);
 * study: sessions a month of T1.5; *Miss: months with nothing; *Late: months done after the month;
 * q: per quarter Q1..Q3 'ok' | 'late' | 'miss' (Q4 of 警示教育 may be 'ok' already);
 * dates 'MM-DD' of the one-off items, null when not done.
 */
const UNITS = [
  {
    id: 'office', name: '办公室', chief: 'maxiulan', sup: 'chenxiaoyan', members: 9, tier: 'strong',
    hours: 134, pieces: 27, exchanges: 6, study: [4, 5], studyMiss: [],
    themeMiss: [], themeLate: [], reportMiss: [], reportLate: [],
    sanhui: ['ok', 'ok', 'ok'], sanbi: ['ok', 'ok', 'ok'], jingshi: ['ok', 'ok', 'ok', 'ok'],
    liang: ['03-06', '03-20', '03-20'], chengnuo: '02-27', fengxian: '05-22', sanping: '07-07',
    training: [['05-15', 1], ['09-11', 2]], transfer: '09-24',
    brand: ['03-13', '“高原暖心”党建+后勤服务保障'], booklet: '11-18', post: '公文流转',
  },
  {
    id: 'hr', name: '人事科', chief: 'cairangzhuoma', sup: 'zhaxinima', members: 5, tier: 'avg',
    hours: 108, pieces: 20, exchanges: 4, study: [2, 4], studyMiss: [],
    themeMiss: [], themeLate: [], reportMiss: [], reportLate: [6],
    sanhui: ['ok', 'ok', 'late'], sanbi: ['ok', 'ok', 'ok'], jingshi: ['ok', 'ok', 'ok', null],
    liang: ['03-13', '04-17', '04-17'], chengnuo: '03-06', fengxian: '06-12', sanping: '07-09',
    training: [['05-15', 1], ['09-11', 1]], transfer: '10-15',
    brand: ['04-10', '“格桑花”青年干部成长计划'], booklet: null, post: '干部服务',
  },
  {
    id: 'discipline', name: '纪检监察室', chief: 'zhangwei', sup: 'zhaxinima', members: 4, tier: 'avg',
    hours: 118, pieces: 22, exchanges: 5, study: [2, 4], studyMiss: [],
    themeMiss: [], themeLate: [], reportMiss: [], reportLate: [],
    sanhui: ['ok', 'ok', 'ok'], sanbi: ['ok', 'ok', 'ok'], jingshi: ['ok', 'ok', 'ok', 'ok'],
    liang: ['03-06', '04-10', '04-10'], chengnuo: '02-27', fengxian: '04-24', sanping: '07-03',
    training: [['05-15', 2]], transfer: '06-05',
    brand: ['04-03', '“清风三江源”廉洁文化建设'], booklet: null, post: '监督执纪',
  },
  {
    id: 'credit', name: '货币信贷管理科', chief: 'gengqiuduojie', sup: 'suonancairen', members: 6, tier: 'strong',
    hours: 138, pieces: 28, exchanges: 7, study: [4, 5], studyMiss: [],
    themeMiss: [], themeLate: [], reportMiss: [], reportLate: [],
    sanhui: ['ok', 'ok', 'ok'], sanbi: ['ok', 'ok', 'ok'], jingshi: ['ok', 'ok', 'ok', 'ok'],
    liang: ['03-04', '03-18', '03-18'], chengnuo: '02-26', fengxian: '05-15', sanping: '07-06',
    training: [['05-15', 1], ['07-17', 2]], transfer: '08-07',
    brand: ['03-20', '“诚信课堂+诚信档案+诚信校园+诚信创评”少年诚信教育基地建设'], booklet: '11-12', post: '再贷款管理',
  },
  {
    id: 'stats', name: '调查统计科', chief: 'liufang', sup: 'suonancairen', members: 4, tier: 'weak',
    hours: 68, pieces: 10, exchanges: 2, study: [1, 2], studyMiss: [2, 7, 8, 10],
    themeMiss: [2, 6, 9, 11], themeLate: [7], reportMiss: [3, 7, 9], reportLate: [5, 8],
    sanhui: ['ok', 'late', 'miss'], sanbi: ['ok', 'late', 'miss'], jingshi: ['ok', 'miss', 'ok', null],
    liang: ['03-27', '05-22', '06-12'], chengnuo: '04-08', fengxian: '07-17', sanping: '07-28',
    training: [['09-11', 1]], transfer: null,
    brand: ['05-20', '牧区金融需求“进村入户”调查'], booklet: null, post: '统计监测',
  },
  {
    id: 'stability', name: '金融稳定科', chief: 'hanyongfu', sup: 'suonancairen', members: 4, tier: 'avg',
    hours: 102, pieces: 18, exchanges: 4, study: [2, 4], studyMiss: [],
    themeMiss: [], themeLate: [5], reportMiss: [], reportLate: [2],
    sanhui: ['ok', 'ok', 'ok'], sanbi: ['ok', 'late', 'ok'], jingshi: ['ok', 'ok', 'ok', null],
    liang: ['03-13', '04-24', '04-24'], chengnuo: '03-13', fengxian: '06-19', sanping: '07-10',
    training: [['05-15', 1], ['10-16', 1]], transfer: '10-30',
    brand: ['04-17', '“守护三江源”金融风险防控宣传'], booklet: null, post: '风险监测',
  },
  {
    id: 'payment', name: '支付结算科', chief: 'zhaojianjun', sup: 'liminghua', members: 6, tier: 'avg',
    hours: 112, pieces: 21, exchanges: 4, study: [2, 4], studyMiss: [],
    themeMiss: [], themeLate: [], reportMiss: [], reportLate: [4],
    sanhui: ['ok', 'ok', 'ok'], sanbi: ['ok', 'ok', 'ok'], jingshi: ['ok', 'ok', 'ok', null],
    liang: ['03-11', '04-15', '04-15'], chengnuo: '03-04', fengxian: '06-05', sanping: '07-08',
    training: [['07-17', 2]], transfer: '08-14',
    brand: ['04-08', '三江源国家公园普惠金融示范点支付环境建设'], booklet: null, post: '账户管理',
  },
  {
    id: 'treasury', name: '国库科', chief: 'zhoudeming', sup: 'liminghua', members: 6, tier: 'strong',
    hours: 128, pieces: 25, exchanges: 6, study: [3, 5], studyMiss: [1], studyExempt: 1,
    themeMiss: [], themeLate: [], reportMiss: [], reportLate: [],
    sanhui: ['ok', 'ok', 'ok'], sanbi: ['ok', 'ok', 'ok'], jingshi: ['ok', 'ok', 'ok', 'ok'],
    liang: ['03-05', '03-26', '03-26'], chengnuo: '03-02', fengxian: '05-29', sanping: '07-06',
    training: [['05-15', 1], ['09-11', 1]], transfer: '09-25',
    brand: ['03-27', '“TIPS+”县域电子缴库服务'], booklet: '11-20', post: '国库会计核算',
  },
  {
    id: 'currency', name: '货币金银科', chief: 'lamaocuo', sup: 'liminghua', members: 5, tier: 'weak',
    hours: 74, pieces: 12, exchanges: 2, study: [1, 2], studyMiss: [2, 5, 8],
    themeMiss: [4, 8, 11], themeLate: [10], reportMiss: [2, 6, 8, 10], reportLate: [4],
    sanhui: ['late', 'ok', 'miss'], sanbi: ['ok', 'ok', 'miss'], jingshi: ['ok', 'ok', 'late', null],
    liang: ['03-20', '04-28', '05-15'], chengnuo: '03-27', fengxian: null, sanping: '07-24',
    training: [['10-16', 1]], transfer: null,
    brand: ['06-10', '现金服务“下牧区”与反假货币宣传'], booklet: null, post: '发行库管理',
  },
  {
    id: 'finance', name: '会计财务科', chief: 'lihui', sup: 'chenxiaoyan', members: 5, tier: 'avg',
    hours: 96, pieces: 17, exchanges: 3, study: [2, 3], studyMiss: [8],
    themeMiss: [8], themeLate: [], reportMiss: [], reportLate: [7, 10],
    sanhui: ['ok', 'late', 'ok'], sanbi: ['ok', 'ok', 'late'], jingshi: ['ok', 'ok', 'ok', null],
    liang: ['03-18', '04-22', '04-22'], chengnuo: '03-20', fengxian: '06-26', sanping: '07-14',
    training: [['09-11', 2]], transfer: '11-06',
    brand: ['05-08', '“精打细算”财务管理标准化'], booklet: null, post: '财务核算',
  },
  {
    id: 'tech', name: '科技科', chief: 'sunhaitao', sup: 'chenxiaoyan', members: 4, tier: 'avg',
    hours: 104, pieces: 19, exchanges: 4, study: [2, 4], studyMiss: [],
    themeMiss: [], themeLate: [], reportMiss: [], reportLate: [9],
    sanhui: ['ok', 'late', 'ok'], sanbi: ['ok', 'ok', 'ok'], jingshi: ['ok', 'ok', 'ok', null],
    liang: ['03-12', '04-16', '04-16'], chengnuo: '03-12', fengxian: '06-18', sanping: '07-13',
    training: [['07-17', 1], ['10-16', 1]], transfer: '11-05',
    brand: ['04-21', '“网络安全守护者”科技党员先锋行动'], booklet: null, post: '网络运维',
  },
];

const COURSES = [
  '习近平新时代中国特色社会主义思想专题',
  '党的二十届四中全会精神解读',
  '“十五五”规划纲要学习辅导',
  '中央金融工作会议精神解读',
  '加快建设金融强国专题',
  '《中国共产党纪律处分条例》解读',
  '深入贯彻中央八项规定精神',
  '铸牢中华民族共同体意识专题',
  '防范化解重大金融风险',
  '货币政策和宏观审慎政策双支柱调控框架',
  '普惠金融高质量发展',
  '党史专题讲座',
  '新时代党的组织路线',
  '《中国共产党支部工作条例（试行）》解读',
  '意识形态工作专题',
  '生态文明建设与三江源保护',
  '数字人民币与支付体系建设',
  '反洗钱法律法规专题',
  '保密工作专题',
  '领导干部作风建设专题',
];
// [topic, first month, last month]
const STUDY_TOPICS = [
  ['习近平总书记关于党的建设的重要思想', 1, 12],
  ['《中国共产党章程》', 1, 12],
  ['习近平总书记考察青海重要讲话精神', 1, 12],
  ['中央经济工作会议精神', 1, 2],
  ['上级行工作会议精神', 1, 3],
  ['全国两会精神', 3, 5],
  ['《中国共产党纪律处分条例》', 1, 12],
  ['党的二十届四中全会精神', 1, 12],
  ['“十五五”规划纲要', 3, 12],
  ['铸牢中华民族共同体意识相关论述', 1, 12],
  ['习近平总书记关于金融工作的重要论述', 1, 12],
  ['《中国共产党党员教育管理工作条例》', 1, 12],
  ['习近平总书记在庆祝建党105周年之际的重要讲话精神', 7, 12],
  ['上级行党委会议精神', 1, 12],
  ['《习近平谈治国理政》选读', 1, 12],
];
const THEMES = {
  1: ['重温入党誓词，学习中央经济工作会议精神', '走访慰问生活困难党员'],
  2: ['春节、藏历新年前走访慰问困难职工和老党员', '学习全面从严治党有关要求'],
  3: ['学雷锋志愿服务，金融知识进社区', '学习全国两会精神'],
  4: ['缅怀“4·14”玉树地震遇难同胞，开展感恩教育', '民主议事，研究科室党员先锋岗设置'],
  5: ['普惠金融宣传进牧区', '“五四”青年党员座谈，在履职一线担当作为'],
  6: ['“七一”前重温入党誓词，开展党性体检', '民主议事，开展上半年清单完成情况自查'],
  7: ['庆祝建党105周年主题活动', '结对帮扶村志愿服务'],
  8: ['民族团结进步主题学习', '走访慰问生病住院党员'],
  9: ['防范非法集资宣传志愿服务', '学习《中国共产党纪律处分条例》典型案例'],
  10: ['爱国主义教育，学习党的创新理论', '三江源生态保护志愿服务'],
  11: ['学习二十届四中全会精神', '民主议事，研究科室年度工作总结和述职'],
};
const MICRO = ['党章天天学', '每日一习话', '党史上的今天', '廉洁小故事', '金融知识微课', '“四个自信”微党课', '身边的榜样', '民族团结小课堂', '党纪学习微课'];
const EXCHANGES = [
  '交流学习心得：“四个自信”专题学习体会',
  '交流学习心得：学习党的二十届四中全会精神体会',
  '读书分享会：《习近平谈治国理政》选读体会',
  '交流学习心得：在高原基层践行初心使命',
  '交流学习心得：学习“十五五”规划纲要体会',
  '交流学习心得：党纪学习教育体会',
  '交流学习心得：铸牢中华民族共同体意识',
  '交流学习心得：金融工作的政治性、人民性',
];
const WARNINGS = [
  '观看警示教育专题片并开展讨论',
  '通报金融系统违纪违法典型案例',
  '学习《中国共产党纪律处分条例》典型案例剖析',
  '参观州廉政教育基地',
  '以案促改专题学习',
];

// ------------------------------------------------------------------ building entries

/** An entry: { n: day of year, subject, item, qty, note, period, by }, or a void: { n, voids: entry, reason }. */
function entry(n, subject, item, fields = {}) {
  if (n > LAST) throw new Error(`future date ${dateOf(n)} for ${subject} ${item}`);
  return { n, subject, item, by: CLERK, ...fields };
}
const quarterOf = (n) => Math.ceil(monthOf(n) / 3);
const withPeriod = (n, period, periodMonthOfN) => (periodMonthOfN(n) ? {} : { period });

function unitEntries(u) {
  const r = rng(u.id);
  const out = [];
  const by = () => (r.chance(u.tier === 'strong' ? 0.3 : 0.15) ? u.chief : CLERK);
  const add = (n, item, f = {}) => {
    const e = entry(n, u.id, item, { by: by(), ...f });
    out.push(e);
    return e;
  };
  const md = (s) => doy(+s.slice(0, 2), +s.slice(3, 5));

  // T1.1 远程教育平台专家课程：2–6 学时一次，累计到 u.hours
  {
    const chunks = [];
    let sum = 0;
    while (u.hours - sum >= 2) {
      let h = r.int(4, Math.min(8, (u.hours - sum) * 2)) / 2; // 2–4 学时，0.5 的倍数
      const rest = u.hours - sum - h;
      if (rest > 0 && rest < 2) h = u.hours - sum <= 4 ? u.hours - sum : u.hours - sum - 2; // 不留不足2学时的零头
      chunks.push(h);
      sum += h;
    }
    const days = chunks.map(() => dayIn(r, doy(1, 6), LAST)).sort((a, b) => a - b);
    chunks.forEach((h, i) => {
      const qty = r.chance(0.15) ? `${h}学时` : `${h}h`;
      const note = `远程教育平台：${r.pick(COURSES)}`;
      if (u.id === 'office' && i === 7) {
        // 学时录入错误，当日作废后重新登记
        const wrong = add(days[i], 'T1.1', { qty: `${h * 10}h`, note, by: CLERK });
        out.push({ n: days[i], voids: wrong, reason: `学时录入错误，应为${h}学时`, by: CLERK });
        add(days[i], 'T1.1', { qty: `${h}h`, note, by: CLERK });
      } else add(days[i], 'T1.1', { qty, note });
    });
  }

  // T1.2 微课堂推送：多为1篇，偶有2篇
  {
    let left = u.pieces;
    const pushes = [];
    while (left > 0) {
      const k = left >= 2 && r.chance(0.06) ? 2 : 1;
      pushes.push(k);
      left -= k;
    }
    const days = pushes.map(() => dayIn(r, doy(1, 12), LAST)).sort((a, b) => a - b);
    let issue = 0;
    const title = r.pick(MICRO);
    pushes.forEach((k, i) => {
      const first = issue + 1;
      issue += k;
      const note = k === 1 ? `微课堂推送：${title}第${first}期` : `微课堂推送：${title}第${first}—${issue}期`;
      if (u.id === 'payment' && i === 4) {
        // 篇数多登记1篇，数日后作废重登
        const wrong = add(days[i], 'T1.2', { qty: `${k + 1}篇`, note, by: CLERK });
        const fix = nthWorkday(days[i] + 1, 2);
        out.push({ n: fix, voids: wrong, reason: '重复统计1篇，篇数登记有误', by: CLERK });
        add(fix, 'T1.2', { qty: `${k}篇`, note: `${note}（更正${+dateOf(days[i]).slice(5, 7)}月${+dateOf(days[i]).slice(8)}日登记）`, by: CLERK });
      } else add(days[i], 'T1.2', { qty: `${k}篇`, note });
    });
  }

  // T1.3 交流学习心得
  {
    const spread = Array.from({ length: u.exchanges }, (_, i) => {
      const a = doy(1, 10) + Math.floor((i * (LAST - doy(1, 10))) / u.exchanges);
      const b = doy(1, 10) + Math.floor(((i + 1) * (LAST - doy(1, 10))) / u.exchanges) - 1;
      return dayIn(r, a, b);
    });
    const topics = [...EXCHANGES];
    for (const n of spread) {
      const t = topics.splice(r.int(0, topics.length - 1), 1)[0];
      add(n, 'T1.3', { qty: '1次', note: t });
    }
  }

  // T1.5 科室集中政治学习（每月）
  for (let m = 1; m <= 11; m++) {
    if (u.studyExempt === m) {
      add(monthEnd(m) - 2, 'T1.5', {
        qty: 'exempt',
        note: '国库年终决算期间，经分管领导同意，1月集中学习并入2月开展',
        period: periodMonth(m),
        by: u.chief,
      });
      continue;
    }
    if (u.studyMiss.includes(m)) continue;
    const k = r.int(u.study[0], u.study[1]);
    const from = m === 1 ? doy(1, 5) : monthStart(m);
    const to = m === 11 ? LAST : monthEnd(m);
    const pool = STUDY_TOPICS.filter(([, a, b]) => m >= a && m <= b).map(([t]) => t);
    const free = workdays(from, to);
    const days = Array.from({ length: Math.min(k, free.length) }, () => free.splice(r.int(0, free.length - 1), 1)[0]).sort((a, b) => a - b);
    for (const n of days) add(n, 'T1.5', { note: `集中学习：${r.pick(pool)}` });
  }

  // T1.6 “三会一课”纪实资料（季后10日内）
  u.sanhui.forEach((s, i) => {
    const q = i + 1;
    if (s === 'miss') return;
    const end = quarterEnd(q);
    const n = s === 'ok' ? dayIn(r, end + 1, end + 10) : dayIn(r, end + 14, end + 26);
    add(n, 'T1.6', { note: `报送${q}季度“三会一课”纪实资料`, period: `${YEAR}-Q${q}` });
  });

  // T2.1–T2.3 三亮
  {
    const [a, b, c] = u.liang.map(md);
    add(a, 'T2.1', { note: '科室党员统一佩戴党徽，工位设置党员身份标识' });
    add(b, 'T2.2', { note: `设立“${u.post}”党员先锋岗并挂牌公示` });
    add(c, 'T2.3', { note: `划定党员责任区${r.int(2, 4)}个，公开党员承诺事项` });
  }

  // T2.4 “三比”季度评比
  u.sanbi.forEach((s, i) => {
    const q = i + 1;
    if (s === 'miss') return;
    const end = quarterEnd(q);
    const note = `${q}季度“三比”评比：比学习、比业绩、比作风`;
    if (s === 'ok') add(dayIn(r, end - 10, end), 'T2.4', { note });
    else add(dayIn(r, end + 9, end + 20), 'T2.4', { note, period: `${YEAR}-Q${q}` });
  });

  // T2.5 “三评”上半年
  add(md(u.sanping), 'T2.5', { note: '上半年党员自评、互评和组织评议', period: `${YEAR}-H1` });

  // T3.3 主题党日（每月）
  const themeDays = [];
  for (let m = 1; m <= 11; m++) {
    if (u.themeMiss.includes(m)) continue;
    let n;
    let period = {};
    if (u.themeLate.includes(m)) {
      n = dayIn(r, monthEnd(m) + 2, monthEnd(m) + 9);
      period = { period: periodMonth(m) };
    } else {
      n = r.chance(0.8) ? themeDay(m) : dayIn(r, Math.max(monthStart(m) + 9, doy(1, 10)), Math.min(monthEnd(m), LAST));
    }
    let theme = r.pick(THEMES[m]);
    if (u.id === 'discipline' && m === 10) theme = '学习\\"十五五\\"规划纲要，开展廉洁文化进机关';
    add(n, 'T3.3', { note: `${m}月主题党日：${theme}`, ...period });
    themeDays.push({ n, m, unit: u });
  }

  // T3.5 走出去党务培训 / T3.6 回行转培训
  for (const [d, k] of u.training) {
    add(md(d), 'T3.5', {
      qty: `${k}人次`,
      note: k > 1 ? `${k}名党员参加上级行党支部书记集中轮训` : '参加上级行党务干部专题培训班',
    });
  }
  if (u.transfer) add(md(u.transfer), 'T3.6', { note: '回行转培训：传达轮训精神，讲解党支部组织生活规范' });

  // T4.1 廉政承诺书 / T4.5 岗位廉政风险点排查
  add(md(u.chengnuo), 'T4.1', { note: `科室${u.members}名党员签订2026年度廉政承诺书` });
  if (u.fengxian) add(md(u.fengxian), 'T4.5', { note: `排查岗位廉政风险点${r.int(3, 9)}个，制定防控措施` });

  // T4.3 警示教育（每季度）
  u.jingshi.forEach((s, i) => {
    const q = i + 1;
    if (!s || s === 'miss') return;
    const start = monthStart(q * 3 - 2);
    const end = q === 4 ? LAST : quarterEnd(q);
    const note = `警示教育：${r.pick(WARNINGS)}`;
    if (s === 'ok' && u.id === 'discipline') {
      // 纪检监察室每月开展警示教育
      for (let m = q * 3 - 2; m <= Math.min(q * 3, 11); m++) {
        add(dayIn(r, monthStart(m) + 7, Math.min(monthEnd(m), LAST)), 'T4.3', { note: `警示教育：${r.pick(WARNINGS)}` });
      }
    } else if (s === 'ok') add(dayIn(r, start + 14, end), 'T4.3', { note });
    else add(dayIn(r, end + 5, end + 20), 'T4.3', { note, period: `${YEAR}-Q${q}` });
  });

  // T5.2 品牌项目 / T5.3 一事一册
  add(md(u.brand[0]), 'T5.2', { qty: '1个', note: `确定品牌项目：${u.brand[1]}，报党委备案` });
  if (u.booklet) add(md(u.booklet), 'T5.3', { qty: '1册', note: `品牌项目纪实册编印完成：${u.brand[1]}` });

  // T5.5 一月一汇报（次月5日前，月度例会）
  for (let m = 1; m <= 10; m++) {
    if (u.reportMiss.includes(m)) continue;
    const n = u.reportLate.includes(m) ? dayIn(r, monthEnd(m) + 7, monthEnd(m) + 14) : reportMeeting(m);
    add(n, 'T5.5', {
      note: `${m}月党建清单完成情况及重点业务汇报`,
      ...withPeriod(n, periodMonth(m), (x) => monthOf(x) === m),
      by: CLERK,
    });
  }

  return { entries: out, themeDays };
}

function orgEntries(units) {
  const r = rng('org');
  const out = [];
  const add = (n, subject, item, f = {}) => {
    const e = entry(n, subject, item, f);
    out.push(e);
    return e;
  };

  // T5.1 年度党建工作计划
  add(doy(2, 26), 'org', 'T5.1', { note: '党委会审议通过《2026年党建工作要点》和“监督员+辅导员”责任清单' });

  // T1.4 党委理论学习中心组（每季度不少于2次）
  const center = [
    [doy(1, 20), '中心组学习：中央经济工作会议精神'],
    [doy(3, 17), '中心组学习：全国两会精神'],
    [doy(3, 31), '中心组学习：习近平总书记关于党的建设的重要思想'],
    [doy(4, 21), '中心组学习：“十五五”规划纲要'],
    [doy(5, 26), '中心组学习：习近平总书记关于金融工作的重要论述'],
    [doy(6, 23), '中心组学习：《中国共产党纪律处分条例》'],
    [doy(7, 21), '中心组学习：庆祝建党105周年重要讲话精神'],
    [doy(10, 13), '中心组学习：铸牢中华民族共同体意识（补学三季度第二次）', `${YEAR}-Q3`],
    [doy(10, 27), '中心组学习：意识形态工作专题'],
    [doy(11, 17), '中心组学习：党的二十届四中全会精神'],
  ];
  for (const [n, note, period] of center) add(n, 'org', 'T1.4', { qty: '1次', note, ...(period ? { period } : {}) });

  // T3.1 书记讲党课 / T3.2 受众面
  const lessons = [
    [doy(3, 27), '专题党课：以高质量党建引领高原基层央行高质量履职', 56],
    [doy(5, 29), '专题党课：加强作风建设，做忠诚干净担当的央行人', 50],
    [doy(6, 30), '“七一”专题党课：传承红色基因，践行初心使命', 57],
    [doy(9, 18), '专题党课：铸牢中华民族共同体意识，服务三江源高质量发展', 54],
  ];
  for (const [n, note, present] of lessons) {
    add(n, SECRETARY, 'T3.1', { qty: '1次', note });
    const e = add(n, SECRETARY, 'T3.2', { qty: `${present}/${ORG_MEMBERS}`, note: `${note.split('：')[0]}签到` });
    if (present === 50) {
      const fix = doy(6, 2);
      out.push({ n: fix, voids: e, reason: '签到人数统计有误，漏计补签党员5人', by: CLERK });
      add(fix, SECRETARY, 'T3.2', { qty: `55/${ORG_MEMBERS}`, note: '专题党课签到（更正5月29日登记）' });
    }
  }

  // T4.4 党委专题研究党风廉政建设（半年）
  add(doy(3, 10), 'org', 'T4.4', { note: '党委会专题研究部署2026年党风廉政建设和反腐败工作' });
  add(doy(8, 18), 'org', 'T4.4', { note: '党委会听取上半年党风廉政建设情况汇报，研究下半年工作' });

  // T4.6 书记廉政谈话（全年15人）
  add(doy(3, 3), SECRETARY, 'T4.6', { qty: '4人', note: '与班子成员逐一开展廉政谈话' });
  add(doy(4, 21), SECRETARY, 'T4.6', { qty: '4人', note: '与办公室、人事科、纪检监察室、货币信贷管理科负责人廉政谈话' });
  add(doy(9, 15), SECRETARY, 'T4.6', { qty: '4人', note: '与调查统计科、金融稳定科、支付结算科、国库科负责人廉政谈话' });
  add(doy(11, 17), SECRETARY, 'T4.6', { qty: '1人', note: '与货币金银科负责人廉政谈话' });

  // T5.6 一季一检查（季后10日内）
  add(doy(4, 9), 'org', 'T5.6', { note: '领导小组现场检查各科室一季度清单完成情况，填写完成进度登记簿', period: `${YEAR}-Q1` });
  add(doy(7, 8), 'org', 'T5.6', { note: '领导小组现场检查各科室二季度清单完成情况，填写完成进度登记簿', period: `${YEAR}-Q2` });
  add(doy(10, 16), 'org', 'T5.6', { note: '领导小组现场检查各科室三季度清单完成情况（国庆假期顺延）', period: `${YEAR}-Q3` });

  // committee members: T3.4 参与分管科室主题党日, T4.2 廉政谈话, T5.4 品牌项目督导
  for (const c of COMMITTEE) {
    const mine = units.filter((x) => x.unit.sup === c);
    // T3.4: 2 a quarter (李明华二季度只参加1次), Q4 so far 1–2
    for (let q = 1; q <= 4; q++) {
      const days = mine.flatMap((x) => x.themeDays).filter((t) => Math.ceil(t.m / 3) === q);
      let k = q === 4 ? r.int(1, 2) : c === 'liminghua' ? 2 : r.int(2, 3);
      if (c === 'liminghua' && q === 2) k = 1;
      const chosen = [];
      while (chosen.length < k && days.length) chosen.push(days.splice(r.int(0, days.length - 1), 1)[0]);
      for (const t of chosen.sort((a, b) => a.n - b.n)) {
        add(t.n, c, 'T3.4', { qty: '1次', note: `参加${t.unit.name}${t.m}月主题党日并指导`, ...(monthOf(t.n) === t.m ? {} : { period: `${YEAR}-Q${q}` }) });
      }
    }
    // T4.2: 上半年与每位分管科室负责人谈话（李明华7月初补谈），下半年部分完成
    for (const x of mine) {
      const u = x.unit;
      if (c === 'liminghua') add(dayIn(r, doy(7, 1), doy(7, 10)), c, 'T4.2', { note: `与${u.name}负责人开展上半年廉政谈话`, period: `${YEAR}-H1` });
      else add(dayIn(r, doy(5, 11), doy(6, 26)), c, 'T4.2', { note: `与${u.name}负责人开展上半年廉政谈话` });
    }
    for (const x of mine) {
      if (c === 'liminghua' || (c === 'zhaxinima' && x.unit.id === 'hr')) continue;
      add(dayIn(r, doy(10, 12), doy(11, 20)), c, 'T4.2', { note: `与${x.unit.name}负责人开展下半年廉政谈话` });
    }
    // T5.4: 品牌项目督导，上半年每个分管科室1次；下半年扎西尼玛尚未开展，李明华只督导2个
    for (const x of mine) {
      if (c === 'liminghua' && x.unit.id === 'currency') continue;
      add(dayIn(r, doy(5, 6), doy(6, 30)), c, 'T5.4', { note: `督导${x.unit.name}品牌项目：${x.unit.brand[1]}` });
    }
    if (c !== 'zhaxinima') {
      for (const x of mine.slice(0, c === 'liminghua' ? 2 : mine.length)) {
        add(dayIn(r, doy(9, 7), doy(11, 20)), c, 'T5.4', { note: `现场督导${x.unit.name}品牌项目进展` });
      }
    }
  }
  return out;
}

// ------------------------------------------------------------------ writing

const idRng = rng('ids');
const usedIds = new Set();
function newId() {
  const abc = 'abcdefghijklmnopqrstuvwxyz0123456789';
  for (;;) {
    let s = '';
    for (let i = 0; i < 6; i++) s += abc[Math.floor(idRng.next() * abc.length)];
    if (!usedIds.has(s)) {
      usedIds.add(s);
      return s;
    }
  }
}

function render(header, entries) {
  const sorted = entries.map((e, i) => ({ e, i })).sort((a, b) => a.e.n - b.e.n || a.i - b.i).map((x) => x.e);
  const lines = [...header, ''];
  for (const e of sorted) {
    e.id = newId();
    const date = dateOf(e.n);
    if (e.voids) {
      if (!e.voids.id || e.voids.n > e.n) throw new Error('void before its entry');
      lines.push(`${date} void ${e.voids.id} "${e.reason}" by:${e.by} id:${e.id}`);
      continue;
    }
    const parts = [date, e.subject, e.item];
    if (e.qty) parts.push(e.qty);
    if (e.note) parts.push(`"${e.note}"`);
    if (e.period) parts.push(`period:${e.period}`);
    parts.push(`by:${e.by}`, `id:${e.id}`);
    lines.push(parts.join(' '));
  }
  return lines.join('\n') + '\n';
}

mkdirSync(OUT, { recursive: true });
for (const f of readdirSync(OUT)) if (f.endsWith('.ledger')) unlinkSync(join(OUT, f));

const built = UNITS.map((u) => ({ unit: u, ...unitEntries(u) }));
const files = [];
for (const b of built) {
  files.push([
    `${b.unit.id}.ledger`,
    render(
      [
        `; 2026年 ${b.unit.name} 党建清单完成进度登记簿（完成一项，登记一项）`,
        '; 只追加、不修改：登记有误时追加 void 行作废原条目，再重新登记',
      ],
      b.entries,
    ),
  ]);
}
files.push([
  'org.ledger',
  render(
    [
      '; 2026年 全行党建清单完成进度登记簿：党委（org）、党委书记、党委委员的清单事项',
      '; 只追加、不修改：登记有误时追加 void 行作废原条目，再重新登记',
    ],
    orgEntries(built),
  ),
]);
let total = 0;
for (const [name, text] of files) {
  writeFileSync(join(OUT, name), text);
  total += text.split('\n').filter((l) => /^\d/.test(l)).length;
}
console.log(`wrote ${files.length} ledgers, ${total} entry lines, to ${OUT}`);
