/** Writes docs/findings.md from src/help/findings.ts (`npm run docs:findings`). */
import { writeFileSync } from "node:fs";
import * as path from "node:path";
import { findingsMarkdown } from "../src/help/findings";

writeFileSync(path.join(__dirname, "..", "docs", "findings.md"), findingsMarkdown());
