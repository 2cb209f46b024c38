/** Why the reader refused a package; the command line and the add-in each say it in one sentence. */
export type ReaderErrorCode = "notZip" | "corrupt" | "notWorkbook" | "tooLarge" | "doctype" | "missingSharedStrings";

export class ReaderError extends Error {
  constructor(
    readonly code: ReaderErrorCode,
    detail = "",
  ) {
    super(`${code}${detail ? `: ${detail}` : ""}`);
    this.name = "ReaderError";
  }
}
