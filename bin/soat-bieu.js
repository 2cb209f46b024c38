#!/usr/bin/env node
// The development launcher of `soat-bieu`: runs the TypeScript sources through tsx, for the tests
// and `npm run soat-bieu` in a clone. The installed command (package.json "bin") is the compiled
// JavaScript, dist/cli-js/cli/main.js, built by `npm run build:cli` (which `npm pack` runs).
require("tsx/cjs");
require("../src/cli/main.ts").runCli();
