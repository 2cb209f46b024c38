/** xl/sharedStrings.xml: the text of every shared string, phonetic runs left out. */
import { Tok, XmlScanner } from "./scan";

export function readSharedStrings(bytes: Uint8Array | undefined): string[] | null {
  if (!bytes) return null;
  const out: string[] = [];
  const sc = new XmlScanner(bytes);
  let current: string | null = null;
  let inT = false;
  let skip = 0;
  for (let tok = sc.next(); tok !== Tok.End; tok = sc.next()) {
    if (tok === Tok.Text) {
      if (inT && current !== null && !skip) current += sc.text();
    } else if (tok === Tok.Open) {
      if (sc.is("si")) current = "";
      else if (sc.is("t")) inT = true;
      else if (sc.is("rPh") || sc.is("phoneticPr")) skip++;
    } else if (sc.is("si")) {
      out.push(current ?? "");
      current = null;
    } else if (sc.is("t")) inT = false;
    else if (sc.is("rPh") || sc.is("phoneticPr")) skip--;
  }
  return out;
}

