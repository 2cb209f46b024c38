/** The byte tokenizer behind the reader: decodes text as an XML parser would, and refuses what it must. */
import { readXlsx, ReaderError } from "../../src/reader/xlsx";
import { SHEET, xlsx } from "../helpers/xlsx-parts";

function values(sheetXml: string, sharedXml?: string) {
  const parts: Record<string, string> = sharedXml ? { "xl/sharedStrings.xml": sharedXml } : {};
  return readXlsx(xlsx([sheetXml], parts)).sheets[0].values;
}

function code(sheetXml: string, sharedXml?: string): string {
  try {
    values(sheetXml, sharedXml);
    return "read";
  } catch (e) {
    return e instanceof ReaderError ? e.code : `crash: ${e}`;
  }
}

test("entities, character references, CDATA, comments, processing instructions and line ends", () => {
  const row = `<row r="1"><c r="A1" t="inlineStr"><is><t>a &lt;b&gt; &amp; &quot;c&quot; &apos;d&apos; &#273;&#x1EA1;t</t></is></c><!-- a comment with <c> inside --><c r="B1" t="str"><v><![CDATA[x < y & z]]></v></c><?pi data?><c r="C1" t="inlineStr"><is><t xml:space="preserve">dòng 1\r\ndòng 2\rdòng 3</t></is></c></row>`;
  expect(values(SHEET(row))).toEqual([["a <b> & \"c\" 'd' đạt", "x < y & z", "dòng 1\ndòng 2\ndòng 3"]]);
});

test("prefixed element names, single-quoted attributes, '>' inside an attribute, a byte-order mark", () => {
  const xml = `\ufeff<?xml version="1.0"?><x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:sheetData><x:row r='2' x14ac:dyDescent="0.25>"><x:c r='B2' s='0'><x:v>92.35</x:v></x:c><x:c r="C2"><x:v>-1.5E-3</x:v></x:c><x:c r="D2"><x:v>12345678901234567890</x:v></x:c></x:row></x:sheetData></x:worksheet>`;
  const s = readXlsx(xlsx([xml])).sheets[0];
  expect(s.origin).toEqual({ row: 2, col: 2 });
  expect(s.values).toEqual([[92.35, -0.0015, Number("12345678901234567890")]]);
});

test("numbers read straight from the bytes are exactly what Number() reads", () => {
  const samples = ["0", "7", "-0", "0.1", "0.2", "0.30000000000000004", "92.35", "1147.63", "3220000", "999999999999999", "1234567890.12345", "0.000001", "-88810000.5", "1e3", "00012", "12."];
  const row = `<row r="1">${samples.map((v, i) => `<c r="${String.fromCharCode(65 + i)}1"><v>${v}</v></c>`).join("")}</row>`;
  expect(values(SHEET(row))[0]).toEqual(samples.map((v) => Number(v)));
});

test("dates written as ISO text (t=\"d\") become serial numbers", () => {
  expect(values(SHEET(`<row r="1"><c r="A1" t="d"><v>2024-06-30T00:00:00Z</v></c><c r="B1" t="d"><v>2025-01-01T12:00:00</v></c></row>`))).toEqual([[45473, 45658.5]]);
});

test.each([
  ["an undeclared entity", SHEET(`<row r="1"><c t="inlineStr"><is><t>&nbsp;</t></is></c></row>`), "corrupt"],
  ["a bare ampersand", SHEET(`<row r="1"><c t="inlineStr"><is><t>a & b</t></is></c></row>`), "corrupt"],
  ["a character reference out of range", SHEET(`<row r="1"><c t="inlineStr"><is><t>&#x110000;</t></is></c></row>`), "corrupt"],
  ["an unterminated tag", `<worksheet><sheetData><row r="1"><c r="A1"`, "corrupt"],
  ["an unclosed element", `<worksheet><sheetData><row r="1">`, "corrupt"],
  ["an unquoted attribute", `<worksheet><sheetData><row r=1/></sheetData></worksheet>`, "corrupt"],
  ["an unterminated comment", `<worksheet><!-- <sheetData/>`, "corrupt"],
  ["a DOCTYPE", `<?xml version="1.0"?><!DOCTYPE worksheet><worksheet/>`, "doctype"],
  ["an ENTITY declaration outside a DOCTYPE", `<worksheet><!ENTITY a "b"></worksheet>`, "doctype"],
  ["a shared string index past the end", SHEET(`<row r="1"><c t="s"><v>3</v></c></row>`), "missingSharedStrings"],
])("%s is refused", (_what, xml, expected) => {
  const shared = `<sst><si><t>Đạt</t></si></sst>`;
  expect(code(xml, shared)).toBe(expected);
});

test("a DOCTYPE in the shared strings is refused before anything is expanded", () => {
  expect(code(SHEET(`<row r="1"><c t="s"><v>0</v></c></row>`), `<?xml version="1.0"?><!DOCTYPE sst [<!ENTITY a "aaaaaaaaaa">]><sst><si><t>&a;</t></si></sst>`)).toBe("doctype");
});

test("the common <c><v>…</v></c> cell taken at once reads as the token by token path does", () => {
  const shared = `<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>chữ</t></si></sst>`;
  // Taken at once: plain numbers, a shared string, text with an entity, an error, a boolean, a line end.
  const fast = `<row r="1"><c r="A1"><v>12.5</v></c><c r="B1" t="s"><v>0</v></c><c r="C1" t="str"><v>a &amp; b</v></c><c r="D1" t="e"><v>#DIV/0!</v></c><c r="E1" t="b"><v>1</v></c><c r="F1" t="str"><v>x\r\ny</v></c><c r="G1"><v>1E-3</v></c></row>`;
  // The same cells in forms the fast path leaves to the tokens: spaces, a CDATA run, an empty <v>, a self-closing cell.
  const slow = `<row r="1"><c r="A1"> <v>12.5</v></c><c r="B1" t="s"><v>0</v> </c><c r="C1" t="str"><v><![CDATA[a & b]]></v></c><c r="D1" t="e"><v>#DIV/0!</v></c ><c r="E1" t="b"><v >1</v></c><c r="F1" t="str"><v>x\r\ny</v></c><c r="G1"><v>1E-3</v></c><c r="H1"><v></v></c><c r="I1"/></row>`;
  const expected = [[12.5, "chữ", "a & b", { error: "#DIV/0!" }, true, "x\ny", 0.001]];
  expect(values(SHEET(fast), shared)).toEqual(expected);
  expect(values(SHEET(slow), shared)).toEqual(expected);
  // A cell cut short after its value is still damaged XML.
  expect(code(SHEET(`<row r="1"><c r="A1"><v>1</v></row>`))).toBe("corrupt");
});

test("cells read without tokens (plainCell) and cells left to the tokens give the same sheet", () => {
  const shared = `<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>chữ</t></si></sst>`;
  const cells = (style: (ref: string, attrs: string, body: string) => string) =>
    `<row r="2">${style("A2", ` s="0"`, "<v>7</v>")}${style("B2", ` t="s"`, "<v>0</v>")}${style("C2", ` t="str" x:foo="a>b"`, "<v>a &amp; b</v>")}${style("D2", ` t="b"`, "<v>0</v>")}</row><row r="3">${style("B3", "", "<v>-1.5</v>")}${style("", "", "<v>9</v>")}</row>`;
  // Plain: one space, double quotes. Tokens: single quotes, two spaces, a tab before the name.
  const plain = cells((ref, attrs, body) => `<c${ref ? ` r="${ref}"` : ""}${attrs}>${body}</c>`);
  const quoted = cells((ref, attrs, body) => `<c${ref ? `  r='${ref}'` : ""}${attrs.replace(/"/g, "'")}\t>${body}</c>`);
  const expected = [
    [7, "chữ", "a & b", false],
    [null, -1.5, 9, null],
  ];
  expect(values(SHEET(plain), shared)).toEqual(expected);
  expect(values(SHEET(quoted), shared)).toEqual(expected);
  // A run of plain cells then one with a formula, then plain again; self-closing styled cells hold no value.
  const mixed = `<row r="1"><c r="A1"><v>1</v></c><c r="B1"><f>A1*2</f><v>2</v></c><c r="C1"><v>3</v></c><c r="D1" s="1"/><c r="E1"><v>5</v></c></row>`;
  expect(values(SHEET(mixed))).toEqual([[1, 2, 3, null, 5]]);
  // An attribute left open is still damaged XML.
  expect(code(SHEET(`<row r="1"><c r="A1><v>1</v></c></row>`))).toBe("corrupt");
});
