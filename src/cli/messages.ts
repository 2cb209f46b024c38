/** Every sentence the command line says, Vietnamese first, with its English twin. */

export type Lang = "vi" | "en";

export interface Sentence {
  vi: string;
  en: string;
}

/** Why an input could not be read: one clear sentence each, never a stack trace. */
export const INPUT_ERRORS = {
  missing: { vi: "Không tìm thấy tệp hoặc thư mục này.", en: "This file or folder does not exist." },
  empty: { vi: "Tệp rỗng (0 byte), không phải một bảng tính Excel.", en: "The file is empty (0 bytes); it is not an Excel workbook." },
  xls: {
    vi: "Đây là tệp Excel đời cũ (.xls); hãy mở bằng Excel và lưu lại dưới dạng .xlsx rồi kiểm tra lại.",
    en: "This is an old Excel file (.xls); open it in Excel, save it as .xlsx and check it again.",
  },
  encrypted: {
    vi: "Tệp được đặt mật khẩu; hãy mở bằng Excel, bỏ mật khẩu (Tệp › Thông tin › Bảo vệ sổ làm việc) rồi kiểm tra lại.",
    en: "The file is password-protected; open it in Excel, remove the password (File › Info › Protect Workbook) and check it again.",
  },
  notZip: {
    vi: "Tệp không phải bảng tính Excel .xlsx (có thể là tệp văn bản hoặc CSV bị đổi đuôi).",
    en: "The file is not an Excel .xlsx workbook (it may be a text or CSV file renamed).",
  },
  notWorkbook: {
    vi: "Tệp nén này không chứa bảng tính Excel (thiếu phần workbook.xml).",
    en: "This zip file holds no Excel workbook (there is no workbook.xml part).",
  },
  corrupt: {
    vi: "Tệp .xlsx bị hỏng hoặc không đầy đủ nên không đọc được; hãy mở bằng Excel, lưu lại rồi kiểm tra lại.",
    en: "The .xlsx file is damaged or incomplete and cannot be read; open it in Excel, save it again and check it again.",
  },
  tooLarge: {
    vi: "Tệp quá lớn để kiểm tra (giới hạn 200 MB trên đĩa, 256 MB mỗi sheet khi giải nén, 20 triệu ô mỗi sheet); hãy tách bảng tính thành các tệp nhỏ hơn.",
    en: "The file is too large to check (limits: 200 MB on disk, 256 MB per sheet unpacked, 20 million cells per sheet); split the workbook into smaller files.",
  },
  doctype: {
    vi: "Tệp chứa khai báo DOCTYPE/entity trong XML, điều mà Excel không bao giờ ghi: tệp bị sửa hoặc không an toàn nên không được mở.",
    en: "The file holds an XML DOCTYPE/entity declaration, which Excel never writes: it was tampered with or is unsafe, so it is not opened.",
  },
  missingSharedStrings: {
    vi: "Tệp .xlsx thiếu phần chuỗi dùng chung (sharedStrings.xml) mà các ô văn bản cần; hãy mở bằng Excel, lưu lại rồi kiểm tra lại.",
    en: "The .xlsx file lacks the shared strings part (sharedStrings.xml) its text cells need; open it in Excel, save it again and check it again.",
  },
  directoryExpected: { vi: "Đây là một thư mục, không phải một tệp.", en: "This is a folder, not a file." },
} satisfies Record<string, Sentence>;

export type InputErrorCode = keyof typeof INPUT_ERRORS;

/** An input that cannot be read: the CLI prints its sentence and exits 2. */
export class InputError extends Error {
  constructor(
    readonly code: InputErrorCode,
    readonly detail?: string,
  ) {
    super(INPUT_ERRORS[code].vi);
    this.name = "InputError";
  }

  sentence(lang: Lang): string {
    return INPUT_ERRORS[this.code][lang];
  }
}

export const USAGE: Sentence = {
  vi: `Soát Biểu — kiểm tra biểu đánh giá kết quả thực hiện nhiệm vụ / chỉ tiêu

Cách dùng:
  soat-bieu check TỆP_HOẶC_THƯ_MỤC [--json] [--lang en] [--report TỔNG_HỢP.xlsx|.csv] [--workers N]
                                                           kiểm tra một tệp .xlsx hoặc mọi tệp .xlsx trong thư mục
  soat-bieu check TỆP --annotate TỆP_RA.xlsx [--force]    kiểm tra và ghi một bản sao có tô màu, ghi chú ở ô có vấn đề
  soat-bieu recalc TỆP -o TỆP_RA.xlsx [--force]           tính lại tỷ lệ và đánh giá vào một bản sao
  soat-bieu template [-o TỆP_RA.xlsx] [--from KỲ_TRƯỚC.xlsx] [--xa "TÊN XÃ"] [--ky "KỲ BÁO CÁO"]
                                                           tạo biểu mẫu chỉ tiêu trống (hoặc lấy danh mục chỉ tiêu của kỳ trước)

Mã thoát: 0 không có lỗi, 1 có lỗi trong biểu, 2 không đọc được tệp.`,
  en: `Soát Biểu — checks evaluation sheets of tasks and indicators

Usage:
  soat-bieu check FILE_OR_FOLDER [--json] [--lang en] [--report SUMMARY.xlsx|.csv] [--workers N]
                                                        check one .xlsx file or every .xlsx file in a folder
  soat-bieu check FILE --annotate OUT.xlsx [--force]    check and write a copy with the problem cells coloured and noted
  soat-bieu recalc FILE -o OUT.xlsx [--force]           recalculate percents and verdicts into a copy
  soat-bieu template [-o OUT.xlsx] [--from PREVIOUS.xlsx] [--xa COMMUNE] [--ky PERIOD]
                                                        create a blank indicator table (or carry over a previous period's indicators)

Exit status: 0 no errors, 1 errors in the sheets, 2 a file could not be read.`,
};

export const CLI_TEXT = {
  unknownCommand: { vi: "Lệnh không hợp lệ: {0}. Gõ soat-bieu --help để xem cách dùng.", en: "Unknown command: {0}. Run soat-bieu --help for usage." },
  missingArg: { vi: "Thiếu tham số: {0}.", en: "Missing argument: {0}." },
  outputExists: {
    vi: "Tệp {0} đã có; dùng --force để ghi đè.",
    en: "{0} already exists; use --force to overwrite it.",
  },
  sameAsInput: { vi: "Tệp ra phải khác tệp vào: Soát Biểu không bao giờ ghi đè tệp gốc.", en: "The output must differ from the input: Soát Biểu never overwrites the original." },
  cannotWrite: { vi: "Không ghi được tệp {0}: {1}.", en: "Cannot write {0}: {1}." },
  recalcDone: { vi: "Đã ghi {0} ô (tỷ lệ và đánh giá) vào {1}; tệp gốc giữ nguyên.", en: "Wrote {0} cells (percents and verdicts) to {1}; the original is unchanged." },
  recalcNothing: { vi: "Không có ô nào cần tính lại; đã sao chép sang {0}.", en: "No cell needed recalculating; copied to {0}." },
  annotateDone: {
    vi: "Đã tô màu và ghi chú {0} ô có vấn đề vào {1}; tệp gốc giữ nguyên.",
    en: "Coloured and noted {0} problem cells in {1}; the original is unchanged.",
  },
  annotateFolder: { vi: "--annotate chỉ dùng cho một tệp, không dùng cho thư mục.", en: "--annotate works on one file, not on a folder." },
  templateDone: { vi: "Đã tạo biểu mẫu {0}.", en: "Created the template {0}." },
  templateRenumbered: {
    vi: "Biểu kỳ trước đánh số lệch; biểu mới đánh số lại: {0}.",
    en: "The previous table's numbering slipped; the new one is renumbered: {0}.",
  },
  templateBaselines: {
    vi: "Giữ hai cột kế hoạch của biểu kỳ trước: {0}.",
    en: "Both target columns of the previous table are kept: {0}.",
  },
  noIndicators: {
    vi: "Không tìm thấy biểu chỉ tiêu nào trong {0} để lấy danh mục chỉ tiêu.",
    en: "No indicator table was found in {0} to take the indicator list from.",
  },
  noXlsx: { vi: "Thư mục không có tệp .xlsx nào.", en: "The folder holds no .xlsx file." },
  unexpected: { vi: "Lỗi không mong đợi: {0}.", en: "Unexpected error: {0}." },
} satisfies Record<string, Sentence>;

export function say(s: Sentence, lang: Lang, ...args: (string | number)[]): string {
  return s[lang].replace(/\{(\d)\}/g, (_m, i) => String(args[Number(i)] ?? ""));
}
