/** verdict-mismatch, verdict-missing, missing-target, unverifiable-verdict. */
import { Decimal } from "../../decimal";
import { formatEnNumber, formatViNumber } from "../../numbers";
import { type Finding } from "../../report";
import { describeTarget } from "../../targets";
import { finding, type RowReading, type Model, short } from "../model";

function why(r: RowReading, actual: Decimal): { vi: string; en: string } {
  const a = formatViNumber(actual);
  const aEn = formatEnNumber(actual);
  const t = r.target;
  if (t.kind === "quantity") {
    const cmp = r.lowerIsBetter ? (r.verdict === "Đạt" ? "≤" : ">") : r.verdict === "Đạt" ? "≥" : "<";
    const extra = r.lowerIsBetter ? " (chỉ tiêu càng thấp càng tốt)" : "";
    const extraEn = r.lowerIsBetter ? " (lower is better for this indicator)" : "";
    return { vi: `thực hiện ${a} ${cmp} kế hoạch ${formatViNumber(t.value)}${extra}`, en: `actual ${aEn} ${cmp} target ${formatEnNumber(t.value)}${extraEn}` };
  }
  const holds = r.verdict === "Đạt";
  return {
    vi: `thực hiện ${a} ${holds ? "thỏa mãn" : "không thỏa mãn"} kế hoạch "${t.text.trim()}" (${describeTarget(t)})`,
    en: `actual ${aEn} ${holds ? "meets" : "does not meet"} the target "${t.text.trim()}" (${describeTarget(t)})`,
  };
}

/** True when the row has an actual figure (its actualValue is defined), known without making the decimal. */
function hasActual(r: RowReading): boolean {
  return r.actual.kind === "number" || r.actual.kind === "text-number";
}

/** verdict-mismatch, verdict-missing, missing-target, and info where a stated verdict cannot be checked. */
export function checkVerdicts(model: Model): Finding[] {
  const { grid, layout } = model;
  const out: Finding[] = [];
  const vCol = layout.col.verdict;
  if (layout.periodUnclear && vCol !== undefined) out.push(periodUnclear(model, vCol, layout.periodUnclear));
  for (const body of model.rows) {
    const breakdown = body.kind === "breakdown" && body.paired === true;
    if (body.kind !== "item" && body.kind !== "subitem" && !(body.kind === "group" && body.hasFigures) && !breakdown) continue;
    const r = model.readings.get(body.row)!;
    if (r.targetFigure.kind === "empty" && hasActual(r) && body.kind !== "group") {
      const cell = grid.address(body.row, layout.targets[0]);
      out.push(
        finding(
          "missing-target",
          cell,
          `Chỉ tiêu "${short(body.name)}" có số thực hiện ${formatViNumber(r.actualValue!)} nhưng không có kế hoạch ở ô ${cell}, nên không tính được tỷ lệ và đánh giá.`,
          `"${short(body.name)}" has an actual of ${formatEnNumber(r.actualValue!)} but no target in ${cell}, so neither percent nor verdict can be computed.`,
          null,
          null,
        ),
      );
    }
    if (vCol === undefined || r.verdictCol === undefined) continue;
    const verdictCol = r.verdictCol;
    // The address is made only for a finding (most rows have none).
    const at = () => grid.address(body.row, verdictCol);
    if (r.verdict && hasActual(r)) {
      // A breakdown line with no verdict of its own is a part of its item, not a missing verdict.
      if (!r.statedVerdictText && !breakdown) {
        const reason = why(r, r.actualValue!);
        const mark = layout.verdictMarks?.find((m) => m.verdict === r.verdict);
        const cell = mark ? grid.address(body.row, mark.col) : at();
        out.push(
          finding(
            "verdict-missing",
            cell,
            `Chưa ghi đánh giá ở ô ${cell}; theo số liệu phải là "${r.verdict}" vì ${reason.vi}.`,
            `No verdict in ${cell}; the figures say "${r.verdict === "Đạt" ? "Đạt (achieved)" : "Chưa đạt (not achieved)"}" because ${reason.en}.`,
            null,
            r.verdict,
          ),
        );
      } else if ((r.statedVerdict === "Đạt" || r.statedVerdict === "Chưa đạt") && r.statedVerdict !== r.verdict) {
        const reason = why(r, r.actualValue!);
        const cell = at();
        out.push(
          finding(
            "verdict-mismatch",
            cell,
            `Đánh giá ghi "${r.statedVerdictText}" nhưng phải là "${r.verdict}" vì ${reason.vi}.`,
            `The verdict says "${r.statedVerdictText}" but should be "${r.verdict}" because ${reason.en}.`,
            r.statedVerdictText,
            r.verdict,
          ),
        );
      }
    } else if (
      (r.statedVerdict === "Đạt" || r.statedVerdict === "Chưa đạt") &&
      hasActual(r) &&
      (r.target.kind === "qualitative" || r.target.kind === "relative" || r.target.kind === "exceed")
    ) {
      const cell = at();
      out.push(
        finding(
          "unverifiable-verdict",
          cell,
          `Không tự kiểm tra được đánh giá "${r.statedVerdictText}" ở ô ${cell} vì kế hoạch "${r.target.text.trim()}" không phải một con số hay một ngưỡng so sánh được.`,
          `The verdict "${r.statedVerdictText}" in ${cell} cannot be checked: the target "${r.target.text.trim()}" is neither a number nor a comparable bound.`,
          r.statedVerdictText,
          null,
        ),
      );
    }
  }
  return out;
}



/** Said once when the sheet has several periods' actuals and does not say which one its verdicts judge. */
function periodUnclear(model: Model, vCol: number, cols: number[]): Finding {
  const { grid, layout } = model;
  const cell = grid.address(layout.headerTop, vCol);
  const named = (c: number) => `${grid.address(layout.headerTop, c).replace(/\d+$/, "")} "${short(layout.headers.get(c) ?? "")}"`;
  const list = cols.map(named).join(", ");
  return finding(
    "unverifiable-verdict",
    cell,
    `Biểu có nhiều cột số thực hiện theo kỳ (${list}) nhưng không nói cột đánh giá ${cell.replace(/\d+$/, "")} đánh giá theo kỳ nào, nên không tự kiểm tra các đánh giá; hãy ghi rõ kỳ trong tiêu đề hoặc dòng số thứ tự cột (ví dụ "(7)=(6)/(4)"), hoặc chọn cột Thực hiện trong bảng cột.`,
    `The sheet has actuals for several periods (${list}) but does not say which period the verdict column ${cell.replace(/\d+$/, "")} judges, so its verdicts are not checked; name the period in the header or the column numbering row (e.g. "(7)=(6)/(4)"), or choose the actual column in the column map.`,
    null,
    null,
  );
}
