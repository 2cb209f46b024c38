/**
 * The Office.js adapter against the fake at its strictest: what documented (or reported) Excel
 * does and a kinder fake did not. Each test here failed against the adapter before issue 12.
 */
import { analyseWorkbook, planHighlights, planRecalc } from "../../src/engine";
import { HIGHLIGHT_FILL } from "../../src/engine/plan";
import { buildTemplate } from "../../src/engine/template";
import { HostError } from "../../src/host/host";
import { OfficeHost, SETTINGS, decodeHighlights, decodeUndo } from "../../src/office";
import { fixture } from "../helpers/grid";
import { fakeData, installFake, type FakeCell, type FakeHandle } from "./fake";

const SHEET = "Chỉ tiêu 6 tháng";

async function setup(apis: Record<string, string> = { ExcelApi: "1.13" }, extra: Parameters<typeof installFake>[0] extends infer T ? Partial<T> : never = {}, language = "vi-VN") {
  const wb = await fixture("f2-binh-trung-table.xlsx");
  const fake = installFake({ ...fakeData(wb), apis, ...extra }, { language });
  return { wb, fake, host: new OfficeHost() };
}

function cellsOf(fake: FakeHandle): Record<string, FakeCell> {
  return JSON.parse(JSON.stringify(fake.state.sheets[0].cells));
}

function expectSameCells(now: Record<string, FakeCell>, before: Record<string, FakeCell>): void {
  for (const [address, cell] of Object.entries(before)) {
    const c = now[address] ?? {};
    const nf = (x: FakeCell) => (x.nf && x.nf !== "General" ? x.nf : null);
    expect([address, c.f ?? null, c.v ?? null, nf(c)]).toEqual([address, cell.f ?? null, cell.v ?? null, nf(cell)]);
  }
}

describe("a batch is not a transaction", () => {
  test("a write that stops half-way says so, and Hoàn tác restores every cell, the written ones too", async () => {
    const { fake, host } = await setup();
    const writes = planRecalc({ sheets: [await host.readSheet(SHEET)] });
    const before = cellsOf(fake);
    // The write is the second sync of applyWrites; its 7th operation fails (a cell Excel refuses).
    fake.state.failAt = { sync: fake.state.syncs + 2, op: 6, code: "GeneralException" };
    const err = await host.applyWrites(writes).catch((e) => e);
    expect(err).toBeInstanceOf(HostError);
    expect(err.code).toBe("partial");
    // Some cells were written before the failure (Excel keeps them)…
    expect(JSON.stringify(cellsOf(fake))).not.toBe(JSON.stringify(before));
    // …and the undo record was saved before writing, so they come back.
    expect(await host.canUndo()).toBe(true);
    expect(await host.undo()).toBe(writes.length);
    expectSameCells(cellsOf(fake), before);
  });
});

describe("settings are a copy per runtime", () => {
  test("the ribbon's runtime does not wipe the pane's highlight record, and the pane sees the ribbon's undo record", async () => {
    const { fake, host } = await setup();
    const pane = fake.Office;
    const ribbon = fake.runtime();
    // The pane checks and paints (its copy of the settings, saved to the document).
    const report = analyseWorkbook({ sheets: [await host.readSheet(SHEET)] });
    const painted = await host.applyHighlights(planHighlights(report), "vi");
    expect(decodeHighlights(fake.state.settings[SETTINGS.highlights])).toHaveLength(painted);
    // The ribbon's function file (its own runtime, loaded before) recalculates.
    fake.use(ribbon);
    const ribbonHost = new OfficeHost();
    const writes = planRecalc({ sheets: [await ribbonHost.readSheet(SHEET)] });
    await ribbonHost.applyWrites(writes);
    // Both records are in the document.
    expect(decodeHighlights(fake.state.settings[SETTINGS.highlights])).toHaveLength(painted);
    expect(decodeUndo(fake.state.settings[SETTINGS.undo])).toHaveLength(writes.length);
    // Back in the pane: Hoàn tác is offered, and Xóa đánh dấu removes every mark.
    fake.use(pane);
    expect(await host.canUndo()).toBe(true);
    expect(await host.clearHighlights()).toBe(painted);
    expect(decodeUndo(fake.state.settings[SETTINGS.undo])).toHaveLength(writes.length);
  });

  test("past the settings' size limit the recalculation is refused before writing, with its own sentence", async () => {
    const { fake, host } = await setup({ ExcelApi: "1.13" }, { settingsLimit: 300 });
    const writes = planRecalc({ sheets: [await host.readSheet(SHEET)] });
    const before = JSON.stringify(cellsOf(fake));
    await expect(host.applyWrites(writes)).rejects.toMatchObject({ code: "recordTooLarge" });
    expect(JSON.stringify(cellsOf(fake))).toBe(before);
    expect(fake.state.settings[SETTINGS.undo]).toBeUndefined();
  });

  test("records are compact: a recalculation of the fixture takes under 40 bytes a cell", async () => {
    const { fake, host } = await setup();
    const writes = planRecalc({ sheets: [await host.readSheet(SHEET)] });
    await host.applyWrites(writes);
    expect(fake.state.settings[SETTINGS.undo].length / writes.length).toBeLessThan(40);
  });
});

describe("grouped undo can fail", () => {
  test("UndoNotSupported on a grouped write: written again without grouping, undo still exact", async () => {
    const { fake, host } = await setup({ ExcelApi: "1.20" }, { undoGroupLimit: 5 });
    const writes = planRecalc({ sheets: [await host.readSheet(SHEET)] });
    const before = cellsOf(fake);
    fake.state.runOptions.length = 0;
    expect(await host.applyWrites(writes)).toBe(writes.length);
    expect(fake.state.runOptions).toEqual([null, { mergeUndoGroup: true }, {}]);
    for (const w of writes) expect([w.cell, fake.cell(SHEET, w.cell)?.f ?? fake.cell(SHEET, w.cell)?.v]).toEqual([w.cell, w.formula ?? w.value]);
    await host.undo();
    expectSameCells(cellsOf(fake), before);
  });
});

describe("payload limits", () => {
  test("a response still too large in one chunk is halved until it fits", async () => {
    const { fake, host } = await setup({ ExcelApi: "1.13" }, { payloadBytes: 400_000 });
    // Long notes in a text column: 120 rows of 6 KB each, far over the limit in one chunk.
    for (let r = 40; r < 160; r++) fake.state.sheets[0].cells[`K${r}`] = { v: `Ghi chú ${r} ${"x".repeat(6000)}` };
    const snap = await host.readSheet(SHEET);
    expect(snap.values.length).toBeGreaterThanOrEqual(150);
    expect(fake.state.maxResponse).toBeLessThanOrEqual(400_000);
  });

  test("a request too large is halved; a single cell too large is one sentence", async () => {
    const { fake, host } = await setup();
    const writes = planRecalc({ sheets: [await host.readSheet(SHEET)] });
    fake.state.payloadBytes = 1500;
    expect(await host.applyWrites(writes)).toBe(writes.length);
    expect(fake.state.opsPerSync.length).toBeGreaterThan(4);
    const big = "y".repeat(5000);
    fake.state.sheets[0].cells.K5 = { v: big };
    await expect(host.readSheet(SHEET)).rejects.toMatchObject({ code: "tooLarge" });
  });
});

describe("the used range", () => {
  test("a stray formatted row far below the data does not make the read huge", async () => {
    const { fake, host } = await setup();
    fake.state.sheets[0].cells.A900000 = { fill: "#FFFF00" };
    fake.state.sheets[0].cells.B900001 = { fmt: { "font.bold": true } };
    const before = fake.state.syncs;
    const snap = await host.readSheet(SHEET);
    expect(snap.values.length).toBeLessThan(60);
    expect(fake.state.syncs - before).toBe(2);
  });
});

describe("errors are worded in Excel's language: the code decides", () => {
  test("Vietnamese Excel: edit mode and protection are still told apart", async () => {
    const { fake, host } = await setup();
    const writes = planRecalc({ sheets: [await host.readSheet(SHEET)] });
    fake.state.editMode = true;
    const err = await host.applyWrites(writes).catch((e) => e);
    expect(err.code).toBe("editMode");
    expect(err.message).not.toMatch(/edit mode/i);
  });

  test("a message that happens to say 'protected' is not taken for protection", async () => {
    const { fake, host } = await setup({ ExcelApi: "1.13" }, {}, "en-US");
    fake.state.sheets.push({ ...fake.state.sheets[0], name: "Protected totals", id: "{P}", cells: {}, merges: [], notes: {} });
    // Excel's text names the sheet; only the code says what went wrong.
    fake.state.failAt = { sync: fake.state.syncs + 1, op: 0, code: "GeneralException", message: "There was an internal error while selecting 'Protected totals'!A1 (not in edit mode)." };
    const err = await host.selectCell("Protected totals", "A1").catch((e) => e);
    expect(err).toBeInstanceOf(HostError);
    expect(err.code).toBe("unknown");
  });
});

describe("no fill is not white", () => {
  test("Xóa đánh dấu gives a white-filled cell its white fill back, and a cell with no fill no fill (ExcelApi 1.9)", async () => {
    const { fake, host } = await setup({ ExcelApi: "1.9" });
    fake.state.sheets[0].cells.G10.fill = "#FFFFFF";
    const report = analyseWorkbook({ sheets: [await host.readSheet(SHEET)] });
    await host.applyHighlights(planHighlights(report), "vi");
    expect(fake.cell(SHEET, "G10")!.fill).toBe(HIGHLIGHT_FILL.error);
    await host.clearHighlights();
    expect(fake.cell(SHEET, "G10")!.fill).toBe("#FFFFFF");
    expect(fake.cell(SHEET, "I24")!.fill ?? null).toBeNull();
  });
});

describe("notes (ExcelApi 1.18)", () => {
  test("all notes in one batch; the user's own note is kept; a note the user deleted is no error", async () => {
    const { fake, host } = await setup({ ExcelApi: "1.18" });
    const sheet = fake.state.sheets[0];
    sheet.notes.I24 = "Ghi chú của người lập biểu";
    const report = analyseWorkbook({ sheets: [await host.readSheet(SHEET)] });
    const highlights = planHighlights(report);
    const runs = fake.state.runOptions.length;
    await host.applyHighlights(highlights, "vi");
    // Protection/fills, paint, notes: three Excel.run calls whatever the number of notes.
    expect(fake.state.runOptions.length - runs).toBe(3);
    const ours = highlights.filter((h) => h.cell !== "I24");
    for (const h of ours) expect([h.cell, sheet.notes[h.cell]]).toEqual([h.cell, `Soát Biểu: ${h.message}`]);
    expect(sheet.notes.I24).toBe("Ghi chú của người lập biểu");
    // The user deletes one of our notes; clearing still works and removes the rest.
    delete sheet.notes[ours[0].cell];
    expect(await host.clearHighlights()).toBe(highlights.length);
    expect(Object.keys(sheet.notes)).toEqual(["I24"]);
  });
});

describe("a check keeps the user's Ctrl+Z history", () => {
  test("merged areas (which clear Excel's undo stack) are read once per sheet, not at every check", async () => {
    const { fake, host } = await setup();
    await host.readSheet(SHEET);
    await host.readSheet(SHEET);
    await host.readSheet(SHEET);
    expect(fake.state.undoStackCleared).toBe(1);
  });
});

describe("templates", () => {
  const model = buildTemplate({});

  test("a half-made template sheet is removed by its id: a user's sheet of that name survives", async () => {
    const { fake, host } = await setup();
    // Someone makes a sheet named like ours between our look at the names and our add.
    fake.state.beforeSync = (state) => {
      if (state.syncs === 2 && !state.sheets.some((s) => s.name === "Biểu chỉ tiêu")) {
        state.sheets.push({ ...state.sheets[0], name: "Biểu chỉ tiêu", id: "{USER}", cells: { A1: { v: "của người dùng" } }, merges: [], notes: {} });
      }
    };
    const syncs = fake.state.syncs;
    const err = await host.addTemplateSheet(model).catch((e) => e);
    expect(err).toBeInstanceOf(HostError);
    expect(fake.state.syncs).toBeGreaterThan(syncs);
    expect(fake.state.sheets.find((s) => s.id === "{USER}")?.cells.A1.v).toBe("của người dùng");
  });

  test("a template that fails part-way leaves no sheet behind", async () => {
    const { fake, host } = await setup();
    const names = fake.state.sheets.map((s) => s.name);
    fake.state.failAt = { sync: fake.state.syncs + 4, op: 10, code: "GeneralException" };
    await expect(host.addTemplateSheet(model)).rejects.toBeInstanceOf(HostError);
    expect(fake.state.sheets.map((s) => s.name)).toEqual(names);
  });
});

describe("the fake refuses what Excel refuses", () => {
  type Ctx = { workbook: { worksheets: { getItem(n: string): { name: string; getRange(a: string): Record<string, unknown> & { load(p: string): void; dataValidation: Record<string, unknown> } }; load(p: string): void; items: unknown[] } }; sync(): Promise<void> };
  const run = (fn: (c: Ctx) => Promise<unknown>) => (globalThis as unknown as { Excel: { run(f: (c: Ctx) => Promise<unknown>): Promise<unknown> } }).Excel.run(fn);

  test("a value array of the wrong shape, an unknown property, a name or items before load", async () => {
    await setup({ ExcelApi: "1.13" });
    await expect(run(async (c) => {
      c.workbook.worksheets.getItem(SHEET).getRange("A1:B2").values = [[1, 2]];
      await c.sync();
    })).rejects.toMatchObject({ code: "InvalidArgument" });
    await expect(run(async (c) => {
      c.workbook.worksheets.getItem(SHEET).getRange("A1").load("value");
      await c.sync();
    })).rejects.toMatchObject({ code: "InvalidArgument" });
    await expect(run(async (c) => c.workbook.worksheets.getItem(SHEET).name)).rejects.toMatchObject({ code: "PropertyNotLoaded" });
    await expect(run(async (c) => c.workbook.worksheets.items)).rejects.toMatchObject({ code: "PropertyNotLoaded" });
  });

  test("a data validation rule of the wrong shape", async () => {
    await setup({ ExcelApi: "1.13" });
    await expect(run(async (c) => {
      c.workbook.worksheets.getItem(SHEET).getRange("I8:I30").dataValidation.rule = { list: { source: ["Đạt", "Chưa đạt"] } };
      await c.sync();
    })).rejects.toMatchObject({ code: "InvalidArgument" });
  });
});

describe("formulas are computed when written", () => {
  test("the recalculated sheet reads back with the formulas' values, and checks clean on the cells written", async () => {
    const { fake, host } = await setup();
    const writes = planRecalc({ sheets: [await host.readSheet(SHEET)] });
    await host.applyWrites(writes);
    const snap = await host.readSheet(SHEET);
    const formulas = writes.filter((w) => w.formula);
    expect(formulas.length).toBeGreaterThan(10);
    // Not "": Excel computed them (a number for a percent, Đạt / Chưa đạt for a verdict).
    const computed = formulas.filter((w) => fake.cell(SHEET, w.cell)!.v !== "");
    expect(computed.length).toBeGreaterThan(formulas.length / 2);
    const written = new Set(writes.map((w) => w.cell));
    const findings = analyseWorkbook({ sheets: [snap] }).sheets[0].findings;
    expect(findings.filter((f) => written.has(f.cell) && /mismatch/.test(f.kind))).toEqual([]);
  });
});
