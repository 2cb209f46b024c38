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
    vi: "Tệp không phải bảng tính Excel .xlsx và cũng không phải một định dạng Soát Biểu nhận ra; hãy mở bằng Excel và lưu dưới dạng .xlsx.",
    en: "The file is not an Excel .xlsx workbook, nor a format Soát Biểu recognises; open it in Excel and save it as .xlsx.",
  },
  csv: {
    vi: "Tệp là bảng CSV (văn bản phân cách bằng dấu phẩy) bị đổi đuôi, không phải bảng tính Excel .xlsx; hãy mở bằng Excel và lưu dưới dạng .xlsx.",
    en: "The file is a CSV table (comma-separated text) renamed, not an Excel .xlsx workbook; open it in Excel and save it as .xlsx.",
  },
  text: {
    vi: "Tệp là văn bản thuần, không phải bảng tính Excel .xlsx; hãy chọn tệp Excel của biểu.",
    en: "The file is plain text, not an Excel .xlsx workbook; choose the sheet's Excel file.",
  },
  word: {
    vi: "Đây là tệp Word (văn bản), không phải bảng tính Excel; hãy chọn tệp Excel .xlsx của biểu.",
    en: "This is a Word document, not an Excel workbook; choose the sheet's Excel .xlsx file.",
  },
  pdf: {
    vi: "Đây là tệp PDF, không phải bảng tính Excel; hãy chọn tệp Excel .xlsx của biểu.",
    en: "This is a PDF file, not an Excel workbook; choose the sheet's Excel .xlsx file.",
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
    vi: "Tệp quá lớn để kiểm tra (giới hạn 200 MB trên đĩa, 256 MB mỗi trang tính khi giải nén, 20 triệu ô mỗi trang tính); hãy tách bảng tính thành các tệp nhỏ hơn.",
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
  soat-bieu check TỆP_HOẶC_THƯ_MỤC [--json] [--lang en] [--report TỔNG_HỢP.xlsx|.csv] [--workers N] [--force]
                                                           kiểm tra một tệp .xlsx hoặc mọi tệp .xlsx trong thư mục
  soat-bieu check TỆP --annotate TỆP_RA.xlsx [--force]    kiểm tra và ghi một bản sao có tô màu, ghi chú ở ô có vấn đề
  soat-bieu recalc TỆP -o TỆP_RA.xlsx [--force]           tính lại tỷ lệ và đánh giá vào một bản sao
  soat-bieu template [-o TỆP_RA.xlsx] [--from KỲ_TRƯỚC.xlsx] [--xa "TÊN XÃ"] [--ky "KỲ BÁO CÁO"] [--force]
                                                           tạo biểu mẫu chỉ tiêu trống (hoặc lấy danh mục chỉ tiêu của kỳ trước)
  soat-bieu help [check | recalc | template | LOẠI]       hướng dẫn một lệnh, hoặc giải thích một loại phát hiện
  soat-bieu --version                                      in số phiên bản

Mã thoát: 0 không có lỗi; 1 có lỗi trong biểu; 2 không kiểm tra được (không đọc được tệp,
không nhận dạng được biểu nào, hoặc tham số sai).`,
  en: `Soát Biểu — checks evaluation sheets of tasks and indicators

Usage:
  soat-bieu check FILE_OR_FOLDER [--json] [--lang en] [--report SUMMARY.xlsx|.csv] [--workers N] [--force]
                                                        check one .xlsx file or every .xlsx file in a folder
  soat-bieu check FILE --annotate OUT.xlsx [--force]    check and write a copy with the problem cells coloured and noted
  soat-bieu recalc FILE -o OUT.xlsx [--force]           recalculate percents and verdicts into a copy
  soat-bieu template [-o OUT.xlsx] [--from PREVIOUS.xlsx] [--xa COMMUNE] [--ky PERIOD] [--force]
                                                        create a blank indicator table (or carry over a previous period's indicators)
  soat-bieu help [check | recalc | template | KIND]    help on a command, or what a kind of finding means
  soat-bieu --version                                   print the version

Exit status: 0 no errors; 1 errors in the sheets; 2 nothing could be checked (a file could not be
read, no sheet was recognised, or the arguments are wrong).`,
};

/** `soat-bieu help check`: every option, the exit status and the kinds of findings. */
export const HELP_CHECK: Sentence = {
  vi: `soat-bieu check TỆP_HOẶC_THƯ_MỤC [tùy chọn]

Kiểm tra một tệp .xlsx, hoặc mọi tệp .xlsx trong một thư mục (một tệp hỏng được báo và các tệp
khác vẫn được kiểm tra). Tệp gốc không bao giờ bị ghi.

Tùy chọn:
  --json                  in tài liệu JSON (SPEC §8) ra stdout, không in gì khác ra stdout
  --lang en               thông báo bằng tiếng Anh
  --report TỆP.xlsx|.csv  ghi bảng tổng hợp cho người duyệt (.xlsx: một dòng mỗi tệp, một dòng mỗi
                          phát hiện; .csv: các phát hiện); không ghi đè tệp đã có nếu không có --force
  --annotate TỆP_RA.xlsx  ghi một bản sao có tô màu (đỏ nhạt: lỗi, vàng: cảnh báo) và ghi chú ở ô có
                          vấn đề (chỉ cho một tệp)
  --workers N             số luồng khi kiểm tra thư mục (mặc định: tự chọn)
  --force, -f             cho phép ghi đè tệp ra đã có

Mã thoát: 0 không có lỗi; 1 có lỗi trong biểu; 2 không kiểm tra được (không đọc được tệp, không
nhận dạng được biểu nào, hoặc tham số sai).

Các loại phát hiện (soat-bieu help LOẠI để xem giải thích, ví dụ và cách sửa):`,
  en: `soat-bieu check FILE_OR_FOLDER [options]

Checks one .xlsx file, or every .xlsx file in a folder (a bad file is reported and the others are
still checked). The input is never written.

Options:
  --json                  print the JSON document (SPEC §8) on stdout, and nothing else on stdout
  --lang en               messages in English
  --report FILE.xlsx|.csv write a summary for the reviewer (.xlsx: a row per file and a row per
                          finding; .csv: the findings); an existing file is kept unless --force
  --annotate OUT.xlsx     write a copy with the problem cells coloured (light red: error, yellow:
                          warning) and noted (one file only)
  --workers N             threads for a folder (default: chosen for you)
  --force, -f             allow overwriting an existing output

Exit status: 0 no errors; 1 errors in the sheets; 2 nothing could be checked (a file could not be
read, no sheet was recognised, or the arguments are wrong).

Kinds of findings (soat-bieu help KIND for its explanation, an example and how to fix it):`,
};

export const HELP_RECALC: Sentence = {
  vi: `soat-bieu recalc TỆP.xlsx -o TỆP_RA.xlsx [--force]

Ghi tỷ lệ (công thức sống) và đánh giá vào một bản sao; tệp gốc không bao giờ bị ghi. Không ghi đè
tệp ra đã có nếu không có --force (-f).`,
  en: `soat-bieu recalc FILE.xlsx -o OUT.xlsx [--force]

Writes percents (live formulas) and verdicts into a copy; the input is never written. An existing
output is kept unless --force (-f).`,
};

export const HELP_TEMPLATE: Sentence = {
  vi: `soat-bieu template [-o TỆP_RA.xlsx] [--from KỲ_TRƯỚC.xlsx] [--xa "TÊN XÃ"] [--ky "KỲ BÁO CÁO"] [--force]

Tạo biểu chỉ tiêu trống (mặc định soat-bieu-mau.xlsx): công thức tỷ lệ và đánh giá, danh sách
Đạt / Chưa đạt / Chưa đánh giá, khổ A4 ngang, phần chữ ký.
  -o, --out TỆP_RA.xlsx   tên tệp ra
  --from KỲ_TRƯỚC.xlsx    chép danh mục chỉ tiêu của kỳ trước, để trống số liệu
  --xa "TÊN XÃ"           tên xã cho tiêu đề
  --ky "KỲ BÁO CÁO"       kỳ báo cáo cho tiêu đề
  --force, -f             cho phép ghi đè tệp ra đã có`,
  en: `soat-bieu template [-o OUT.xlsx] [--from PREVIOUS.xlsx] [--xa COMMUNE] [--ky PERIOD] [--force]

Creates a blank indicator table (soat-bieu-mau.xlsx unless named): percent and verdict formulas,
a Đạt / Chưa đạt / Chưa đánh giá list, A4 landscape, the signature block.
  -o, --out OUT.xlsx      the output file
  --from PREVIOUS.xlsx    carry over a previous period's indicator list, figures blank
  --xa COMMUNE            the commune for the title
  --ky PERIOD             the reporting period for the title
  --force, -f             allow overwriting an existing output`,
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
  noXlsx: { vi: "Thư mục {0} không có tệp .xlsx nào để kiểm tra.", en: "The folder {0} holds no .xlsx file to check." },
  reportExtension: {
    vi: "--report ghi được tệp .xlsx hoặc .csv, không ghi được \"{0}\".",
    en: "--report writes an .xlsx or a .csv file, not \"{0}\".",
  },
  nothingRecognised: {
    vi: "Không nhận dạng được biểu nào trong {0} của tệp: không có biểu chỉ tiêu hay biểu đánh giá nhiệm vụ để kiểm tra.",
    en: "No sheet was recognised among the file's {0}: there is no indicator table or task evaluation to check.",
  },
  nothingRecognisedFolder: {
    vi: "Không nhận dạng được biểu nào trong {0} của thư mục {1}: kết quả này không có nghĩa là các biểu đúng.",
    en: "No sheet was recognised in the {0} of the folder {1}: this does not mean the sheets are right.",
  },
  unknownHelp: {
    vi: "Không có hướng dẫn cho \"{0}\". Gõ soat-bieu help check để xem các lệnh và các loại phát hiện.",
    en: "No help on \"{0}\". Run soat-bieu help check for the commands and the kinds of findings.",
  },
  unexpected: { vi: "Lỗi không mong đợi: {0}.", en: "Unexpected error: {0}." },
} satisfies Record<string, Sentence>;

export function say(s: Sentence, lang: Lang, ...args: (string | number)[]): string {
  return s[lang].replace(/\{(\d)\}/g, (_m, i) => String(args[Number(i)] ?? ""));
}

/** A count the way the language writes numbers: 1.154 in Vietnamese, 1,154 in English. */
export function formatCount(n: number, lang: Lang): string {
  const digits = String(Math.trunc(Math.abs(n))).replace(/\B(?=(\d{3})+(?!\d))/g, lang === "en" ? "," : ".");
  return `${n < 0 ? "-" : ""}${digits}`;
}

/** "3 tệp", "1 file", "2 files": Vietnamese nouns have no plural; English ones get an s unless given. */
export function count(n: number, lang: Lang, vi: string, en: string, enPlural = `${en}s`): string {
  return `${formatCount(n, lang)} ${lang === "en" ? (n === 1 ? en : enPlural) : vi}`;
}
