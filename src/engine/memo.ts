/**
 * A function's results remembered by argument, for the texts that repeat down a sheet (number
 * formats, units, verdict words): each distinct one is worked out once. The memory is bounded:
 * past `limit` distinct arguments, new ones are computed and not kept.
 */
export function memoise<K, V>(compute: (key: K) => V, limit = 10_000): (key: K) => V {
  const seen = new Map<K, V>();
  return (key) => {
    const known = seen.get(key);
    if (known !== undefined || seen.has(key)) return known as V;
    const v = compute(key);
    if (seen.size < limit) seen.set(key, v);
    return v;
  };
}
