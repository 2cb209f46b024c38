/** formula-error, malformed-number and number-as-text. */
import { formatEnNumber, formatViNumber } from "../../numbers";
import { type Finding } from "../../report";
import { isCellError } from "../../snapshot";
import { readFigure } from "../figures";
import { finding, type Model, FIGURE_ROWS } from "../model";

/** formula-error anywhere in the body; malformed-number and number-as-text in figure columns. */
export function checkCells(model: Model): Finding[] {
  const { grid, layout } = model;
  const out: Finding[] = [];
  const figureCols = new Set<number>([...layout.targets, layout.col.actual!, ...layout.percents.map((p) => p.col)]);
  for (const body of model.rows) {
    if (body.kind === "footer" || body.kind === "empty") continue;
    for (let c = grid.firstCol; c <= grid.lastCol; c++) {
      const v = grid.value(body.row, c);
      if (v === null) continue;
      // Most cells hold a plain number or a text outside the figure columns: ruled out before an address is made.
      if (typeof v === "number" || (typeof v === "string" && (!figureCols.has(c) || !FIGURE_ROWS.has(body.kind)))) continue;
      const cell = grid.address(body.row, c);
      if (isCellError(v)) {
        const formula = grid.formula(body.row, c);
        const pc = layout.percents.find((p) => p.col === c);
        const example = pc ? `=IF(${grid.address(body.row, pc.target)}=0,"",${grid.address(body.row, pc.actual)}/${grid.address(body.row, pc.target)}*100)` : null;
        out.push(
          finding(
            "formula-error",
            cell,
            v.error === "#DIV/0!"
              ? `Ô ${cell} hiển thị lỗi #DIV/0!${formula ? ` (công thức ${formula})` : ""}: phép chia cho 0; khi kế hoạch bằng 0 hoặc để trống, ô tỷ lệ nên để trống (công thức trả về ""${example ? `, ví dụ ${example}` : ""}) thay vì chia cho 0.`
              : `Ô ${cell} hiển thị lỗi ${v.error}${formula ? ` (công thức ${formula})` : ""}: công thức không tính ra được giá trị, cần sửa công thức hoặc số liệu nó dùng.`,
            v.error === "#DIV/0!"
              ? `Cell ${cell} shows the error #DIV/0!${formula ? ` (formula ${formula})` : ""}: a division by 0; when the target is 0 or blank, leave the percent blank (a formula returning ""${example ? `, e.g. ${example}` : ""}) instead of dividing by 0.`
              : `Cell ${cell} shows the error ${v.error}${formula ? ` (formula ${formula})` : ""}: the formula yields no value; fix the formula or the figures it uses.`,
            v.error,
            null,
          ),
        );
        continue;
      }
      if (typeof v !== "string" || !figureCols.has(c) || !FIGURE_ROWS.has(body.kind)) continue;
      const fig = grid.figure(body.row, c);
      if (fig.kind === "malformed") {
        out.push(
          finding(
            "malformed-number",
            cell,
            `Số "${fig.text}" ở ô ${cell} không đúng cách viết số: dấu chấm phân cách hàng nghìn phải đứng trước đúng ba chữ số, dấu phẩy là dấu thập phân.`,
            `"${fig.text}" in ${cell} is not a valid number: a thousands dot must be followed by exactly three digits, and the comma is the decimal mark.`,
            fig.text,
            null,
          ),
        );
      } else if (fig.kind === "text-number") {
        out.push(
          finding(
            "number-as-text",
            cell,
            `Ô ${cell} ghi số ${fig.text} dưới dạng văn bản; đã đọc là ${formatViNumber(fig.value)}, nên nhập dạng số để Excel tính được.`,
            `${cell} holds the number ${fig.text} as text; it was read as ${formatEnNumber(fig.value)}; enter it as a number so Excel can compute with it.`,
            fig.text,
            fig.value.toNumber(),
          ),
        );
      } else if (fig.kind === "text" && (c === layout.targets[0] || layout.targets.includes(c))) {
        // A target written in words may still carry a malformed figure ("từ 2.800.00 trở lên").
        const bad = /\d+(?:[.,]\d+){1,}/.exec(fig.text);
        if (bad && readFigure(bad[0]).kind === "malformed") {
          out.push(
            finding(
              "malformed-number",
              cell,
              `Số "${bad[0]}" trong kế hoạch ở ô ${cell} không đúng cách viết số: dấu chấm phân cách hàng nghìn phải đứng trước đúng ba chữ số.`,
              `"${bad[0]}" in the target in ${cell} is not a valid number: a thousands dot must be followed by exactly three digits.`,
              bad[0],
              null,
            ),
          );
        }
      }
    }
  }
  return out;
}

