/**
 * The browser preview with the public fixture: Kiểm tra lists every expected finding and paints
 * its cell, Tính lại (after its preview) writes the percent and verdict cells, Hoàn tác restores
 * them, Xóa đánh dấu removes the paint. Screenshots of the pane in both languages.
 */
import * as fs from "fs";
import * as path from "path";
import { expect, test, type Page } from "@playwright/test";
import ExcelJS from "exceljs";
import { planRecalc } from "../../src/engine";
import { HIGHLIGHT_FILL } from "../../src/engine/plan";
import { SEVERITY, type FindingKind } from "../../src/engine/report";
import { a1 } from "../../src/engine/address";
import { readSnapshot } from "../../src/exceljs/read";
import { cellText } from "../../src/preview/Grid";
import { expectedFindings, FIXTURE, shot } from "./expected";

const FAMILY: Record<string, string> = { "percent-rounding": "percent-mismatch" };
const family = (k: string) => FAMILY[k] ?? k;

async function gridTexts(page: Page): Promise<Record<string, string>> {
  return page.$$eval("[data-testid=grid] td[data-cell]", (tds) => Object.fromEntries(tds.map((td) => [td.getAttribute("data-cell")!, td.textContent ?? ""])));
}

async function open(page: Page, lang: "vi" | "en" = "vi") {
  await page.goto(`preview.html${lang === "en" ? "?lang=en" : ""}`);
  await expect(page.getByTestId("grid")).toBeVisible();
  await expect(page.getByTestId("sheet")).toHaveValue("Chỉ tiêu 6 tháng");
}

test("Kiểm tra lists every expected finding and paints its cell", async ({ page }) => {
  await open(page);
  await page.getByTestId("check").click();
  await expect(page.getByTestId("summary")).toBeVisible();
  const listed = await page.$$eval("[data-testid=finding]", (els) => els.map((e) => ({ cell: e.getAttribute("data-cell")!, kind: e.getAttribute("data-kind")! })));
  const missing: string[] = [];
  for (const f of expectedFindings()) {
    const hit = listed.find((l) => l.cell === f.cell && family(l.kind) === family(f.kind));
    if (!hit) {
      if (f.required) missing.push(`${f.cell} ${f.kind}`);
      continue;
    }
    const fill = await page.locator(`[data-testid=grid] td[data-cell="${f.cell}"]`).getAttribute("data-fill");
    expect([f.cell, fill]).toEqual([f.cell, HIGHLIGHT_FILL[SEVERITY[f.kind as FindingKind]]]);
  }
  expect(missing).toEqual([]);
  // Clicking a finding selects its cell in the grid.
  await page.locator('[data-testid=finding][data-cell="F14"]').first().click();
  await expect(page.locator('[data-testid=grid] td[data-cell="F14"]')).toHaveClass(/pv-sel/);
  await shot(page, "preview-vi.png");
  await shot(page.locator(".pv-right"), "pane-vi.png");

  // Xóa đánh dấu removes only our paint.
  await page.getByTestId("clear").click();
  await expect(page.getByTestId("notice")).toContainText("Đã xóa đánh dấu");
  for (const f of expectedFindings()) expect(await page.locator(`[data-testid=grid] td[data-cell="${f.cell}"]`).getAttribute("data-fill")).toBe("");
});

test("Tính lại writes the percent and verdict cells after a preview, Hoàn tác restores them", async ({ page }) => {
  const snap = await readSnapshot(fs.readFileSync(path.join(__dirname, "..", "fixtures", FIXTURE)));
  const writes = planRecalc(snap);
  expect(writes.length).toBeGreaterThan(0);
  const sheet = snap.sheets[0];
  const formatOf = (cell: string) => {
    for (let r = 0; r < sheet.values.length; r++)
      for (let c = 0; c < (sheet.values[r]?.length ?? 0); c++) if (a1(sheet.origin.row + r, sheet.origin.col + c) === cell) return sheet.numberFormats?.[r]?.[c] ?? null;
    return null;
  };

  await open(page);
  const before = await gridTexts(page);
  // Nothing new yet: the download is not offered.
  await expect(page.getByTestId("download")).toBeDisabled();
  await expect(page.getByTestId("download")).toHaveText("Tải xuống (chưa có gì mới)");
  await page.getByTestId("check").click();
  await expect(page.getByTestId("summary")).toBeVisible();
  const fillOf = (cell: string) => page.locator(`[data-testid=grid] td[data-cell="${cell}"]`).getAttribute("data-fill");
  expect(await fillOf("G10")).toBe(HIGHLIGHT_FILL.error);
  expect(await fillOf("I12")).toBe(HIGHLIGHT_FILL.error);
  await expect(page.getByTestId("download")).toBeEnabled();
  await expect(page.getByTestId("download")).toContainText("ô đánh dấu");
  await page.getByTestId("recalc").click();
  const card = page.getByTestId("recalc-preview");
  await expect(card).toContainText(`Sẽ ghi ${writes.length} ô`);
  // Each change shown as the cell will show it; a typed value that becomes a formula is marked; the
  // sheet's own word kept is said; the confirm button is in view.
  const row = (cell: string) => card.locator(`[data-testid=change][data-cell="${cell}"]`);
  await expect(row("G8").getByTestId("after")).toHaveText("59,44");
  await expect(row("H8").getByTestId("after")).toHaveText("54,03%");
  await expect(row("G10").getByTestId("after")).toHaveText("95,9");
  await expect(row("G8").getByTestId("becomes-formula")).toBeVisible();
  await expect(row("I11")).toContainText("Giữ chữ «Vượt»");
  await expect(row("I12").getByTestId("after")).toHaveText("Chưa đạt");
  await expect(page.getByTestId("confirm")).toBeInViewport();
  await shot(page.locator(".pv-right"), "recalc-preview-vi.png");
  // Nothing is written before the user confirms.
  expect(await gridTexts(page)).toEqual(before);
  await page.getByTestId("confirm").click();
  await expect(page.getByTestId("notice")).toContainText(`Đã ghi ${writes.length} ô`);
  // The sheet is checked again: the cells now right lose their highlight.
  await expect(page.locator('[data-testid=grid] td[data-cell="G10"]')).toHaveAttribute("data-fill", "");
  expect(await fillOf("I12")).toBe("");
  await expect(page.getByTestId("download")).toContainText(`${writes.length} ô đã ghi`);
  const after = await gridTexts(page);
  for (const w of writes) {
    const want = cellText(w.value, w.numberFormat ?? formatOf(w.cell));
    expect([w.cell, after[w.cell]]).toEqual([w.cell, want]);
  }
  expect(after.I12).toBe("Chưa đạt");
  expect(after.G8).toBe("59,44");

  await page.getByTestId("undo").click();
  await expect(page.getByTestId("notice")).toContainText(`Đã trả lại giá trị cũ cho ${writes.length} ô`);
  expect(await gridTexts(page)).toEqual(before);
  await expect(page.getByTestId("undo")).toBeDisabled();
});

test("the English pane", async ({ page }) => {
  await open(page, "en");
  await page.getByTestId("check").click();
  await expect(page.getByTestId("summary")).toContainText("Errors");
  await page.locator('[data-testid=finding][data-cell="G10"]').first().click();
  await shot(page.locator(".pv-right"), "pane-en.png");
  await page.getByTestId("lang").click();
  await expect(page.getByTestId("check")).toHaveText("Kiểm tra");
});

test("a file that is not a workbook gets one Vietnamese sentence", async ({ page }) => {
  await open(page);
  await page.getByTestId("file").setInputFiles({ name: "hong.xlsx", mimeType: "application/octet-stream", buffer: Buffer.from("không phải tệp Excel") });
  await expect(page.getByTestId("file-error")).toHaveText("Không đọc được tệp này. Hãy chọn một tệp Excel .xlsx.");
});

test("the user's own narrative workbook: every expected finding listed, the quote shown for prose", async ({ page }) => {
  await open(page);
  const file = "f1-hai-yen-narrative.xlsx";
  await page.getByTestId("file").setInputFiles(path.join(__dirname, "..", "fixtures", file));
  await expect(page.getByTestId("file-name")).toContainText(file);
  await expect(page.getByTestId("sheet")).toHaveValue("Biểu đánh giá");
  await page.getByTestId("check").click();
  await expect(page.getByTestId("layout-name")).toHaveText("Biểu đánh giá nhiệm vụ (văn bản)");
  // A narrative sheet in its own words: tasks, and its columns as its header names them.
  await expect(page.getByTestId("summary")).toContainText("Số nhiệm vụ đạt");
  await expect(page.getByTestId("summary")).not.toContainText("chỉ tiêu");
  await page.getByTestId("columns-toggle").click();
  await expect(page.getByTestId("role-label-name")).toHaveText("Tên nhóm nhiệm vụ");
  await expect(page.getByTestId("role-label-actual")).toHaveText("Kết quả đánh giá");
  await expect(page.getByTestId("role-label-forecast")).toHaveText("Dự báo");
  await expect(page.getByTestId("columns")).not.toContainText("Thực hiện");
  await expect(page.getByTestId("columns")).not.toContainText("Ước cả năm");
  const listed = await page.$$eval("[data-testid=finding]", (els) => els.map((e) => ({ cell: e.getAttribute("data-cell")!, kind: e.getAttribute("data-kind")! })));
  const missing = expectedFindings(file)
    .filter((f) => f.required && !listed.some((l) => l.cell === f.cell && family(l.kind) === family(f.kind)))
    .map((f) => `${f.cell} ${f.kind}`);
  expect(missing).toEqual([]);
  const withQuote = page.locator('[data-testid=finding][data-kind="malformed-number"]').first();
  await withQuote.click();
  await expect(page.getByTestId("quote")).toBeVisible();
  // The quote among 4 549 characters: its line of the cell and the words around it; the cell is selected.
  await expect(page.getByTestId("quote-place")).toHaveText("Trích (dòng 8/13 của ô B6):");
  await expect(page.getByTestId("quote")).toContainText("với tổng số tiền trị giá 2.800.00đ(đạt).");
  await expect(page.getByTestId("quote").locator("mark")).toHaveText("2.800.00đ");
  await expect(page.locator('[data-testid=grid] td[data-cell="B6"]')).toHaveClass(/pv-sel/);
  await shot(page.locator(".pv-right"), "pane-narrative-vi.png");

  // The checked copy (its cells marked) downloads as an .xlsx.
  await expect(page.getByTestId("download")).toContainText("ô đánh dấu");
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("download").click()]);
  expect(download.suggestedFilename()).toBe("f1-hai-yen-narrative-soat-bieu.xlsx");
  const bytes = fs.readFileSync((await download.path())!);
  expect((await readSnapshot(bytes)).sheets.map((s) => s.name)).toEqual(["Biểu đánh giá"]);
});

test("correcting a column role re-checks the sheet against the chosen column", async ({ page }) => {
  await open(page);
  await page.getByTestId("check").click();
  // Recognised: the column map is folded, and unfolds on demand.
  await expect(page.getByTestId("columns")).toBeHidden();
  await page.getByTestId("columns-toggle").click();
  await expect(page.getByTestId("role-target")).toHaveValue("D");
  await page.getByTestId("role-verdict").selectOption("J");
  await expect(page.getByTestId("role-verdict")).toHaveValue("J");
  // The verdict column I is no longer read: its wrong "Đạt" in I12 is no longer reported, nor painted.
  await expect(page.locator('[data-testid=finding][data-cell="I12"]')).toHaveCount(0);
  expect(await page.locator('[data-testid=grid] td[data-cell="I12"]').getAttribute("data-fill")).toBe("");
  await expect(page.locator('[data-testid=finding][data-cell="G10"]')).toHaveCount(1);
});

test("a table whose actual column the checker does not know: the clerk names it and the sheet is checked", async ({ page }) => {
  await open(page);
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Quý IV");
  ws.addRows([
    ["STT", "Chỉ tiêu", "ĐVT", "Kế hoạch", "Số liệu quý IV", "Đánh giá"],
    [1, "Trồng rừng tập trung", "ha", 40, 42, "Đạt"],
    [2, "Làm mới đường giao thông", "km", 5, 3, "Đạt"],
  ]);
  const buffer = Buffer.from(await wb.xlsx.writeBuffer());
  await page.getByTestId("file").setInputFiles({ name: "quy-iv.xlsx", mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", buffer });
  await expect(page.getByTestId("file-name")).toContainText("quy-iv.xlsx");
  await page.getByTestId("check").click();
  await expect(page.getByTestId("layout-name")).toHaveText("Không nhận dạng được bố cục");
  // Not recognised: the column map is open, saying what to pick.
  await expect(page.getByTestId("columns-pick")).toHaveText("Nếu đây là biểu chỉ tiêu, hãy chọn cột kế hoạch và cột thực hiện để kiểm tra.");
  await expect(page.getByTestId("columns")).toBeVisible();
  await page.getByTestId("role-actual").selectOption("E");
  await expect(page.getByTestId("layout-name")).toHaveText("Biểu chỉ tiêu (bảng)");
  await expect(page.getByTestId("role-actual")).toHaveValue("E");
  await expect(page.getByTestId("role-target")).toHaveValue("D");
  // 3/5 km is not achieved: row 3's "Đạt" is found and painted.
  await expect(page.locator('[data-testid=finding][data-cell="F3"][data-kind="verdict-mismatch"]')).toHaveCount(1);
  expect(await page.locator('[data-testid=grid] td[data-cell="F3"]').getAttribute("data-fill")).not.toBe("");
});

test("Chuẩn hóa: numbers typed as text become numbers after a preview with reasons; Hoàn tác gives the text back", async ({ page }) => {
  await open(page);
  // The public fixture as a clerk might send it: two figures typed as text, a name with stray spaces.
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path.join(__dirname, "..", "fixtures", FIXTURE));
  const ws = wb.worksheets[0];
  ws.getCell("D8").value = "12.000.000";
  ws.getCell("F11").value = "4,5";
  ws.getCell("B12").value = "  Tỷ lệ thửa đất   được đăng ký đất đai lần đầu ";
  const buffer = Buffer.from(await wb.xlsx.writeBuffer());
  await page.getByTestId("file").setInputFiles({ name: "nhan-ve.xlsx", mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", buffer });
  await expect(page.getByTestId("file-name")).toContainText("nhan-ve.xlsx");
  await page.getByTestId("check").click();
  await expect(page.locator('[data-testid=finding][data-kind="number-as-text"]')).toHaveCount(2);

  await page.getByTestId("normalise").click();
  const preview = page.getByTestId("normalise-preview");
  await expect(preview).toContainText("Chuẩn hóa sẽ sửa 3 ô");
  await expect(preview.locator('[data-testid=change][data-cell="D8"]')).toContainText("12.000.000");
  await expect(preview.locator('[data-testid=change][data-cell="D8"] .sb-reason')).not.toBeEmpty();
  await expect(preview.locator('[data-testid=change][data-cell="B12"]')).toBeVisible();
  // Nothing is written before the confirmation.
  expect((await gridTexts(page)).D8).toBe("12.000.000");
  await page.getByTestId("confirm").click();
  await expect(page.getByTestId("notice")).toContainText("Đã ghi 3 ô");
  await page.getByTestId("check").click();
  await expect(page.getByTestId("summary")).toBeVisible();
  await expect(page.locator('[data-testid=finding][data-kind="number-as-text"]')).toHaveCount(0);
  expect((await gridTexts(page)).B12).toBe("Tỷ lệ thửa đất được đăng ký đất đai lần đầu");

  await page.getByTestId("undo").click();
  await expect(page.getByTestId("notice")).toContainText("Đã trả lại giá trị cũ cho 3 ô");
  expect((await gridTexts(page)).D8).toBe("12.000.000");
});

test("Tạo biểu mẫu: a new sheet with the selected sheet's indicators, live formulas, recognised and clean", async ({ page }) => {
  await open(page);
  await page.getByTestId("template-card").locator("summary").click();
  await page.getByTestId("commune").fill("Bình Trung");
  await page.getByTestId("period").fill("6 tháng đầu năm 2026");
  await page.getByTestId("template").click();
  await expect(page.getByTestId("notice")).toContainText("Đã tạo trang tính “Biểu chỉ tiêu” với 16 chỉ tiêu chép từ “Chỉ tiêu 6 tháng”");
  await expect(page.getByTestId("sheet")).toHaveValue("Biểu chỉ tiêu");
  await expect(page.getByRole("tab", { name: "Biểu chỉ tiêu" })).toHaveAttribute("aria-selected", "true");
  const texts = await gridTexts(page);
  expect(texts.A1).toBe("ỦY BAN NHÂN DÂN XÃ BÌNH TRUNG");
  // The national heading and motto, the place-and-date line, then the title.
  expect(texts.E1).toBe("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc");
  expect(texts.E2).toBe("Bình Trung, ngày …… tháng …… năm ……");
  expect(texts.A3).toBe("BIỂU ĐÁNH GIÁ KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU 6 THÁNG ĐẦU NĂM 2026");
  expect(texts.B8).toBe("Thu ngân sách trên địa bàn");
  // Both baselines of the selected sheet are kept; its numbering slip is renumbered, and the notice says so.
  expect([texts.D5, texts.E5, texts.G5, texts.H5]).toEqual(["Kế hoạch huyện giao", "Kế hoạch HĐND xã giao", "Tỷ lệ (%) so với kế hoạch huyện giao", "Tỷ lệ (%) so với kế hoạch HĐND xã giao"]);
  await expect(page.getByTestId("notice")).toContainText("biểu mới đánh số lại: 16 → 15, 17 → 16.");
  // Nothing half-done: the download now holds a new sheet.
  await expect(page.getByTestId("download")).toContainText("1 trang tính mới");
  await page.getByTestId("check").click();
  await expect(page.getByTestId("layout-name")).toHaveText("Biểu chỉ tiêu (bảng)");
  // The previous period's numbering slip (14 then 16) is not carried along: the new sheet is renumbered.
  await expect(page.getByTestId("errors")).toHaveText("0");
  await expect(page.locator('[data-testid=finding][data-kind="numbering-gap"]')).toHaveCount(0);
  // Without the box ticked, a blank template under the next free name.
  await page.getByTestId("carry").click();
  await page.getByTestId("template").click();
  await expect(page.getByTestId("notice")).toContainText("Đã tạo trang tính “Biểu chỉ tiêu (2)”: điền tên chỉ tiêu");
  await expect(page.getByTestId("sheet")).toHaveValue("Biểu chỉ tiêu (2)");
});

test("at Excel's default pane width the findings show without scrolling; every finding kind is explained in the pane", async ({ page }) => {
  await open(page);
  await page.getByTestId("check").click();
  await expect(page.getByTestId("summary")).toBeVisible();
  // The pane alone, as wide and as tall as Excel's task pane on a laptop screen.
  const pane = page.locator(".pv-right");
  await page.evaluate(() => {
    const right = document.querySelector(".pv-right") as HTMLElement;
    right.style.width = "330px";
    right.style.height = "680px";
    right.style.flex = "none";
  });
  // The columns the checker took are named where the clerk can correct them (issue 16).
  await expect(page.getByTestId("columns-used")).toHaveText("Cột kế hoạch D, thực hiện F, đánh giá I — xem / sửa");
  const box = (await pane.boundingBox())!;
  const first = (await page.locator("[data-testid=finding]").first().boundingBox())!;
  expect(first.y + first.height).toBeLessThan(box.y + box.height);
  expect(await pane.evaluate((el) => el.scrollTop)).toBe(0);
  await shot(pane, "pane-narrow-vi.png");

  // "?" beside a finding explains its kind: what it checks, an example, how to fix, inside the pane.
  await page.locator('[data-testid=kind-help][data-kind="total-mismatch"]').first().click();
  const help = page.getByTestId("kind-explanation");
  await expect(help).toHaveAttribute("data-kind", "total-mismatch");
  await expect(help).toContainText("Tổng sai · Lỗi");
  await expect(help).toContainText("Kiểm tra gì:");
  await expect(help).toContainText("Ví dụ:");
  await expect(help).toContainText("Cách sửa:");
  await page.locator('[data-testid=kind-help][data-kind="total-mismatch"]').first().click();
  await expect(help).toHaveCount(0);
  // Severity names: Lưu ý, never "Ghi chú" (a column of the sheet and Excel's notes).
  await expect(page.getByTestId("findings")).not.toContainText("Ghi chú");
  await expect(page.getByTestId("findings")).toContainText("Lưu ý (0)");
});
