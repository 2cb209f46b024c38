/** The add-in only manifest, offline: ids, URLs, icons, documented string limits, command names. */
import * as fs from "fs";
import * as path from "path";
import { SaxesParser } from "saxes";

const ROOT = path.join(__dirname, "..", "..");
const XML = fs.readFileSync(path.join(ROOT, "manifest.xml"), "utf8");

interface Node {
  name: string;
  attrs: Record<string, string>;
  text: string;
  children: Node[];
  parent?: Node;
}

function parse(xml: string): Node {
  const root: Node = { name: "#root", attrs: {}, text: "", children: [] };
  let at = root;
  const p = new SaxesParser({ xmlns: false });
  p.on("opentag", (t) => {
    const n: Node = { name: t.name, attrs: t.attributes as Record<string, string>, text: "", children: [], parent: at };
    at.children.push(n);
    at = n;
  });
  p.on("text", (t) => (at.text += t));
  p.on("closetag", () => (at = at.parent!));
  p.write(xml).close();
  return root;
}

function all(n: Node, name: string, out: Node[] = []): Node[] {
  for (const c of n.children) {
    if (c.name === name) out.push(c);
    all(c, name, out);
  }
  return out;
}

const doc = parse(XML);
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[1-5][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i;

function pngSize(file: string): { width: number; height: number } {
  const b = fs.readFileSync(file);
  expect(b.subarray(0, 8).equals(Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]))).toBe(true);
  expect(b.toString("ascii", 12, 16)).toBe("IHDR");
  return { width: b.readUInt32BE(16), height: b.readUInt32BE(20) };
}

test("the id is a GUID and the requirement set is ExcelApi 1.7 or later", () => {
  const id = all(doc, "Id")[0].text.trim();
  expect(id).toMatch(GUID);
  const set = all(doc, "Set").find((s) => s.attrs.Name === "ExcelApi")!;
  expect(Number(set.attrs.MinVersion.split(".")[1])).toBeGreaterThanOrEqual(7);
  expect(all(doc, "Host").map((h) => h.attrs.Name ?? h.attrs["xsi:type"])).toContain("Workbook");
});

test("every URL is https on one origin, listed in AppDomains", () => {
  const urls = [...XML.matchAll(/(?:DefaultValue|Value)="(https?:[^"]+)"/g)].map((m) => m[1]);
  expect(urls.length).toBeGreaterThan(5);
  const origins = new Set(urls.map((u) => new URL(u).origin));
  expect([...origins]).toEqual(["https://localhost:3000"]);
  expect(all(doc, "AppDomain").map((d) => d.text.trim())).toEqual(["https://localhost:3000"]);
});

test("every icon exists at its declared size", () => {
  const images = [...all(doc, "bt:Image"), ...all(doc, "IconUrl"), ...all(doc, "HighResolutionIconUrl")];
  const declared = new Map<string, number>();
  for (const img of all(doc, "bt:Image")) {
    const m = /(\d+)x(\d+)$/.exec(img.attrs.id ?? "");
    if (m) declared.set(img.attrs.id, Number(m[1]));
  }
  let checked = 0;
  for (const img of images) {
    const url = img.attrs.DefaultValue;
    if (!url) continue;
    const file = path.join(ROOT, new URL(url).pathname);
    expect(fs.existsSync(file)).toBe(true);
    const size = pngSize(file);
    const want = declared.get(img.attrs.id) ?? (img.name === "IconUrl" ? 32 : img.name === "HighResolutionIconUrl" ? 64 : Number(/icon-(\d+)/.exec(url)![1]));
    expect([url, size]).toEqual([url, { width: want, height: want }]);
    checked++;
  }
  expect(checked).toBeGreaterThanOrEqual(5);
  // The sizes asked for, present in assets.
  for (const s of [16, 32, 64, 80, 128]) expect(pngSize(path.join(ROOT, "assets", `icon-${s}.png`))).toEqual({ width: s, height: s });
});

test("string lengths within the documented limits (DisplayName, ShortStrings ≤ 125; Description, LongStrings ≤ 250)", () => {
  const values = (n: Node) => [n.attrs.DefaultValue, ...n.children.map((c) => c.attrs.Value).filter(Boolean)];
  for (const n of all(doc, "DisplayName")) for (const v of values(n)) expect(v.length).toBeLessThanOrEqual(125);
  for (const n of all(doc, "Description").filter((d) => d.attrs.DefaultValue)) for (const v of values(n)) expect(v.length).toBeLessThanOrEqual(250);
  const short = all(doc, "bt:ShortStrings")[0];
  const long = all(doc, "bt:LongStrings")[0];
  for (const s of all(short, "bt:String")) for (const v of values(s)) expect([s.attrs.id, v.length <= 125 && v.length >= 1]).toEqual([s.attrs.id, true]);
  for (const s of all(long, "bt:String")) for (const v of values(s)) expect([s.attrs.id, v.length <= 250 && v.length >= 1]).toEqual([s.attrs.id, true]);
  // Every resid points at a declared resource.
  const ids = new Set([...all(doc, "bt:String"), ...all(doc, "bt:Url"), ...all(doc, "bt:Image")].map((n) => n.attrs.id));
  for (const m of XML.matchAll(/resid="([^"]+)"/g)) expect([m[1], ids.has(m[1])]).toEqual([m[1], true]);
});

test("the ribbon: Kiểm tra opens the pane, Tính lại and Xóa đánh dấu run functions that exist in src/commands", () => {
  const strings = new Map(all(doc, "bt:String").map((s) => [s.attrs.id, s.attrs.DefaultValue]));
  const controls = all(doc, "Control").map((c) => ({
    label: strings.get(all(c, "Label")[0].attrs.resid),
    action: all(c, "Action")[0].attrs["xsi:type"],
    fn: all(c, "FunctionName")[0]?.text.trim(),
  }));
  expect(controls.map((c) => [c.label, c.action])).toEqual([
    ["Kiểm tra", "ShowTaskpane"],
    ["Tính lại", "ExecuteFunction"],
    ["Xóa đánh dấu", "ExecuteFunction"],
  ]);
  expect(all(doc, "OfficeTab")[0].attrs.id).toBe("TabHome");
  const source = fs.readFileSync(path.join(ROOT, "src", "commands", "commands.ts"), "utf8");
  for (const c of controls.filter((x) => x.fn)) {
    expect(source).toContain(`Office.actions.associate("${c.fn}", ${c.fn})`);
    expect(source).toMatch(new RegExp(`async function ${c.fn}\\(`));
  }
  const functionFile = strings.get(all(doc, "FunctionFile")[0].attrs.resid) ?? all(doc, "bt:Url").find((u) => u.attrs.id === all(doc, "FunctionFile")[0].attrs.resid)!.attrs.DefaultValue;
  expect(functionFile).toMatch(/commands\.html$/);
});
