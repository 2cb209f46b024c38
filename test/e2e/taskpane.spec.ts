/**
 * taskpane.html as Excel would load it, with a scripted window.Office / Excel (the same fake the
 * adapter's jest tests use, test/addin/fake-office.js) injected before the page's scripts and
 * Microsoft's CDN script answered with nothing. Driven through the pane's buttons.
 */
import * as fs from "fs";
import * as path from "path";
import { expect, test, type Page } from "@playwright/test";
import { planRecalc } from "../../src/engine";
import { boundVerdictFormula, firstFilled, percentFormula } from "../../src/engine/formulas";
import { HIGHLIGHT_FILL } from "../../src/engine/plan";
import { SEVERITY, type FindingKind } from "../../src/engine/report";
import { readSnapshot } from "../../src/exceljs/read";
import { fakeData } from "../addin/fake";
import { expectedFindings, FIXTURE, shot } from "./expected";

const SHEET = "Chỉ tiêu 6 tháng";
const FAKE = fs.readFileSync(path.join(__dirname, "..", "addin", "fake-office.js"), "utf8");

type Cells = Record<string, { v?: unknown; f?: string; fill?: string | null }>;

async function openPane(page: Page, options: { protected?: boolean; query?: string } = {}) {
  const wb = await readSnapshot(fs.readFileSync(path.join(__dirname, "..", "fixtures", FIXTURE)));
  const data = { ...fakeData(wb), apis: { ExcelApi: "1.13" } };
  if (options.protected) (data.sheets[0] as { protected?: boolean }).protected = true;
  await page.route("https://officeapis.public.onecdn.static.microsoft/**", (route) => route.fulfill({ status: 200, contentType: "text/javascript", body: "/* Office.js is scripted by the test */" }));
  await page.addInitScript({ content: `${FAKE}\n;FakeOffice.install(${JSON.stringify(data)}, { language: "vi-VN" });` });
  await page.goto(`taskpane.html${options.query ?? ""}`);
  await expect(page.getByTestId("sheet")).toHaveValue(SHEET);
  return { wb, cells: () => page.evaluate(() => (window as unknown as { __fakeOffice: { state: { sheets: { cells: Cells }[] } } }).__fakeOffice.state.sheets[0].cells) };
}

test("Kiểm tra paints the expected cells in the workbook; selecting a finding selects its cell", async ({ page }) => {
  const { cells } = await openPane(page);
  await page.getByTestId("check").click();
  await expect(page.getByTestId("summary")).toBeVisible();
  const now = await cells();
  for (const f of expectedFindings().filter((x) => x.required)) {
    await expect(page.locator(`[data-testid=finding][data-cell="${f.cell}"]`).first()).toBeVisible();
    expect([f.cell, now[f.cell]?.fill]).toEqual([f.cell, HIGHLIGHT_FILL[SEVERITY[f.kind as FindingKind]]]);
  }
  await page.locator('[data-testid=finding][data-cell="I12"]').first().click();
  await expect
    .poll(() => page.evaluate(() => (window as unknown as { __fakeOffice: { state: { selection: { sheet: string } | null } } }).__fakeOffice.state.selection?.sheet))
    .toBe(SHEET);
  await page.setViewportSize({ width: 380, height: 900 });
  await shot(page, "taskpane-excel-vi.png");
  await page.getByTestId("clear").click();
  await expect(page.getByTestId("notice")).toContainText("Đã xóa đánh dấu");
  const cleared = await cells();
  for (const f of expectedFindings()) expect(cleared[f.cell]?.fill ?? null).toBeNull();
});

test("inside Excel at the default pane width: findings without scrolling, the column map folded until asked", async ({ page }) => {
  await page.setViewportSize({ width: 340, height: 720 });
  await openPane(page, { query: "?action=check" });
  await expect(page.getByTestId("summary")).toBeVisible();
  await expect(page.getByTestId("columns")).toBeHidden();
  const first = (await page.locator("[data-testid=finding]").first().boundingBox())!;
  expect(first.y + first.height).toBeLessThan(720);
  expect(await page.evaluate(() => document.scrollingElement!.scrollTop)).toBe(0);
  await page.getByTestId("columns-toggle").click();
  await expect(page.getByTestId("role-actual")).toHaveValue("F");
  await page.locator('[data-testid=kind-help][data-kind="percent-mismatch"]').first().click();
  await expect(page.getByTestId("kind-explanation")).toContainText("Tỷ lệ sai · Lỗi");
});

test("the ribbon's Kiểm tra opens the pane with ?action=check and checks at once", async ({ page }) => {
  await openPane(page, { query: "?action=check" });
  await expect(page.getByTestId("summary")).toBeVisible();
  await expect(page.getByTestId("errors")).not.toHaveText("0");
});

test("Tính lại writes formulas after the preview; Hoàn tác restores every cell", async ({ page }) => {
  const { wb, cells } = await openPane(page);
  const writes = planRecalc(wb);
  const before = await cells();
  await page.getByTestId("recalc").click();
  await expect(page.getByTestId("recalc-preview")).toBeVisible();
  expect(await cells()).toEqual(before);
  await page.getByTestId("confirm").click();
  await expect(page.getByTestId("notice")).toContainText(`Đã ghi ${writes.length} ô`);
  const after = await cells();
  for (const w of writes) {
    if (w.formula) expect([w.cell, after[w.cell]?.f]).toEqual([w.cell, w.formula]);
    else expect([w.cell, after[w.cell]?.v]).toEqual([w.cell, w.value]);
  }
  await page.getByTestId("undo").click();
  await expect(page.getByTestId("notice")).toContainText("Đã trả lại giá trị cũ");
  const restored = await cells();
  // An empty cell reads "" in Excel whether it never had a value or had one cleared.
  const value = (c: Cells[string] | undefined) => (c?.v === "" || c?.v === undefined ? null : c.v);
  for (const w of writes) {
    expect([w.cell, restored[w.cell]?.f ?? null, value(restored[w.cell])]).toEqual([w.cell, before[w.cell]?.f ?? null, value(before[w.cell])]);
  }
});

test("a protected sheet: one Vietnamese sentence, nothing written", async ({ page }) => {
  const { cells } = await openPane(page, { protected: true });
  const before = await cells();
  await page.getByTestId("recalc").click();
  await page.getByTestId("confirm").click();
  await expect(page.getByTestId("notice")).toHaveText(/^Trang tính đang được bảo vệ\./);
  expect(await cells()).toEqual(before);
});

test("the English pane inside Excel", async ({ page }) => {
  await openPane(page, { query: "?lang=en" });
  await page.getByTestId("check").click();
  await expect(page.getByTestId("summary")).toContainText("Indicators met");
  await page.setViewportSize({ width: 380, height: 900 });
  await shot(page, "taskpane-excel-en.png");
});

test("with the option on, a change in the sheet is checked again (debounced)", async ({ page }) => {
  await openPane(page);
  await page.getByTestId("check").click();
  await expect(page.getByTestId("errors")).toHaveText("5");
  await page.getByTestId("auto").click();
  await expect.poll(() => page.evaluate(() => (window as unknown as { __fakeOffice: { state: { handlers: unknown[] } } }).__fakeOffice.state.handlers.length)).toBe(1);
  // Our own writes (triggerSource "ThisLocalAddin") are not checked again.
  await page.evaluate(() => (window as unknown as { __fakeOffice: { state: { handlers: { handler(a: unknown): void }[] } } }).__fakeOffice.state.handlers[0].handler({ triggerSource: "ThisLocalAddin" }));
  await page.waitForTimeout(1200);
  await expect(page.getByTestId("notice")).toContainText("Đã kiểm tra");
  // The user corrects the wrong verdict in I12; Excel fires onChanged (twice: debounced to one check).
  await page.evaluate((sheet) => {
    const fake = (window as unknown as { __fakeOffice: { state: { sheets: { cells: Cells }[] }; fireChanged(s: string): void } }).__fakeOffice;
    fake.state.sheets[0].cells.I12.v = "Chưa đạt";
    fake.fireChanged(sheet);
    fake.fireChanged(sheet);
  }, SHEET);
  await expect(page.getByTestId("errors")).toHaveText("4", { timeout: 10_000 });
  await expect(page.locator('[data-testid=finding][data-cell="I12"]')).toHaveCount(0);
});

test("Tạo biểu mẫu inside Excel: the new sheet is added and activated, with its formulas and verdict list", async ({ page }) => {
  await openPane(page);
  await page.getByTestId("template-card").locator("summary").click();
  await page.getByTestId("template").click();
  await expect(page.getByTestId("notice")).toContainText("Đã tạo trang tính “Biểu chỉ tiêu” với 16 chỉ tiêu");
  await expect(page.getByTestId("sheet")).toHaveValue("Biểu chỉ tiêu");
  const made = await page.evaluate(() => {
    const state = (window as unknown as { __fakeOffice: { state: { active: string; sheets: { name: string; cells: Cells; validations: unknown[] }[] } } }).__fakeOffice.state;
    const s = state.sheets.find((x) => x.name === "Biểu chỉ tiêu")!;
    return { active: state.active, g8: s.cells.G8?.f, h8: s.cells.H8?.f, i8: s.cells.I8?.f, validations: s.validations.length };
  });
  // The sheet has two baselines (D huyện giao, E HĐND xã giao; actual F): both percents, one verdict judging bounds too.
  expect(made).toEqual({
    active: "Biểu chỉ tiêu",
    g8: percentFormula("D8", "F8"),
    h8: percentFormula("E8", "F8"),
    i8: boundVerdictFormula(firstFilled(["D8", "E8"]), "F8"),
    validations: 1,
  });
});

test("the pane has a Content-Security-Policy, breaks none of it, and calls nothing but itself and Office.js", async ({ page }) => {
  const requests: string[] = [];
  const violations: string[] = [];
  page.on("request", (r) => requests.push(r.url()));
  page.on("console", (m) => {
    if (/Content Security Policy|Refused to/i.test(m.text())) violations.push(m.text());
  });
  await page.addInitScript(() => document.addEventListener("securitypolicyviolation", (e) => console.error(`Refused to load: CSP ${e.violatedDirective} ${e.blockedURI}`)));
  await openPane(page);
  const csp = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute("content");
  expect(csp).toContain("script-src 'self' https://officeapis.public.onecdn.static.microsoft;");
  expect(csp).not.toContain("unsafe-eval");
  await page.getByTestId("check").click();
  await expect(page.getByTestId("summary")).toBeVisible();
  await page.getByTestId("recalc").click();
  await page.getByTestId("confirm").click();
  await expect(page.getByTestId("notice")).toContainText("Đã ghi");
  await page.getByTestId("template-card").locator("summary").click();
  await page.getByTestId("template").click();
  await expect(page.getByTestId("notice")).toContainText("Đã tạo trang tính");
  expect(violations).toEqual([]);
  const origin = new URL(page.url()).origin;
  const elsewhere = requests.filter((u) => !u.startsWith(origin) && !u.startsWith("https://officeapis.public.onecdn.static.microsoft/") && !u.startsWith("data:"));
  expect(elsewhere).toEqual([]);
});

test("an Excel whose pane cannot run the add-in (Internet Explorer, the old Edge) shows one Vietnamese sentence instead of a blank pane", async ({ page }) => {
  await page.route("https://officeapis.public.onecdn.static.microsoft/**", (route) => route.fulfill({ status: 200, contentType: "text/javascript", body: "/* Office.js is scripted by the test */" }));
  // A webview without lookbehind in regular expressions, as EdgeHTML.
  await page.addInitScript(() => {
    const Native = RegExp;
    (window as unknown as { RegExp: unknown }).RegExp = function (p: string, f?: string) {
      if (String(p).includes("(?<")) throw new SyntaxError("Invalid regular expression");
      return new Native(p, f);
    };
  });
  await page.goto("taskpane.html");
  await expect(page.getByTestId("unsupported")).toHaveText(/^Ngăn tác vụ của phiên bản Excel này .* Excel trên web .* lệnh soat-bieu check\.$/);
});
