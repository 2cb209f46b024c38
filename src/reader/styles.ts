/** xl/styles.xml: each cell style's number format, bold and fill (the only styles the snapshot keeps). */
import { attr, local, parse } from "./xml";

const BUILTIN_FORMATS: Record<number, string> = {
  1: "0",
  2: "0.00",
  3: "#,##0",
  4: "#,##0.00",
  9: "0%",
  10: "0.00%",
  11: "0.00E+00",
  12: "# ?/?",
  13: "# ??/??",
  14: "mm-dd-yy",
  15: "d-mmm-yy",
  16: "d-mmm",
  17: "mmm-yy",
  18: "h:mm AM/PM",
  19: "h:mm:ss AM/PM",
  20: "h:mm",
  21: "h:mm:ss",
  22: "m/d/yy h:mm",
  37: "#,##0 ;(#,##0)",
  38: "#,##0 ;[Red](#,##0)",
  39: "#,##0.00;(#,##0.00)",
  40: "#,##0.00;[Red](#,##0.00)",
  45: "mm:ss",
  46: "[h]:mm:ss",
  47: "mmss.0",
  48: "##0.0E+0",
  49: "@",
};


export interface Styles {
  format: (string | null)[];
  bold: boolean[];
  fill: (string | null)[];
  /** True for a cell style that has a number format, bold or a fill (the only styles the snapshot keeps). */
  useful: boolean[];
}

export function readStyles(xml: string | undefined): Styles {
  const styles: Styles = { format: [], bold: [], fill: [], useful: [] };
  if (!xml) return styles;
  const custom = new Map<number, string>();
  const fontsBold: boolean[] = [];
  const fills: (string | null)[] = [];
  let section = "";
  let inFont = false;
  let inFill = false;
  parse(xml, {
    open(tag) {
      const n = local(tag.name);
      if (n === "numFmt") custom.set(Number(attr(tag, "numFmtId")), attr(tag, "formatCode") ?? "");
      else if (n === "fonts" || n === "fills" || n === "cellXfs" || n === "cellStyleXfs") section = n;
      else if (n === "font" && section === "fonts") {
        inFont = true;
        fontsBold.push(false);
      } else if (n === "b" && inFont) fontsBold[fontsBold.length - 1] = attr(tag, "val") !== "0" && attr(tag, "val") !== "false";
      else if (n === "fill" && section === "fills") {
        inFill = true;
        fills.push(null);
      } else if (n === "patternFill" && inFill && attr(tag, "patternType") === "none") fills[fills.length - 1] = null;
      else if (n === "fgColor" && inFill) {
        const rgb = attr(tag, "rgb");
        if (rgb && /^[0-9A-Fa-f]{8}$/.test(rgb)) fills[fills.length - 1] = `#${rgb.slice(2).toUpperCase()}`;
      } else if (n === "xf" && section === "cellXfs") {
        const id = Number(attr(tag, "numFmtId") ?? 0);
        styles.format.push(id === 0 ? null : (custom.get(id) ?? BUILTIN_FORMATS[id] ?? null));
        styles.bold.push(fontsBold[Number(attr(tag, "fontId") ?? 0)] ?? false);
        styles.fill.push(fills[Number(attr(tag, "fillId") ?? 0)] ?? null);
        const k = styles.format.length - 1;
        styles.useful.push(styles.format[k] !== null || styles.bold[k] || styles.fill[k] !== null);
      }
    },
    close(tag) {
      const n = local(tag.name);
      if (n === "font") inFont = false;
      else if (n === "fill") inFill = false;
      else if (n === section) section = "";
    },
  });
  return styles;
}


/** Whether two rows' style ids say the same over columns [from, from + width) (an id that says nothing counts as none). */
export function sameStyles(a: number[], b: number[], from: number, width: number, useful: boolean[]): boolean {
  for (let j = from; j < from + width; j++) {
    const x = a[j];
    const y = b[j];
    if (x !== y && ((x && useful[x]) || (y && useful[y]))) return false;
  }
  return true;
}
