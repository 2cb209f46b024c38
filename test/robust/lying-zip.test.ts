/**
 * A zip that lies about a part's unpacked size (the declared size is checked against the limits, so a
 * bomb could try to declare a small one): the reader inflates no more than declared and refuses the
 * cut part as damaged, quickly.
 */
import { strToU8, zipSync } from "fflate";
import { readXlsx, ReaderError } from "../../src/reader/xlsx";
import { CONTENT_TYPES, ROOT_RELS, WORKBOOK, WORKBOOK_RELS } from "../helpers/xlsx-parts";

const PART = "xl/worksheets/sheet1.xml";

/** Rewrites the uncompressed size of `part` in its local header and central directory entry. */
function declareSize(zip: Uint8Array, part: string, size: number): void {
  const dv = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  for (let i = 0; i + 46 < zip.length; i++) {
    const sig = dv.getUint32(i, true);
    const central = sig === 0x02014b50;
    if (sig !== 0x04034b50 && !central) continue;
    const nameAt = i + (central ? 46 : 30);
    const name = new TextDecoder().decode(zip.subarray(nameAt, nameAt + dv.getUint16(i + (central ? 28 : 26), true)));
    if (name === part) dv.setUint32(i + (central ? 24 : 22), size, true);
  }
}

test("a sheet declared as 1 kB that inflates to 40 MB is refused as damaged, without inflating it", () => {
  const big = new Uint8Array(40 * 1024 * 1024).fill(32);
  big.set(strToU8(`<?xml version="1.0"?><worksheet><sheetData>`), 0);
  // A well-formed sheet when read in full: only a cut one is damaged.
  const tail = strToU8(`</sheetData></worksheet>`);
  big.set(tail, big.length - tail.length);
  const zip = zipSync(
    { "[Content_Types].xml": strToU8(CONTENT_TYPES), "_rels/.rels": strToU8(ROOT_RELS), "xl/workbook.xml": strToU8(WORKBOOK()), "xl/_rels/workbook.xml.rels": strToU8(WORKBOOK_RELS()), [PART]: big },
    { level: 1 },
  );
  declareSize(zip, PART, 1000);
  const t0 = Date.now();
  let code = "read";
  try {
    readXlsx(zip);
  } catch (e) {
    code = e instanceof ReaderError ? e.code : `crash: ${e}`;
  }
  expect(code).toBe("corrupt");
  expect(Date.now() - t0).toBeLessThan(5000);
});
