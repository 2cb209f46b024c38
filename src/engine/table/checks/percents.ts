/** percent-mismatch and percent-rounding. */
import { Decimal } from "../../decimal";
import { formatEnNumber, formatEnPercent, formatMoreDecimals, formatPercent, formatViNumber } from "../../numbers";
import { type Finding } from "../../report";
import { judgeStatedCell, readStatedPercent, statedApprox } from "../figures";
import { surelyOk } from "../fast";
import { finding, type Model, pairValues, isItemRow } from "../model";

/** percent-mismatch / percent-rounding for every percent column against its own target. */
export function checkPercents(model: Model): Finding[] {
  const { grid, layout } = model;
  const out: Finding[] = [];
  for (const body of model.rows) {
    if (!isItemRow(body)) continue;
    const reading = model.readings.get(body.row)!;
    for (const pc of layout.percents) {
      // The main percent column divides the very pair the reading already read and divided.
      const same = pc.target === reading.targetCol && pc.actual === layout.col.actual;
      const stated = pc === layout.percents[0] ? reading.stated : readStatedPercent(grid, body.row, pc.col);
      if (!stated) continue;
      // Most stated percents are right by far more than the rounding of plain numbers: no decimals needed.
      const approx = statedApprox(stated);
      if (same && reading.percentNumber !== null && approx !== undefined && surelyOk(approx, stated.decimals, reading.percentNumber)) continue;
      const { t, a } = same ? { t: reading.targetValue, a: reading.actualValue } : pairValues(grid, body.row, pc.target, pc.actual);
      if (t === undefined || a === undefined || t.isZero()) continue;
      const exact = same && reading.percent !== null ? reading.percent : a.div(t).times(100);
      const cell = grid.address(body.row, pc.col);
      const { judgement, shown: shownStated, decimals } = judgeStatedCell(stated, exact);
      if (judgement === "ok") continue;
      const tText = formatViNumber(t);
      const aText = formatViNumber(a);
      const statedText = formatViNumber(shownStated, decimals);
      const exactText = formatPercent(exact, Math.max(2, decimals));
      const en = { t: formatEnNumber(t), a: formatEnNumber(a), stated: formatEnNumber(shownStated, decimals), exact: formatEnPercent(exact, Math.max(2, decimals)) };
      if (judgement === "truncated") {
        // The exact value to more decimals than the stated one, so it does not read as the rounded value.
        const moreText = formatMoreDecimals(exact, decimals);
        const moreEn = formatMoreDecimals(exact, decimals, "en");
        out.push(
          finding(
            "percent-rounding",
            cell,
            `Tỷ lệ ghi ${statedText}% là số bị cắt bớt chữ số thập phân: ${aText}/${tText} = ${moreText}%, làm tròn đúng là ${formatViNumber(exact, decimals)}%.`,
            `The percent ${en.stated}% was truncated: ${en.a}/${en.t} = ${moreEn}%, which rounds to ${formatEnNumber(exact, decimals)}%.`,
            shownStated.toNumber(),
            exact.toNumber(),
          ),
        );
        continue;
      }
      const flips = flipsVerdict(shownStated, exact, reading.lowerIsBetter);
      out.push(
        finding(
          "percent-mismatch",
          cell,
          `Tỷ lệ ghi ${statedText}% nhưng ${aText}/${tText} = ${exactText}%${flips ? "; tỷ lệ đúng làm thay đổi kết quả đánh giá (ngưỡng 100%)" : ""}.`,
          `The percent says ${en.stated}% but ${en.a}/${en.t} = ${en.exact}%${flips ? "; the right percent changes the verdict (the 100% threshold)" : ""}.`,
          shownStated.toNumber(),
          exact.toNumber(),
        ),
      );
    }
  }
  return out;
}

function flipsVerdict(stated: Decimal, exact: Decimal, lowerIsBetter: boolean): boolean {
  const meets = (p: Decimal) => (lowerIsBetter ? p.lte(100) : p.gte(100));
  return meets(stated) !== meets(exact);
}

