// The reader alone, as a whole process: file → snapshot, nothing else (bundled by bench/run.ts).
import { readFileSync } from "node:fs";
import { readXlsx } from "../src/reader/xlsx";

const wb = readXlsx(new Uint8Array(readFileSync(process.argv[2])), process.argv[2]);
let cells = 0;
for (const s of wb.sheets) for (const line of s.values) cells += line.length;
process.stdout.write(`${cells}\n`);
