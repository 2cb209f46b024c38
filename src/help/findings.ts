/**
 * What each kind of finding means, for the people who read the findings: what it checks, an
 * example, how to fix it. One source for the task pane (the "?" beside a finding), the command
 * line (`soat-bieu help check`, `soat-bieu help KIND`) and docs/findings.md (generated from this
 * table by `npm run docs:findings`; a test keeps the page and the table in step).
 * Pure data: no Node, no DOM.
 */
import { SEVERITY, type FindingKind, type Severity } from "../engine";

export type HelpLang = "vi" | "en";

interface Text {
  /** The kind's name, as the pane and the summary workbook show it. */
  title: string;
  /** What the check compares. */
  checks: string;
  /** A finding of this kind, as it reads. */
  example: string;
  /** What to change in the sheet. */
  fix: string;
}

export interface KindHelp {
  kind: FindingKind;
  severity: Severity;
  vi: Text;
  en: Text;
}

/** Severity names, the same in the pane, the command line and the summary workbook. "Lưu ý", not "Ghi chú": that is a column of the sheet and Excel's notes. */
export const SEVERITY_NAME: Record<HelpLang, Record<Severity, string>> = {
  vi: { error: "Lỗi", warning: "Cảnh báo", info: "Lưu ý" },
  en: { error: "Error", warning: "Warning", info: "Info" },
};

const HELP: Record<FindingKind, { vi: Text; en: Text }> = {
  "percent-mismatch": {
    vi: {
      title: "Tỷ lệ sai",
      checks: "Tỷ lệ (%) ghi trong biểu so với thực hiện ÷ kế hoạch × 100 tính lại, chấp nhận chênh lệch do làm tròn.",
      example: "Tỷ lệ ghi 96,9% nhưng 498,6/520 = 95,88%.",
      fix: "Sửa ô tỷ lệ thành giá trị đúng, hoặc dùng Tính lại để ghi công thức =thực hiện/kế hoạch*100. Nếu chính số thực hiện hay kế hoạch sai, sửa số đó.",
    },
    en: {
      title: "Wrong percent",
      checks: "The stated percent against actual ÷ target × 100, recomputed, allowing for rounding.",
      example: "The percent says 96.9% but 498.6/520 = 95.88%.",
      fix: "Correct the percent cell, or use Recalculate to write the formula =actual/target*100. If the actual or the target is the wrong figure, correct that one.",
    },
  },
  "percent-rounding": {
    vi: {
      title: "Tỷ lệ làm tròn khác",
      checks: "Tỷ lệ đúng đến chữ số đã ghi nhưng bị cắt bớt thay vì làm tròn (96,46% ghi 96,4%).",
      example: "Tỷ lệ ghi 96,4% là số bị cắt bớt chữ số thập phân: 409/424 = 96,46%, làm tròn đúng là 96,5%.",
      fix: "Ghi số đã làm tròn (96,5%), hoặc để Excel định dạng ô với số chữ số thập phân mong muốn thay vì gõ tay.",
    },
    en: {
      title: "Percent rounded differently",
      checks: "A percent right to the digits written but cut off instead of rounded (96.46% written 96.4%).",
      example: "The percent 96.4% was truncated: 409/424 = 96.46%, which rounds to 96.5%.",
      fix: "Write the rounded figure (96.5%), or let Excel format the cell with the decimals wanted instead of typing it.",
    },
  },
  "verdict-mismatch": {
    vi: {
      title: "Đánh giá sai",
      checks: "Đánh giá Đạt / Chưa đạt ghi trong biểu so với đánh giá suy ra từ thực hiện và kế hoạch (kể cả kế hoạch dạng \"Từ 55% trở lên\", \"Dưới 2%\" và chỉ tiêu càng thấp càng tốt).",
      example: "Đánh giá ghi \"Đạt\" nhưng phải là \"Chưa đạt\" vì thực hiện 48,2 không thỏa mãn kế hoạch \"Từ 55% trở lên\" (≥ 55).",
      fix: "Sửa ô đánh giá theo số liệu, hoặc dùng Tính lại để ghi công thức đánh giá. Nếu số thực hiện ghi nhầm, sửa số đó.",
    },
    en: {
      title: "Wrong verdict",
      checks: "The stated Đạt / Chưa đạt against the verdict that follows from actual and target (including targets such as \"Từ 55% trở lên\" and lower-is-better indicators).",
      example: "The verdict says \"Đạt\" but must be \"Chưa đạt\": the actual 48.2 does not meet the target \"Từ 55% trở lên\" (≥ 55).",
      fix: "Correct the verdict cell, or use Recalculate to write the verdict formula. If the actual is the wrong figure, correct that one.",
    },
  },
  "verdict-conflict": {
    vi: {
      title: "Đánh giá mâu thuẫn",
      checks: "Một nhiệm vụ được ghi hai kết quả đánh giá khác nhau (ở phần đầu và ở câu kết luận).",
      example: "Nhiệm vụ 1.3.4 vừa được ghi \"(đánh giá đạt)\" ở phần đầu vừa được kết luận \"đánh giá chưa đạt\": một nhiệm vụ chỉ có một kết quả đánh giá.",
      fix: "Giữ một kết quả đánh giá đúng và sửa chỗ còn lại cho thống nhất.",
    },
    en: {
      title: "Conflicting verdicts",
      checks: "A task given two different verdicts (in its heading and in its conclusion).",
      example: "Task 1.3.4 is called \"(đánh giá đạt)\" in its heading but concluded \"đánh giá chưa đạt\": a task has one verdict.",
      fix: "Keep the one right verdict and make the other agree.",
    },
  },
  "rollup-mismatch": {
    vi: {
      title: "Tổng hợp sai",
      checks: "Đánh giá của một nhóm hay nhiệm vụ lớn so với đánh giá của các phần con: chỉ đạt khi mọi phần con đều đạt.",
      example: "Nhiệm vụ 1.4 được đánh giá chưa đạt nhưng cả 3 nội dung (1.4.1, 1.4.2, 1.4.3) đều đạt: hoặc nhiệm vụ đạt, hoặc có nội dung chưa đạt bị ghi nhầm.",
      fix: "Sửa đánh giá của nhóm, hoặc đánh giá của phần con bị ghi nhầm.",
    },
    en: {
      title: "Wrong roll-up",
      checks: "A group's or a task's verdict against the verdicts of its parts: achieved only when every part is.",
      example: "Task 1.4 is called not achieved but all 3 of its parts (1.4.1, 1.4.2, 1.4.3) are achieved.",
      fix: "Correct the group's verdict, or the part's verdict that was written wrongly.",
    },
  },
  "count-mismatch": {
    vi: {
      title: "Đếm sai",
      checks: "Câu tổng kết kiểu \"02 nhiệm vụ chưa đạt\", \"có 5 chỉ tiêu\" so với số nhiệm vụ / chỉ tiêu đếm được theo từng đánh giá.",
      example: "Ghi \"02 nhiệm vụ chưa đạt\" nhưng theo đánh giá từng nhiệm vụ (3.1 chưa đánh giá; 3.2 chưa đánh giá) không có nhiệm vụ nào chưa đạt.",
      fix: "Sửa con số trong câu tổng kết, hoặc bổ sung đánh giá còn thiếu của từng nhiệm vụ.",
    },
    en: {
      title: "Wrong count",
      checks: "A summary sentence such as \"02 nhiệm vụ chưa đạt\" against the count of tasks or indicators by their own verdicts.",
      example: "It says \"02 nhiệm vụ chưa đạt\" but by each task's verdict no task is not achieved.",
      fix: "Correct the number in the summary sentence, or add the missing verdicts of the tasks.",
    },
  },
  "verdict-missing": {
    vi: {
      title: "Thiếu đánh giá",
      checks: "Chỉ tiêu có đủ kế hoạch và thực hiện nhưng ô đánh giá để trống.",
      example: "Chưa ghi đánh giá ở ô I24; theo số liệu phải là \"Đạt\" vì thực hiện 8 ≥ kế hoạch 8.",
      fix: "Ghi đánh giá theo số liệu, hoặc dùng Tính lại để ghi công thức đánh giá.",
    },
    en: {
      title: "Missing verdict",
      checks: "An indicator with a target and an actual but an empty verdict cell.",
      example: "No verdict in I24; by the figures it is \"Đạt\": the actual 8 ≥ the target 8.",
      fix: "Write the verdict the figures give, or use Recalculate to write the verdict formula.",
    },
  },
  "missing-target": {
    vi: {
      title: "Thiếu kế hoạch",
      checks: "Chỉ tiêu có số thực hiện nhưng không có kế hoạch, nên không tính được tỷ lệ và đánh giá.",
      example: "Chỉ tiêu \"Giao quân\" có số thực hiện 12 nhưng không có kế hoạch ở ô D20, nên không tính được tỷ lệ và đánh giá.",
      fix: "Điền kế hoạch được giao; nếu chỉ tiêu không có kế hoạch, ghi rõ ở cột ghi chú.",
    },
    en: {
      title: "Missing target",
      checks: "An indicator with an actual but no target, so neither percent nor verdict can be computed.",
      example: "\"Giao quân\" has an actual of 12 but no target in D20, so neither percent nor verdict can be computed.",
      fix: "Fill in the target that was set; if there is none, say so in the note column.",
    },
  },
  "total-mismatch": {
    vi: {
      title: "Tổng sai",
      checks: "Số của một dòng tổng so với tổng các dòng chi tiết bên dưới (\"-\" hoặc 1.1, 1.2…).",
      example: "Ô F14 ghi 1.154 nhưng cộng các dòng chi tiết bên dưới: 312 + 205 + 540 + 87 = 1.144.",
      fix: "Sửa dòng tổng, hoặc dòng chi tiết bị ghi nhầm; dùng công thức =SUM(…) để tổng luôn đúng.",
    },
    en: {
      title: "Wrong total",
      checks: "A total row against the sum of the detail rows under it (\"-\" or 1.1, 1.2…).",
      example: "F14 says 1,154 but the detail rows below add up to 312 + 205 + 540 + 87 = 1,144.",
      fix: "Correct the total, or the detail row that is wrong; a =SUM(…) formula keeps the total right.",
    },
  },
  "arithmetic-mismatch": {
    vi: {
      title: "Phép tính sai",
      checks: "Phép tính viết trong lời văn (cộng, trừ, chia, tỷ lệ \"409/424 = 96,46%\") so với kết quả tính lại.",
      example: "Phép tính ghi 120 + 45 = 175 nhưng 120 + 45 = 165.",
      fix: "Sửa kết quả trong câu, hoặc số hạng bị ghi nhầm.",
    },
    en: {
      title: "Wrong arithmetic",
      checks: "Arithmetic written in the prose (sums, differences, ratios such as \"409/424 = 96.46%\") against the result recomputed.",
      example: "The sum says 120 + 45 = 175 but 120 + 45 = 165.",
      fix: "Correct the result in the sentence, or the term that is wrong.",
    },
  },
  "malformed-number": {
    vi: {
      title: "Số viết sai",
      checks: "Con số viết sai quy cách (dấu chấm phân cách hàng nghìn không đứng trước đúng ba chữ số, hai dấu phẩy…), nên không biết là số nào.",
      example: "Số \"2.800.00đ\" viết sai: dấu chấm phân cách hàng nghìn phải đứng trước đúng ba chữ số, nên không biết đây là số nào.",
      fix: "Viết lại số cho đúng (2.800.000đ hay 2.800,00đ), theo cách viết số của tiếng Việt: chấm phân cách hàng nghìn, phẩy thập phân.",
    },
    en: {
      title: "Malformed number",
      checks: "A number written against the rules (a thousands dot not followed by exactly three digits, two decimal commas…), so it cannot be read.",
      example: "The number \"2.800.00đ\" is malformed: a thousands dot must be followed by exactly three digits.",
      fix: "Rewrite the number (2.800.000đ or 2.800,00đ), the Vietnamese way: dot for thousands, comma for decimals.",
    },
  },
  "number-as-text": {
    vi: {
      title: "Số lưu dạng chữ",
      checks: "Ô chứa một con số nhưng được lưu dưới dạng văn bản, nên Excel không cộng, không chia được.",
      example: "Ô F9 ghi số 1.250 dưới dạng văn bản; đã đọc là 1.250, nên nhập dạng số để Excel tính được.",
      fix: "Nhập lại dạng số, hoặc dùng Chuẩn hóa để đổi mọi số dạng chữ thành số (xem trước từng ô, hoàn tác được).",
    },
    en: {
      title: "Number stored as text",
      checks: "A cell holding a number stored as text, which Excel will not add or divide.",
      example: "F9 holds the number 1.250 as text; it was read as 1,250; enter it as a number so Excel can compute with it.",
      fix: "Re-enter it as a number, or use Normalise to turn every text number into a number (previewed cell by cell, undoable).",
    },
  },
  "unit-mismatch": {
    vi: {
      title: "Đơn vị không khớp",
      checks: "Cùng một khoản tiền được ghi ở hai chỗ bằng hai đơn vị (đồng, triệu đồng, tỷ đồng) mà hai con số lệch nhau đúng một bậc đơn vị.",
      example: "Cùng một khoản tiền được ghi bằng hai đơn vị: \"1.250 triệu đồng\" và \"1,25 triệu đồng\" lệch nhau 1.000 lần; cần thống nhất một đơn vị (đồng, triệu đồng hoặc tỷ đồng).",
      fix: "Chọn một đơn vị cho khoản tiền đó và sửa chỗ ghi nhầm đơn vị.",
    },
    en: {
      title: "Unit mismatch",
      checks: "The same amount of money written in two places in two scales (đồng, triệu đồng, tỷ đồng), the figures differing by exactly one scale step.",
      example: "The same amount is written in two money scales: \"1.250 triệu đồng\" and \"1,25 triệu đồng\" differ 1,000 times; use one unit.",
      fix: "Pick one unit for that amount and correct the place that used the wrong one.",
    },
  },
  "numbering-gap": {
    vi: {
      title: "Số thứ tự bị nhảy",
      checks: "Số thứ tự (1, 2, 3… hay 1.1, 1.2…) so với số đứng trước: thiếu một số hoặc đánh nhầm.",
      example: "Số thứ tự 16 đứng ngay sau 14: số tiếp theo phải là 15, có thể thiếu một chỉ tiêu hoặc đánh số nhầm.",
      fix: "Đánh lại số thứ tự, hoặc bổ sung chỉ tiêu / nội dung còn thiếu.",
    },
    en: {
      title: "Numbering gap",
      checks: "Each row number (1, 2, 3… or 1.1, 1.2…) against the one before: a number skipped or mistyped.",
      example: "Row number 16 comes right after 14: the next number is 15; an indicator may be missing or misnumbered.",
      fix: "Renumber, or add the missing indicator or part.",
    },
  },
  "formula-error": {
    vi: {
      title: "Công thức lỗi",
      checks: "Ô số liệu hiển thị lỗi của Excel (#DIV/0!, #VALUE!, #REF!…) thay vì một giá trị.",
      example: "Ô G29 hiển thị lỗi #DIV/0!: kế hoạch bằng 0 hoặc để trống nên công thức chia cho 0.",
      fix: "Sửa công thức hoặc số liệu nó dùng; với tỷ lệ, để trống khi chưa có kế hoạch (Tính lại ghi công thức có kiểm tra này).",
    },
    en: {
      title: "Formula error",
      checks: "A figure cell showing an Excel error (#DIV/0!, #VALUE!, #REF!…) instead of a value.",
      example: "G29 shows #DIV/0!: the target is 0 or empty, so the formula divides by 0.",
      fix: "Correct the formula or the figures it uses; a percent stays blank until there is a target (Recalculate writes a formula that does so).",
    },
  },
  "figure-conflict": {
    vi: {
      title: "Số liệu không thống nhất",
      checks: "Cùng một số liệu được nhắc ở hai chỗ trong lời văn với hai giá trị khác nhau.",
      example: "Cùng một số liệu được ghi hai giá trị khác nhau: \"trồng rừng mới 25 ha\" ở đây và \"trồng rừng mới 23 ha\" ở ô B7; cần thống nhất một số liệu.",
      fix: "Đối chiếu số liệu gốc và sửa chỗ ghi sai cho thống nhất.",
    },
    en: {
      title: "Conflicting figures",
      checks: "The same figure mentioned twice in the prose with two different values.",
      example: "The same figure is given two values: \"trồng rừng mới 25 ha\" here and \"trồng rừng mới 23 ha\" in B7.",
      fix: "Check the source figure and make both places agree.",
    },
  },
  "unverifiable-verdict": {
    vi: {
      title: "Không kiểm được đánh giá",
      checks: "Đánh giá có ghi nhưng kế hoạch không phải một con số hay một ngưỡng so sánh được (\"Hoàn thành\", \"Đảm bảo theo kế hoạch\"), nên Soát Biểu không tự kiểm được.",
      example: "Không tự kiểm tra được đánh giá \"Đạt\" ở ô I18 vì kế hoạch \"Hoàn thành\" không phải một con số hay một ngưỡng so sánh được.",
      fix: "Không cần sửa nếu đánh giá đúng; người duyệt tự đối chiếu. Ghi kế hoạch bằng con số (\"100%\", \"Từ 90% trở lên\") để kiểm được.",
    },
    en: {
      title: "Verdict cannot be checked",
      checks: "A verdict whose target is neither a number nor a comparable bound (\"Hoàn thành\"), so it cannot be checked automatically.",
      example: "The verdict \"Đạt\" in I18 cannot be checked: the target \"Hoàn thành\" is neither a number nor a comparable bound.",
      fix: "Nothing to fix if the verdict is right; the reviewer checks it by hand. A numeric target (\"100%\", \"Từ 90% trở lên\") makes it checkable.",
    },
  },
  "formula-uncomputed": {
    vi: {
      title: "Công thức chưa được tính",
      checks: "Ô có công thức nhưng tệp không lưu giá trị đã tính (tệp do một chương trình ghi ra, chưa mở bằng Excel), và công thức không thuộc dạng đơn giản Soát Biểu tự tính được, nên ô đó không được kiểm.",
      example: "Ô G12 có công thức =VLOOKUP(B12;'Số liệu'!A:C;3;0) nhưng tệp không lưu giá trị đã tính; Soát Biểu không kiểm ô này.",
      fix: "Mở tệp bằng Excel hoặc LibreOffice, để bảng tính tự tính lại rồi lưu; sau đó kiểm tra lại.",
    },
    en: {
      title: "Formula not computed",
      checks: "A formula cell saved without its computed value (a file written by a program and never opened in Excel) whose formula is not one of the simple forms Soát Biểu computes itself, so the cell is not checked.",
      example: "G12 holds =VLOOKUP(B12,'Số liệu'!A:C,3,0) but the file keeps no computed value; Soát Biểu does not check this cell.",
      fix: "Open the file in Excel or LibreOffice, let it recalculate and save; then check again.",
    },
  },
};

/** Every kind, in the order of SPEC §6 (the order of the SEVERITY table). */
export const KIND_HELP: KindHelp[] = (Object.keys(SEVERITY) as FindingKind[]).map((kind) => ({ kind, severity: SEVERITY[kind], ...HELP[kind] }));

export function kindHelp(kind: string): KindHelp | undefined {
  return KIND_HELP.find((k) => k.kind === kind);
}

/** Kind → its name in the language. */
export function kindTitles(lang: HelpLang): Record<FindingKind, string> {
  return Object.fromEntries(KIND_HELP.map((k) => [k.kind, k[lang].title])) as Record<FindingKind, string>;
}

const LABELS = {
  vi: { severity: "Mức độ", checks: "Kiểm tra gì", example: "Ví dụ", fix: "Cách sửa" },
  en: { severity: "Severity", checks: "What it checks", example: "Example", fix: "How to fix" },
};

/** One kind as plain text (the command line's `soat-bieu help KIND`). */
export function kindText(k: KindHelp, lang: HelpLang): string {
  const l = LABELS[lang];
  const t = k[lang];
  return [`${t.title} (${k.kind}) — ${l.severity}: ${SEVERITY_NAME[lang][k.severity]}`, `  ${l.checks}: ${t.checks}`, `  ${l.example}: ${t.example}`, `  ${l.fix}: ${t.fix}`].join("\n");
}

export const KIND_LABELS = LABELS;

/** docs/findings.md: a section per kind, Vietnamese first with its English twin. */
export function findingsMarkdown(): string {
  const out = [
    "# Các loại phát hiện / Finding kinds",
    "",
    "<!-- Sinh từ src/help/findings.ts bằng `npm run docs:findings`; đừng sửa tay. Generated from src/help/findings.ts. -->",
    "",
    "Mỗi phát hiện của Soát Biểu thuộc một loại dưới đây. Trong ngăn Soát Biểu, nút **?** bên cạnh một phát hiện mở đúng mục này; trên dòng lệnh: `soat-bieu help LOẠI` (ví dụ `soat-bieu help percent-mismatch`).",
    "",
    "Every Soát Biểu finding is of one of the kinds below. In the pane the **?** beside a finding opens its section; on the command line: `soat-bieu help KIND`.",
    "",
    `Mức độ / severity: **${SEVERITY_NAME.vi.error}** (${SEVERITY_NAME.en.error}) — số liệu mâu thuẫn, phải sửa; **${SEVERITY_NAME.vi.warning}** (${SEVERITY_NAME.en.warning}) — nên xem lại; **${SEVERITY_NAME.vi.info}** (${SEVERITY_NAME.en.info}) — để biết, không làm sai kết quả.`,
    "",
  ];
  for (const k of KIND_HELP) {
    out.push(`<a id="${k.kind}"></a>`, "", `## ${k.vi.title} — ${k.en.title}`, "", `\`${k.kind}\` · ${SEVERITY_NAME.vi[k.severity]} / ${SEVERITY_NAME.en[k.severity]}`, "");
    for (const lang of ["vi", "en"] as const) {
      const l = LABELS[lang];
      out.push(`- **${l.checks}:** ${k[lang].checks}`, `- **${l.example}:** ${k[lang].example}`, `- **${l.fix}:** ${k[lang].fix}`, "");
    }
  }
  return out.join("\n");
}
