/**
 * JSON.stringify(value, null, indent) written out in pieces: the same characters, without ever
 * holding the whole text (a 100k-row report is some 30 MB of JSON, 60 MB as a JavaScript string).
 * Arrays and objects of arrays and objects are walked here; each flat one (an item, a finding) is
 * stringified whole and indented to its depth (JSON text never holds a raw line break, so the indentation is a
 * plain replace). test/cli/json-out.test.ts compares it with JSON.stringify on random values.
 */

/**
 * An array or object that holds arrays or objects is walked member by member; one of plain values
 * only (an item, a finding) is stringified whole, as is anything with a toJSON method.
 */
function walked(v: unknown): v is object {
  if (v === null || typeof v !== "object" || typeof (v as { toJSON?: unknown }).toJSON === "function") return false;
  if (Array.isArray(v)) {
    for (let i = 0; i < v.length; i++) if (v[i] !== null && typeof v[i] === "object") return true;
    return false;
  }
  // for…in, not Object.values: no array made per item (an inherited member only makes it walked).
  for (const k in v) {
    const m = (v as Record<string, unknown>)[k];
    if (m !== null && typeof m === "object") return true;
  }
  return false;
}

/** Flat members written together: one JSON.stringify per this many array elements. */
const BATCH = 512;

export function writeJson(value: unknown, indent: number, write: (chunk: string) => void): void {
  for (const chunk of jsonChunks(value, indent)) write(chunk);
}

/**
 * The same text as writeJson, as pieces of about 64 KB handed out one at a time: the caller
 * writes each, and waits for a slow reader (a pipe) before asking for the next one.
 */
export function* jsonChunks(value: unknown, indent: number): Generator<string, void, undefined> {
  if (!(indent >= 1)) {
    // No indentation: JSON.stringify's compact form, in one piece.
    const s = JSON.stringify(value);
    if (s === undefined) throw new TypeError("writeJson: nothing to write");
    yield s;
    return;
  }
  let buffer = "";
  const out = (s: string) => {
    buffer += s;
  };
  /** The text so far, once there is enough of it. */
  function* full(): Generator<string, void, undefined> {
    if (buffer.length >= 1 << 16) {
      const chunk = buffer;
      buffer = "";
      yield chunk;
    }
  }
  const step = " ".repeat(indent);
  /** Length of the lines that open `levels` wrapping arrays: "[\n" + step, "[\n" + step × 2, … */
  const opening = (levels: number) => {
    let n = 0;
    for (let j = 0; j < levels; j++) n += 2 + indent * (j + 1);
    return n;
  };
  /** Length of the lines that close the run's array and its `levels` wrappers: "\n" + step × j + "]". */
  const closing = (levels: number) => {
    let n = 0;
    for (let j = 0; j <= levels; j++) n += 2 + indent * j;
    return n;
  };
  /** Writes `v` (at nesting `depth`); false when JSON.stringify would leave it out (undefined, a function). */
  function* put(v: unknown, depth: number): Generator<string, boolean, undefined> {
    if (!walked(v)) {
      const s = JSON.stringify(v, null, indent);
      if (s === undefined) return false;
      out(depth ? s.replace(/\n/g, `\n${step.repeat(depth)}`) : s);
      return true;
    }
    const inner = `\n${step.repeat(depth + 1)}`;
    if (Array.isArray(v)) {
      out("[");
      for (let i = 0; i < v.length; ) {
        if (walked(v[i])) {
          out(i ? `,${inner}` : inner);
          yield* put(v[i], depth + 1);
          i++;
          continue;
        }
        // A run of flat elements: stringified together inside `depth` arrays, so that
        // JSON.stringify itself indents them to depth + 1; the wrapping lines are cut off.
        let j = i + 1;
        while (j < v.length && j - i < BATCH && !walked(v[j])) j++;
        let wrapped: unknown = v.slice(i, j);
        for (let k = 0; k < depth; k++) wrapped = [wrapped];
        const text = JSON.stringify(wrapped, null, indent);
        out(i ? "," : "");
        out(text.slice(opening(depth) + 1, text.length - closing(depth)));
        yield* full();
        i = j;
      }
      out(`\n${step.repeat(depth)}]`);
      return true;
    }
    let first = true;
    out("{");
    for (const k of Object.keys(v)) {
      const member = (v as Record<string, unknown>)[k];
      // What JSON.stringify leaves out of an object (undefined, functions, symbols) is known before the key is written.
      const text = walked(member) ? null : JSON.stringify(member, null, indent);
      if (text === undefined) continue;
      out(`${first ? "" : ","}${inner}${JSON.stringify(k)}: `);
      first = false;
      if (text === null) yield* put(member, depth + 1);
      else out(text.replace(/\n/g, `\n${step.repeat(depth + 1)}`));
      yield* full();
    }
    out(first ? "}" : `\n${step.repeat(depth)}}`);
    return true;
  }
  if (!(yield* put(value, 0))) throw new TypeError("writeJson: nothing to write");
  if (buffer) yield buffer;
}
