/**
 * A function of one string key that remembers its answers, up to `limit` of them (then it starts
 * afresh): for pure functions asked the same few questions thousands of times.
 */
export function remember<T>(limit: number, compute: (key: string) => T): (key: string) => T {
  const answers = new Map<string, T>();
  return (key) => {
    let v = answers.get(key);
    if (v === undefined) {
      if (answers.size >= limit) answers.clear();
      v = compute(key);
      answers.set(key, v);
    }
    return v;
  };
}
