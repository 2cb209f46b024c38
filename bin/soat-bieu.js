#!/usr/bin/env node
// The `soat-bieu` command: runs the TypeScript entry point through tsx, so the installed
// command and `npm run soat-bieu` are always the same code.
require("tsx/cjs");
require("../src/cli/main.ts").runCli();
