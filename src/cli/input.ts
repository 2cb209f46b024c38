/**
 * Opening a workbook for the command line: tell every kind of bad input apart and say it in one
 * sentence (InputError), before ExcelJS ever sees the bytes.
 */
import { promises as fs } from "node:fs";
import { unzipSync } from "fflate";
import type ExcelJS from "exceljs";
import { readXlsx, ReaderError, type ReaderErrorCode } from "../reader/xlsx";
import type { WorkbookSnapshot } from "../engine";
import { exceljsAdapter } from "./exceljs";
import { InputError, type InputErrorCode } from "./messages";

/** Limits on what is opened: larger inputs are refused with a sentence, not a crash. */
export const LIMITS = {
  fileBytes: 200 * 1024 * 1024,
  /** Total uncompressed size of the zip's parts (a zip bomb inflates far past its file size). */
  unpackedBytes: 1024 * 1024 * 1024,
};

const OLE2 = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

function startsWith(bytes: Uint8Array, sig: number[]): boolean {
  return sig.every((b, i) => bytes[i] === b);
}

/** "EncryptionInfo" as the UTF-16LE name of an OLE2 directory entry: an encrypted .xlsx. */
function hasUtf16(bytes: Uint8Array, text: string): boolean {
  const needle = Buffer.from(text, "utf16le");
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).includes(needle);
}

/** Classifies the bytes; throws InputError for anything that is not a readable .xlsx package. */
export function inspectBytes(bytes: Uint8Array): void {
  if (bytes.length === 0) throw new InputError("empty");
  if (bytes.length > LIMITS.fileBytes) throw new InputError("tooLarge");
  if (startsWith(bytes, OLE2)) {
    if (hasUtf16(bytes, "EncryptionInfo") || hasUtf16(bytes, "EncryptedPackage")) throw new InputError("encrypted");
    throw new InputError(hasUtf16(bytes, "WordDocument") ? "word" : "xls");
  }
  if (!(bytes[0] === 0x50 && bytes[1] === 0x4b)) throw new InputError(notZipKind(bytes));
  const names: string[] = [];
  let unpacked = 0;
  try {
    unzipSync(bytes, {
      filter: (file) => {
        names.push(file.name);
        unpacked += file.originalSize;
        return false;
      },
    });
  } catch {
    throw new InputError("corrupt");
  }
  if (unpacked > LIMITS.unpackedBytes) throw new InputError("tooLarge");
  if (!names.includes("xl/workbook.xml")) throw new InputError(names.includes("word/document.xml") ? "word" : "notWorkbook");
}

/**
 * What a file that is not a zip is, as far as its first bytes tell: a PDF, a CSV table (at least
 * two lines with the same number of separators), other plain text, or something else.
 */
export function notZipKind(bytes: Uint8Array): InputErrorCode {
  const head = bytes.subarray(0, 8192);
  if (startsWith(head, [0x25, 0x50, 0x44, 0x46])) return "pdf"; // %PDF
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(head.length < bytes.length ? head.subarray(0, lastLineEnd(head)) : head);
  } catch {
    return "notZip";
  }
  text = text.replace(/^\ufeff/, "");
  // Control characters other than tab and line ends: a binary file that happens to decode.
  if (!text.trim() || [...text].some((ch) => ch < " " && ch !== "\t" && ch !== "\n" && ch !== "\r" && ch !== "\f" && ch !== "\v")) return "notZip";
  const lines = text.split(/\r?\n/).filter((l) => l.trim() !== "").slice(0, 20);
  for (const sep of [",", ";", "\t"]) {
    const counts = lines.map((l) => l.split(sep).length - 1);
    if (lines.length >= 2 && counts[0] > 0 && counts.every((c) => c === counts[0])) return "csv";
  }
  return "text";
}

/** A cut of a longer file ends at its last line break, so no character is split in two. */
function lastLineEnd(head: Uint8Array): number {
  const i = head.lastIndexOf(0x0a);
  return i > 0 ? i : head.length;
}

export async function readBytes(path: string): Promise<Uint8Array> {
  let stat;
  try {
    stat = await fs.stat(path);
  } catch {
    throw new InputError("missing");
  }
  if (stat.isDirectory()) throw new InputError("directoryExpected");
  if (stat.size > LIMITS.fileBytes) throw new InputError("tooLarge");
  return new Uint8Array(await fs.readFile(path));
}

/** Opens a workbook for writing back (recalc): inspected first, then loaded by ExcelJS. */
export async function openWorkbook(path: string): Promise<{ bytes: Uint8Array; workbook: ExcelJS.Workbook }> {
  const bytes = await readBytes(path);
  inspectBytes(bytes);
  // ExcelJS is loaded only here, where a workbook is opened to be written back.
  const { loadWorkbook } = exceljsAdapter();
  try {
    return { bytes, workbook: await loadWorkbook(bytes) };
  } catch {
    throw new InputError("corrupt");
  }
}

const READER_ERRORS: Record<ReaderErrorCode, InputErrorCode> = {
  notZip: "notZip",
  corrupt: "corrupt",
  notWorkbook: "notWorkbook",
  tooLarge: "tooLarge",
  doctype: "doctype",
  missingSharedStrings: "missingSharedStrings",
};

/**
 * Reads a workbook into the engine's snapshot for checking, with the streaming reader (no
 * workbook model: fast and lean on large sheets).
 */
export async function openSnapshot(path: string, name: string): Promise<WorkbookSnapshot> {
  const bytes = await readBytes(path);
  inspectBytes(bytes);
  try {
    return readXlsx(bytes, name);
  } catch (e) {
    if (e instanceof ReaderError) throw new InputError(READER_ERRORS[e.code]);
    throw new InputError("corrupt");
  }
}
