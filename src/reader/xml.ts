/** The small XML parts (workbook, relationships, styles) read with saxes: no DOCTYPE, no entities. */
import { SaxesParser, type SaxesTagPlain } from "saxes";
import { ReaderError } from "./errors";

export const decoder = new TextDecoder("utf-8");

export function parse(xml: string, on: { open?: (tag: SaxesTagPlain) => void; close?: (tag: SaxesTagPlain) => void; text?: (t: string) => void }): void {
  const p = new SaxesParser({ position: false });
  p.on("doctype", () => {
    throw new ReaderError("doctype");
  });
  p.on("error", (e) => {
    throw e instanceof ReaderError ? e : new ReaderError("corrupt", e.message);
  });
  if (on.open) p.on("opentag", on.open as never);
  if (on.close) p.on("closetag", on.close as never);
  if (on.text) {
    p.on("text", on.text);
    p.on("cdata", on.text);
  }
  p.write(xml).close();
}

export function attr(tag: SaxesTagPlain, name: string): string | undefined {
  return tag.attributes[name] as string | undefined;
}

export function local(name: string): string {
  const i = name.indexOf(":");
  return i >= 0 ? name.slice(i + 1) : name;
}

/** "../worksheets/sheet1.xml" relative to "xl/" → "xl/worksheets/sheet1.xml". */
export function resolvePart(target: string): string {
  if (target.startsWith("/")) return target.slice(1);
  const parts = `xl/${target}`.split("/");
  const out: string[] = [];
  for (const p of parts) {
    if (p === "..") out.pop();
    else if (p && p !== ".") out.push(p);
  }
  return out.join("/");
}

