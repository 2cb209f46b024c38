/** The ribbon's one-click commands over the Office.js adapter and the fake object model. */
import { planRecalc } from "../../src/engine";
import { HIGHLIGHT_FILL } from "../../src/engine/plan";
import { OfficeHost, SETTINGS, decodeUndo } from "../../src/office";
import { clearAllHighlights, recalculateActiveSheet } from "../../src/commands/actions";
import { STRINGS } from "../../src/taskpane/strings";
import { fixture } from "../helpers/grid";
import { fakeData, installFake } from "./fake";

const SHEET = "Chỉ tiêu 6 tháng";

test("Tính lại from the ribbon recalculates the active sheet in 5 syncs (list, read 2, write 2) and can be undone", async () => {
  const wb = await fixture("f2-binh-trung-table.xlsx");
  const fake = installFake({ ...fakeData(wb), apis: { ExcelApi: "1.13" } });
  const writes = planRecalc(wb);
  const result = await recalculateActiveSheet(new OfficeHost());
  expect(result).toEqual({ ok: true, count: writes.length, message: STRINGS.vi.written(writes.length), messageEn: STRINGS.en.written(writes.length) });
  expect(fake.state.syncs).toBe(5);
  expect(fake.cell(SHEET, "I12")!.f).toBe(writes.find((w) => w.cell === "I12")!.formula ?? undefined);
  expect(decodeUndo(fake.state.settings[SETTINGS.undo])).toHaveLength(writes.length);
  // A second run has nothing different to write, yet writes the same formulas again (idempotent).
  const again = await recalculateActiveSheet(new OfficeHost());
  expect(again.ok).toBe(true);
  expect(fake.cell(SHEET, "I12")!.f).toBe(writes.find((w) => w.cell === "I12")!.formula ?? undefined);
});

test("on a protected sheet the command says so in Vietnamese and writes nothing", async () => {
  const wb = await fixture("f2-binh-trung-table.xlsx");
  const data = fakeData(wb);
  data.sheets[0].protected = true;
  const fake = installFake(data);
  const before = JSON.stringify(fake.state.sheets);
  const result = await recalculateActiveSheet(new OfficeHost());
  expect(result.ok).toBe(false);
  expect(result.message).toBe(STRINGS.vi.errors.protected);
  expect(result.messageEn).toBe(STRINGS.en.errors.protected);
  expect(JSON.stringify(fake.state.sheets)).toBe(before);
});

test("Xóa đánh dấu from the ribbon removes only our fills", async () => {
  const wb = await fixture("f2-binh-trung-table.xlsx");
  const fake = installFake({ ...fakeData(wb), apis: { ExcelApi: "1.13" } });
  fake.state.sheets[0].cells.B8 = { ...fake.state.sheets[0].cells.B8, fill: "#C6EFCE" };
  const host = new OfficeHost();
  await host.applyHighlights([{ sheet: SHEET, cell: "G10", severity: "error", message: "x", messageEn: "x" }], "vi");
  expect(fake.cell(SHEET, "G10")!.fill).toBe(HIGHLIGHT_FILL.error);
  const result = await clearAllHighlights(host);
  expect(result).toMatchObject({ ok: true, count: 1, message: STRINGS.vi.cleared(1) });
  expect(fake.cell(SHEET, "G10")!.fill ?? null).toBeNull();
  expect(fake.cell(SHEET, "B8")!.fill).toBe("#C6EFCE");
});

test("the strings table: both languages complete, Vietnamese with its diacritics", () => {
  const flat = (o: object): string[] => Object.values(o).flatMap((v) => (typeof v === "string" ? [v] : typeof v === "function" ? [String(v(3, "x"))] : flat(v)));
  const vi = flat(STRINGS.vi);
  const en = flat(STRINGS.en);
  expect(vi.length).toBe(en.length);
  for (const s of [...vi, ...en]) expect(s.trim().length).toBeGreaterThan(0);
  expect(STRINGS.vi.check).toBe("Kiểm tra");
  expect(STRINGS.vi.recalc).toBe("Tính lại");
  expect(STRINGS.vi.undo).toBe("Hoàn tác");
  expect(STRINGS.vi.clear).toBe("Xóa đánh dấu");
  for (const s of Object.values(STRINGS.vi.errors)) expect(s).toMatch(/[ạảãàáâậầấẩẫăắằặẳẵđêềếệểễôồốộổỗơờớợởỡưừứựửữ]/);
});

test("the function file associates its functions at load, before Office.onReady, and completes only after the settings write", async () => {
  const wb = await fixture("f2-binh-trung-table.xlsx");
  const fake = installFake({ ...fakeData(wb), apis: { ExcelApi: "1.13" } });
  // Office.onReady never fires here: the ribbon may call before it does.
  fake.state.readyHeld = true;
  jest.isolateModules(() => {
    require("../../src/commands/commands");
  });
  expect(Object.keys(fake.state.actions).sort()).toEqual(["clearHighlights", "recalculate"]);
  const saved: (string | undefined)[] = [];
  await new Promise<void>((done) => {
    void fake.state.actions.recalculate({
      completed() {
        saved.push(fake.state.settings["soatBieu.lastCommand"]);
        done();
      },
    });
  });
  // At completed() the sentence is already in the document, beside the undo record.
  expect(JSON.parse(saved[0]!)).toMatchObject({ ok: true, message: expect.stringMatching(/^Đã ghi/) });
  expect(decodeUndo(fake.state.settings[SETTINGS.undo]).length).toBeGreaterThan(0);
});
