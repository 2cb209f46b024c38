/**
 * The words the pane and the ribbon both say about a host's work: what a recalculation or a
 * clearing did, and every HostError as one sentence. Vietnamese first with an English twin; the
 * pane's strings table (src/taskpane/strings.ts) includes them, the ribbon (src/commands) uses
 * them directly.
 */
import type { HostErrorCode } from "./host";

export type Lang = "vi" | "en";

const vi = {
  nothingToRecalc: "Không có ô tỷ lệ hay đánh giá nào cần tính lại trên trang tính này.",
  written: (n: number) => `Đã ghi ${n} ô. Bấm Hoàn tác để trả lại giá trị cũ.`,
  cleared: (n: number) => `Đã xóa đánh dấu ở ${n} ô.`,
  errors: {
    protected: "Trang tính đang được bảo vệ. Hãy bỏ bảo vệ (Xem lại › Bỏ bảo vệ trang tính) rồi thử lại; chưa ô nào bị thay đổi.",
    readOnly: "Sổ làm việc đang mở ở chế độ chỉ đọc. Hãy mở bản có quyền sửa rồi thử lại; chưa ô nào bị thay đổi.",
    editMode: "Một ô đang được sửa. Hãy nhấn Enter hoặc Esc để thoát khỏi ô đó rồi thử lại; chưa ô nào bị thay đổi.",
    nothingToUndo: "Không có lần tính lại nào để hoàn tác.",
    tooLarge: "Trang tính quá lớn để đọc một lần. Hãy thu gọn vùng dữ liệu rồi thử lại.",
    partial: "Excel dừng giữa chừng khi ghi: một số ô đã được ghi, một số chưa. Hãy bấm Hoàn tác để trả mọi ô về như cũ rồi thử lại.",
    recordTooLarge: "Không lưu được bản ghi để hoàn tác vì phần cài đặt trong tệp Excel có giới hạn dung lượng (khoảng 1–2 MB); chưa ô nào bị thay đổi. Hãy chia trang tính thành các trang nhỏ hơn rồi thử lại.",
    busy: "Soát Biểu đang làm việc khác. Hãy đợi một chút rồi thử lại.",
    unknown: "Excel báo lỗi khi thực hiện thao tác này; chưa ô nào bị thay đổi.",
  } satisfies Record<HostErrorCode, string>,
};

export type HostMessages = typeof vi;

const en: HostMessages = {
  nothingToRecalc: "No percent or verdict cell on this sheet needs recalculating.",
  written: (n: number) => `${n} cells written. Click Undo to restore the old values.`,
  cleared: (n: number) => `Marks cleared from ${n} cells.`,
  errors: {
    protected: "The sheet is protected. Unprotect it (Review › Unprotect Sheet) and try again; no cell was changed.",
    readOnly: "The workbook is open read-only. Open an editable copy and try again; no cell was changed.",
    editMode: "A cell is being edited. Press Enter or Esc to leave it and try again; no cell was changed.",
    nothingToUndo: "There is no recalculation to undo.",
    tooLarge: "The sheet is too large to read at once. Reduce the data range and try again.",
    partial: "Excel stopped part-way through the write: some cells were written, some not. Click Undo to put every cell back, then try again.",
    recordTooLarge: "The record needed to undo could not be saved because Excel limits the settings kept in a file (about 1–2 MB); no cell was changed. Split the sheet into smaller sheets and try again.",
    busy: "Soát Biểu is busy. Please wait a moment and try again.",
    unknown: "Excel reported an error for this operation; no cell was changed.",
  },
};

export const HOST_MESSAGES: Record<Lang, HostMessages> = { vi, en };
