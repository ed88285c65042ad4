/**
 * Units of measure a quantity may carry. The canonical name is what templates declare
 * (`measure: 学时`); aliases are what a clerk may type after the number in a ledger (`3.5h`).
 */
export interface Measure {
  name: string;
  en: string;
  aliases: readonly string[];
  /** Whether only whole numbers make sense (half an article does not exist). */
  integer: boolean;
}

export const MEASURES: readonly Measure[] = [
  { name: '学时', en: 'hours', aliases: ['学时', 'h', '小时'], integer: false },
  { name: '篇', en: 'pieces', aliases: ['篇'], integer: true },
  { name: '次', en: 'times', aliases: ['次'], integer: true },
  { name: '人次', en: 'person-times', aliases: ['人次'], integer: true },
  { name: '人', en: 'persons', aliases: ['人'], integer: true },
  { name: '个', en: 'items', aliases: ['个', '项'], integer: true },
  { name: '册', en: 'booklets', aliases: ['册'], integer: true },
];

export const MEASURE_NAMES = MEASURES.map((m) => m.name) as [string, ...string[]];

const byAlias = new Map<string, Measure>();
for (const m of MEASURES) for (const a of m.aliases) byAlias.set(a, m);

export function measureOf(suffix: string): Measure | undefined {
  return byAlias.get(suffix);
}

export function measureNamed(name: string): Measure | undefined {
  return MEASURES.find((m) => m.name === name);
}
