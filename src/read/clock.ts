/** The one place that reads the clock: today's calendar date in the machine's own time zone. */
export function today(): string {
  const d = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** This instant, ISO 8601 in UTC to the second (when a member was fetched): from `now` (Io's clock) when given. */
export function instant(now?: () => number): string {
  return new Date(now ? now() : Date.now()).toISOString().replace(/\.\d{3}Z$/, 'Z');
}
