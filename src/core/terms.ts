/**
 * The model's words and the few rules about an item the engine needs at run time, without zod:
 * model.ts builds its schemas from these, and everything that evaluates, checks or records takes
 * them from here, so that a command whose templates come from the cache never loads zod. The
 * rules take the fields they read, not model.ts's Item, so that nothing here leads back there.
 */
export const ROLES = ['secretary', 'committee', 'chief', 'clerk', 'member'] as const;
export const LEVELS = ['principal', 'first', 'supervisory', 'direct'] as const;
export const CADENCES = ['once', 'monthly', 'quarterly', 'half-yearly', 'yearly'] as const;
export const RULES = ['proportional', 'all-or-nothing', 'deduct'] as const;
export const GRADES = ['好', '较好', '一般', '差'] as const;

/** Who may be named as an inspector when the settings do not say: the leading group. */
export const DEFAULT_INSPECTOR_ROLES: readonly (typeof ROLES)[number][] = ['secretary', 'committee'];

/** Points an item gives in the maximum: its weight; penalty and bonus items give none. */
export const weightOf = (item: { weight?: number }): number => item.weight ?? 0;

/** Whether the item is due in a year (`years:` lists them, or says every n years from one). */
export function dueInYear(item: { years?: number[] | { from: number; every: number } }, year: number): boolean {
  const y = item.years;
  if (y === undefined) return true;
  if (Array.isArray(y)) return y.includes(year);
  return (((year - y.from) % y.every) + y.every) % y.every === 0;
}
