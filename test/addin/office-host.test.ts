/** The Office.js adapter against the shared fake object model: syncs counted, undo exact, nothing half-written. */
import { analyseSheet, planRecalc, planHighlights, analyseWorkbook, recogniseSheet } from "../../src/engine";
import { HIGHLIGHT_FILL } from "../../src/engine/plan";
import { OfficeHost, SETTINGS, TEMPLATE_OPS, decodeUndo } from "../../src/office";
import { HostError } from "../../src/host/host";
import { fixture } from "../helpers/grid";
import { fakeData, installFake, type FakeSheet } from "./fake";
import { buildTemplate } from "../../src/engine/template";
import { planNormalise } from "../../src/engine/normalise";
import { carryOverIndicators } from "../../src/engine/carryover";
import { readXlsx } from "../../src/reader/xlsx";
import { readFileSync } from "node:fs";
import * as path from "node:path";
import { FIXTURES } from "../helpers/grid";

/** The fixture's table sheet, read synchronously (the template carries its indicator list over). */
function fakeFixtureSheet() {
  return readXlsx(readFileSync(path.join(FIXTURES, "f2-binh-trung-table.xlsx"))).sheets[0];
}

const SHEET = "Chỉ tiêu 6 tháng";

async function setup(extra: { protected?: boolean; apis?: Record<string, string> } = {}) {
  const wb = await fixture("f2-binh-trung-table.xlsx");
  const data = fakeData(wb);
  if (extra.protected) data.sheets[0].protected = true;
  const fake = installFake({ ...data, apis: extra.apis ?? { ExcelApi: "1.13" } });
  return { wb, fake, host: new OfficeHost() };
}

describe("reading", () => {
  test("one sheet in at most 2 syncs, the same snapshot the file adapter reads, the same findings", async () => {
    const { wb, fake, host } = await setup();
    const before = fake.state.syncs;
    const snap = await host.readSheet(SHEET);
    expect(fake.state.syncs - before).toBeLessThanOrEqual(2);
    expect(snap.origin).toEqual(wb.sheets[0].origin);
    expect(snap.values).toEqual(wb.sheets[0].values);
    expect(snap.merges).toEqual(expect.arrayContaining(wb.sheets[0].merges));
    expect(snap.merges).toHaveLength(wb.sheets[0].merges.length);
    expect(analyseSheet(snap).findings).toEqual(analyseSheet(wb.sheets[0]).findings);
  });

  test("a large sheet is read in row chunks: 2 syncs where Excel has no payload limit, chunks under 5 MB on the web", async () => {
    const cells: FakeSheet["cells"] = {};
    cells.A1 = { v: "STT" };
    cells.B1 = { v: "Chỉ tiêu" };
    cells.C1 = { v: "Kế hoạch" };
    cells.D1 = { v: "Thực hiện" };
    cells.E1 = { v: "Tỷ lệ (%)" };
    cells.F1 = { v: "Đánh giá" };
    for (let r = 2; r <= 30001; r++) {
      cells[`A${r}`] = { v: r - 1 };
      cells[`B${r}`] = { v: `Chỉ tiêu ${r - 1}` };
      cells[`C${r}`] = { v: 100 };
      cells[`D${r}`] = { v: 90 };
      cells[`E${r}`] = { v: 90 };
      cells[`F${r}`] = { v: "Chưa đạt" };
    }
    // Excel desktop: no payload limit (the fake's limit set out of reach).
    const fake = installFake({ sheets: [{ name: "Lớn", cells, merges: [] }], payloadBytes: 1e9 });
    const progress: number[] = [];
    const snap = await new OfficeHost().readSheet("Lớn", (p) => progress.push(p));
    expect(fake.state.syncs).toBe(2);
    expect(snap.values).toHaveLength(30001);
    expect(progress.length).toBeGreaterThan(1);
    expect(progress[progress.length - 1]).toBe(1);
    // Excel on the web: the one big response is refused, then every chunk fits under 5 MB.
    const web = installFake({ sheets: [{ name: "Lớn", cells, merges: [] }] });
    const again = await new OfficeHost().readSheet("Lớn");
    expect(again.values).toEqual(snap.values);
    expect(web.state.syncs).toBeGreaterThan(2);
    expect(web.state.maxResponse).toBeLessThanOrEqual(5 * 1024 * 1024);
  });

  test("a sheet over the web payload limit is read chunk by chunk, each round trip under the limit", async () => {
    const wb = await fixture("f2-binh-trung-table.xlsx");
    const data = fakeData(wb);
    const cells = data.sheets[0].cells;
    const rows = 30000;
    for (let r = 40; r < 40 + rows; r++) cells[`B${r}`] = { v: `Dòng ${r}` };
    const fake = installFake({ ...data, apis: { ExcelApi: "1.13" }, payloadBytes: 3_000_000 });
    const snap = await new OfficeHost().readSheet(SHEET);
    expect(snap.values.length).toBe(40 + rows - 1 - snap.origin.row + 1);
    expect(fake.state.syncs).toBeGreaterThan(2);
    const small = installFake({ ...fakeData(wb), apis: { ExcelApi: "1.13" }, payloadBytes: 3_000_000 });
    const again = await new OfficeHost().readSheet(SHEET);
    expect(small.state.syncs).toBe(2);
    expect(analyseSheet(again).findings).toEqual(analyseSheet(wb.sheets[0]).findings);
    expect(analyseSheet(snap).findings.filter((f) => f.kind !== "numbering-gap").length).toBeGreaterThan(0);
  });

  test("without ExcelApi 1.13 the merges are not asked for", async () => {
    const { host } = await setup({ apis: { ExcelApi: "1.7" } });
    const snap = await host.readSheet(SHEET);
    expect(snap.merges).toEqual([]);
  });
});

describe("recalculation and undo", () => {
  test("writes the plan in at most 3 syncs and undo restores every cell exactly, even after reopening", async () => {
    const { fake, host } = await setup();
    const snap = await host.readSheet(SHEET);
    const writes = planRecalc({ sheets: [snap] });
    const original = JSON.parse(JSON.stringify(fake.state.sheets[0].cells));
    const before = fake.state.syncs;
    await host.applyWrites(writes);
    expect(fake.state.syncs - before).toBeLessThanOrEqual(3);
    expect(fake.cell(SHEET, "G10")!.f).toBe('=IF(AND(ISNUMBER(D10),ISNUMBER(F10),D10<>0),F10/D10*100,"")');
    expect(fake.cell(SHEET, "I12")!.v).toBe("Chưa đạt");
    expect(decodeUndo(fake.state.settings[SETTINGS.undo])).toHaveLength(writes.length);

    // Reopen: a fresh object model over the saved sheets and settings.
    const reopened = installFake({ sheets: JSON.parse(JSON.stringify(fake.state.sheets)), settings: { ...fake.state.settings }, apis: { ExcelApi: "1.13" } });
    const again = new OfficeHost();
    expect(await again.canUndo()).toBe(true);
    expect(await again.undo()).toBe(writes.length);
    for (const [address, cell] of Object.entries(original) as [string, { v?: unknown; f?: string; nf?: string }][]) {
      const now = reopened.cell(SHEET, address)!;
      expect([address, now.f ?? null, now.v ?? null]).toEqual([address, cell.f ?? null, cell.v ?? null]);
    }
    expect(reopened.state.settings[SETTINGS.undo]).toBeUndefined();
    await expect(again.undo()).rejects.toMatchObject({ code: "nothingToUndo" });
  });

  test("Chuẩn hoá through Office.js: text numbers become numbers, stray spaces go, undo gives the exact text back", async () => {
    const { fake, host } = await setup();
    const cells = fake.state.sheets[0].cells;
    cells.D8 = { v: "12.000.000" };
    cells.F11 = { v: "4,5" };
    cells.B12 = { v: "  Tỷ lệ thửa đất   được đăng ký đất đai lần đầu " };
    const writes = planNormalise(recogniseSheet(await host.readSheet(SHEET)));
    expect(writes.map((w) => w.cell).sort()).toEqual(["B12", "D8", "F11"]);
    expect(writes.every((w) => w.role === "normalise" && w.reason && w.reasonEn)).toBe(true);
    await host.applyWrites(writes);
    expect(fake.cell(SHEET, "D8")!.v).toBe(12000000);
    expect(fake.cell(SHEET, "F11")!.v).toBe(4.5);
    expect(fake.cell(SHEET, "B12")!.v).toBe("Tỷ lệ thửa đất được đăng ký đất đai lần đầu");
    expect(analyseSheet(await host.readSheet(SHEET)).findings.filter((f) => f.kind === "number-as-text")).toEqual([]);
    await host.undo();
    expect(fake.cell(SHEET, "D8")!.v).toBe("12.000.000");
    expect(fake.cell(SHEET, "F11")!.v).toBe("4,5");
    expect(fake.cell(SHEET, "B12")!.v).toBe("  Tỷ lệ thửa đất   được đăng ký đất đai lần đầu ");
  });

  test("undo gives back text that looks like a number as text, not as a number", async () => {
    const { fake, host } = await setup();
    fake.state.sheets[0].cells.G10 = { v: "96,9" };
    fake.state.sheets[0].cells.I12 = { v: "TRUE" };
    const writes = planRecalc({ sheets: [await host.readSheet(SHEET)] });
    expect(writes.map((w) => w.cell)).toEqual(expect.arrayContaining(["G10", "I12"]));
    await host.applyWrites(writes);
    expect(fake.cell(SHEET, "G10")!.f).toMatch(/^=/);
    await host.undo();
    expect(fake.cell(SHEET, "G10")).toMatchObject({ v: "96,9" });
    expect(fake.cell(SHEET, "G10")!.f).toBeUndefined();
    expect(fake.cell(SHEET, "I12")).toMatchObject({ v: "TRUE" });
  });

  test("the write is one undo group where Excel has mergeUndoGroup (ExcelApi 1.20), plain elsewhere", async () => {
    for (const [api, merged] of [["1.20", true], ["1.13", false]] as const) {
      const { fake, host } = await setup({ apis: { ExcelApi: api } });
      const writes = planRecalc({ sheets: [await host.readSheet(SHEET)] });
      const state = fake.state as unknown as { runOptions: unknown[] };
      state.runOptions.length = 0;
      await host.applyWrites(writes);
      // The read before the write runs plain (null); the write is grouped where Excel can.
      expect(state.runOptions).toEqual([null, merged ? { mergeUndoGroup: true } : {}]);
    }
  });

  test("a protected sheet: a clear error and nothing written", async () => {
    const { fake, host } = await setup({ protected: true });
    const snap = await host.readSheet(SHEET);
    const cells = JSON.stringify(fake.state.sheets[0].cells);
    await expect(host.applyWrites(planRecalc({ sheets: [snap] }))).rejects.toEqual(new HostError("protected"));
    expect(JSON.stringify(fake.state.sheets[0].cells)).toBe(cells);
    expect(fake.state.settings[SETTINGS.undo]).toBeUndefined();
  });

  test("a cell in edit mode and a read-only workbook: clear errors, nothing written", async () => {
    const { fake, host } = await setup();
    const snap = await host.readSheet(SHEET);
    const cells = JSON.stringify(fake.state.sheets[0].cells);
    fake.state.editMode = true;
    await expect(host.applyWrites(planRecalc({ sheets: [snap] }))).rejects.toMatchObject({ code: "editMode" });
    fake.state.editMode = false;
    fake.state.readOnly = true;
    await expect(host.applyWrites(planRecalc({ sheets: [snap] }))).rejects.toMatchObject({ code: "readOnly" });
    expect(JSON.stringify(fake.state.sheets[0].cells)).toBe(cells);
  });
});

describe("highlights", () => {
  test("paint per severity, keep the original fills, and remove only ours", async () => {
    const { fake, host } = await setup();
    fake.state.sheets[0].cells.G10.fill = "#00B050";
    const snap = await host.readSheet(SHEET);
    const report = analyseWorkbook({ sheets: [snap] });
    const n = await host.applyHighlights(planHighlights(report), "vi");
    expect(n).toBe(7);
    expect(fake.cell(SHEET, "G10")!.fill).toBe(HIGHLIGHT_FILL.error);
    expect(fake.cell(SHEET, "I24")!.fill).toBe(HIGHLIGHT_FILL.warning);
    // Checking again does not lose the original colour.
    await host.applyHighlights(planHighlights(report), "vi");
    expect(await host.clearHighlights()).toBe(7);
    expect(fake.cell(SHEET, "G10")!.fill).toBe("#00B050");
    expect(fake.cell(SHEET, "I24")!.fill ?? null).toBeNull();
    expect(await host.clearHighlights()).toBe(0);
  });

  test("selecting a finding's cell activates its sheet", async () => {
    const { fake, host } = await setup();
    await host.selectCell(SHEET, "G10");
    expect((fake.state as unknown as { selection: { sheet: string } }).selection.sheet).toBe(SHEET);
  });
});

describe("Tạo biểu mẫu: the template as a new sheet", () => {
  const model = buildTemplate({ groups: carryOverIndicators(recogniseSheet(fakeFixtureSheet()))?.groups });

  test("bounded batches write the whole template; the new sheet is active, recognised and checks clean", async () => {
    const { fake, host } = await setup();
    fake.state.opsPerSync.length = 0;
    const name = await host.addTemplateSheet(model);
    expect(name).toBe("Biểu chỉ tiêu");
    // No sync carries more than a bounded number of operations (the model has hundreds of cells).
    expect(fake.state.opsPerSync.length).toBeGreaterThan(2);
    expect(Math.max(...fake.state.opsPerSync)).toBeLessThanOrEqual(TEMPLATE_OPS + 40);
    const sheet = fake.state.sheets.find((s) => s.name === name)! as unknown as FakeSheet & Record<string, unknown>;
    expect((fake.state as unknown as { active: string }).active).toBe(name);
    // Every value and formula of the model, at its cell.
    for (const c of model.cells) {
      const cell = fake.cell(name, c.cell);
      if (c.formula) expect([c.cell, cell?.f]).toEqual([c.cell, c.formula]);
      else if (c.value !== undefined && c.value !== "") expect([c.cell, cell?.v]).toEqual([c.cell, c.value]);
    }
    expect(sheet.merges).toEqual(model.merges);
    expect(sheet.frozenRows).toBe(model.headerRow + 1);
    expect(sheet.conditionalFormats).toEqual([
      expect.objectContaining({ range: model.verdictRange, formula: `=${model.verdictRange.split(":")[0]}="Chưa đạt"`, fill: HIGHLIGHT_FILL.error }),
      expect.objectContaining({ range: model.bodyRange, formula: `=ISERROR(${model.bodyRange.split(":")[0]})` }),
    ]);
    expect(sheet.validations).toEqual([expect.objectContaining({ range: model.verdictRange, rule: { list: { inCellDropDown: true, source: "Đạt,Chưa đạt,Chưa đánh giá" } } })]);
    expect(sheet.pageLayout).toEqual({ orientation: "Landscape", paperSize: "A4", zoom: { horizontalFitToPages: 1 }, printTitleRows: "$5:$6" });
    expect(fake.cell(name, "B5")?.fmt).toMatchObject({ "font.bold": true, "border.EdgeTop": "Continuous", horizontalAlignment: "Center" });
    // Read back through the adapter: a recognised table, the carried-over indicators, no error or warning
    // (the previous period's numbering slip, 14 then 16, is renumbered on the way).
    const report = analyseSheet(await host.readSheet(name));
    expect(report.recognized).toBe(true);
    expect(report.items.map((i) => i.name)).toContain("Tỷ lệ hộ nghèo");
    expect(report.findings.filter((f) => f.severity !== "info").map((f) => f.kind)).toEqual([]);
  });

  test("a second template takes the next free name", async () => {
    const { host } = await setup();
    await host.addTemplateSheet(model);
    expect(await host.addTemplateSheet(model)).toBe("Biểu chỉ tiêu (2)");
  });

  test("without ExcelApi 1.8 and 1.9 the sheet is still made, without the verdict list and print setup", async () => {
    const { fake, host } = await setup({ apis: { ExcelApi: "1.7" } });
    const name = await host.addTemplateSheet(model);
    const sheet = fake.state.sheets.find((s) => s.name === name)! as unknown as FakeSheet & Record<string, unknown>;
    expect(sheet.validations).toEqual([]);
    expect(sheet.pageLayout).toEqual({});
    expect(sheet.conditionalFormats).toHaveLength(2);
  });

  test("a protected workbook, a cell in edit mode, a read-only workbook: one clear error and no sheet added", async () => {
    for (const bad of ["workbookProtected", "editMode", "readOnly"] as const) {
      const { fake, host } = await setup();
      (fake.state as unknown as Record<string, boolean>)[bad] = true;
      const names = fake.state.sheets.map((s) => s.name);
      const err = await host.addTemplateSheet(model).catch((e) => e);
      expect(err).toBeInstanceOf(HostError);
      expect(err.code).toBe(bad === "workbookProtected" ? "protected" : bad);
      expect(fake.state.sheets.map((s) => s.name)).toEqual(names);
    }
  });
});
