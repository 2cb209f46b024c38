/*
 * Builds the add-in into dist/: taskpane.html, commands.html, help.html, unsupported.js (the
 * old-Excel notice), the icons and the manifest (its development URL https://localhost:3000/
 * swapped for the production address). Development builds and the dev server add preview.html
 * (the Linux browser preview), the sample workbook and source maps.
 *
 *   npm run build -- --env addinUrl=https://host/path/    production build for that address
 *   (or put {"addinUrl": "https://host/path/"} in addin.config.json; works the same on any OS)
 *   npm run build -- --env addinUrl=… --env preview --env sample --env sourcemaps
 *                        also ship the browser preview, the sample workbook, source maps
 *   npm start            dev server on port 3000 (https with office-addin-dev-certs when they are
 *                        installed, else http on localhost for the preview), prints the URLs
 *
 * Bundles are compiled down to ES2017 (dependencies too), so that the EdgeHTML webview of
 * Office 2019 parses them; test/build/bundles.test.ts parses every emitted .js with acorn.
 */

const fs = require("fs");
const net = require("net");
const os = require("os");
const path = require("path");
const zlib = require("zlib");
const { spawn } = require("child_process");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const HtmlWebpackPlugin = require("html-webpack-plugin");

/** Regular expressions an ES2017 parser refuses become RegExp calls (build/es2017-regex-loader.js). */
const REGEX_LOADER = path.resolve(__dirname, "build/es2017-regex-loader.js");

/** Where Office.js lives (learn.microsoft.com, "Referencing the Office JavaScript API library", office-js-docs-pr #5882, September 2026). */
const OFFICE_JS = "https://officeapis.public.onecdn.static.microsoft/1/office.js";
const OFFICE_JS_ORIGIN = new URL(OFFICE_JS).origin;

/**
 * The Content-Security-Policy of the pages Excel loads (taskpane.html, commands.html), written into
 * the page before the Office.js script tag: scripts only from the add-in and Office.js's CDN, no
 * eval, no connections but to those two (the pane sends nothing anywhere). Office.js itself loads
 * its host-specific scripts from the same CDN and, on a web host it does not know, opens a hidden
 * frame to Office's own pages: frame-src allows https. Inline styles are allowed because Fluent
 * UI and Office.js insert styles at run time.
 */
const CSP = [
  "default-src 'self'",
  `script-src 'self' ${OFFICE_JS_ORIGIN}`,
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  `connect-src 'self' ${OFFICE_JS_ORIGIN}`,
  "frame-src https:",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'none'",
].join("; ");

/** The config file read when no --env addinUrl is given (same on Windows, macOS and Linux). */
const CONFIG_FILE = path.join(__dirname, "addin.config.json");

/** The production address: --env addinUrl=…, else addin.config.json, else none. https only. */
function productionUrl(env) {
  let raw = env && typeof env.addinUrl === "string" ? env.addinUrl : null;
  if (!raw && fs.existsSync(CONFIG_FILE)) raw = JSON.parse(fs.readFileSync(CONFIG_FILE, "utf8")).addinUrl || null;
  if (!raw) return null;
  let url;
  try {
    url = new URL(raw);
  } catch {
    throw new Error(`Địa chỉ add-in không hợp lệ: ${raw}. (Not a valid add-in address.)`);
  }
  if (url.protocol !== "https:") {
    throw new Error(
      `Excel chỉ nạp add-in qua https, không nạp qua ${url.protocol.replace(":", "")}: hãy dùng địa chỉ https://… (${raw}). ` +
        `(Excel loads add-ins over https only; use an https:// address.)`,
    );
  }
  if (url.search || url.hash) throw new Error(`Địa chỉ add-in không được có ? hay #: ${raw}. (The add-in address takes no query or fragment.)`);
  return url.href.replace(/\/?$/, "/");
}

const DEV_URL = "https://localhost:3000/";
const PORT = Number(process.env.PORT || 3000);

/** Prints the gzipped size of every emitted task pane / preview script after a build. */
class GzipSizePlugin {
  apply(compiler) {
    compiler.hooks.afterEmit.tap("GzipSizePlugin", (compilation) => {
      const lines = [];
      const out = compilation.outputOptions.path;
      for (const name of Object.keys(compilation.assets)) {
        if (!/\.js$/.test(name)) continue;
        const bytes = fs.readFileSync(path.join(out, name));
        const gz = zlib.gzipSync(bytes, { level: 9 }).length;
        lines.push(`  ${name.padEnd(28)} ${(bytes.length / 1024).toFixed(1).padStart(8)} KiB  gzip ${(gz / 1024).toFixed(1).padStart(7)} KiB`);
      }
      lines.sort();
      console.log(`\nSoát Biểu — kích thước gói (bundle sizes):\n${lines.join("\n")}\n`);
    });
  }
}

/**
 * https options for the dev server. Uses the certificates office-addin-dev-certs installed
 * (`npx office-addin-dev-certs install`); never installs them itself on Linux, where the browser
 * preview is served over plain http on localhost instead.
 */
async function httpsOptions() {
  if (process.env.SOATBIEU_HTTP === "1") return null;
  const dir = path.join(os.homedir(), ".office-addin-dev-certs");
  const files = { ca: "ca.crt", cert: "localhost.crt", key: "localhost.key" };
  if (Object.values(files).every((f) => fs.existsSync(path.join(dir, f)))) {
    const out = {};
    for (const [k, f] of Object.entries(files)) out[k] = fs.readFileSync(path.join(dir, f));
    return out;
  }
  if (process.platform === "win32" || process.platform === "darwin") {
    try {
      const devCerts = require("office-addin-dev-certs");
      const o = await devCerts.getHttpsServerOptions();
      return { ca: o.ca, key: o.key, cert: o.cert };
    } catch (e) {
      console.log(`Không cài được chứng chỉ phát triển (${e.message}).`);
    }
  }
  return null;
}

/** On a machine with Excel desktop, sideload the manifest; never fails the dev server. */
function sideload() {
  if (process.env.SOATBIEU_SIDELOAD !== "1" || (process.platform !== "win32" && process.platform !== "darwin")) return;
  const child = spawn("npx", ["office-addin-debugging", "start", "manifest.xml", "desktop", "--no-debug", "--dev-server-port", String(PORT)], {
    stdio: "inherit",
    shell: process.platform === "win32",
  });
  child.on("error", (e) => console.log(`Không nạp được add-in vào Excel: ${e.message}`));
}

/**
 * Resolves when PORT is free on localhost; when another program holds it, says so in one sentence
 * with the way to pick another port, and stops (no stack trace from the dev server).
 */
function ensurePortFree() {
  return new Promise((resolve) => {
    const probe = net.createServer();
    probe.once("error", (e) => {
      if (e.code !== "EADDRINUSE" && e.code !== "EACCES") return resolve();
      console.error(
        `Cổng ${PORT} đang được một chương trình khác dùng (có thể Soát Biểu đã chạy ở cửa sổ khác): dừng chương trình đó, hoặc chọn cổng khác, ví dụ PORT=${PORT + 1} npm start (Windows PowerShell: $env:PORT=${PORT + 1}; npm start). / Port ${PORT} is in use: stop that program or pick another port, e.g. PORT=${PORT + 1} npm start.`,
      );
      process.exit(1);
    });
    probe.once("listening", () => probe.close(() => resolve()));
    probe.listen(PORT, "localhost");
  });
}

module.exports = async (env, argv) => {
  const dev = argv.mode !== "production";
  const prodUrl = dev ? null : productionUrl(env);
  if (!dev && !prodUrl) {
    console.log(
      "Chú ý: chưa có địa chỉ add-in, manifest trong dist/ vẫn trỏ tới https://localhost:3000/ " +
        "(npm run build -- --env addinUrl=https://your.host/path/ , or addin.config.json).",
    );
  }
  const serve = Boolean(env && env.WEBPACK_SERVE);
  if (serve) await ensurePortFree();
  const https = serve ? await httpsOptions() : null;
  const scheme = https ? "https" : "http";
  // Production ships only what Excel loads, unless asked.
  const withPreview = dev || Boolean(env && env.preview);
  const withSample = dev || Boolean(env && env.sample);
  const withMaps = dev || Boolean(env && env.sourcemaps);
  const rewrite = (text) => (prodUrl ? text.split(DEV_URL).join(prodUrl).split(DEV_URL.replace(/\/$/, "")).join(prodUrl.replace(/\/$/, "")) : text);
  const origin = prodUrl ? new URL(prodUrl).origin : null;
  const pageOptions = { officeJs: OFFICE_JS, csp: CSP };

  return {
    mode: dev ? "development" : "production",
    // ES2017 output, webpack's own runtime included (EdgeHTML webviews).
    target: ["web", "es2017"],
    // Never an eval-based source map: taskpane.html's Content-Security-Policy forbids eval.
    devtool: withMaps ? "source-map" : false,
    entry: {
      taskpane: "./src/taskpane/index.tsx",
      commands: "./src/commands/commands.ts",
      ...(withPreview ? { preview: "./src/preview/index.tsx" } : {}),
    },
    output: {
      path: path.resolve(__dirname, "dist"),
      filename: "[name].js",
      clean: true,
    },
    resolve: {
      extensions: [".ts", ".tsx", ".js", ".json"],
      // ExcelJS's browser build (the preview reads and writes .xlsx in the page).
      alias: { exceljs$: path.resolve(__dirname, "node_modules/exceljs/dist/exceljs.min.js") },
    },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: [
            REGEX_LOADER,
            {
              loader: "ts-loader",
              options: { transpileOnly: true, compilerOptions: { module: "esnext", target: "es2017", sourceMap: withMaps } },
            },
          ],
        },
        {
          // Dependencies that ship newer syntax (optional chaining, ??, class fields…) are compiled
          // down to ES2017 too (TypeScript reads the JavaScript; nothing else changes).
          test: /\.m?js$/,
          include: /node_modules/,
          exclude: /node_modules[\\/](exceljs|core-js|webpack)[\\/]/,
          use: [
            REGEX_LOADER,
            {
              loader: "ts-loader",
              options: { transpileOnly: true, compilerOptions: { allowJs: true, checkJs: false, module: "esnext", target: "es2017", sourceMap: withMaps } },
            },
          ],
        },
      ],
    },
    performance: { hints: false },
    plugins: [
      // The CSP meta and the Office.js tag are in the templates (CSP first); scripts go after them.
      new HtmlWebpackPlugin({ filename: "taskpane.html", template: "./src/taskpane/taskpane.html", chunks: ["taskpane"], templateParameters: pageOptions, scriptLoading: "defer" }),
      new HtmlWebpackPlugin({ filename: "commands.html", template: "./src/commands/commands.html", chunks: ["commands"], templateParameters: pageOptions, scriptLoading: "defer" }),
      ...(withPreview ? [new HtmlWebpackPlugin({ filename: "preview.html", template: "./src/preview/preview.html", chunks: ["preview"] })] : []),
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets/*.png", to: "assets/[name][ext]" },
          ...(withSample ? [{ from: "assets/samples/*.xlsx", to: "assets/samples/[name][ext]" }] : []),
          { from: "src/taskpane/pane.css", to: "pane.css" },
          { from: "src/taskpane/help.html", to: "help.html" },
          // Plain ES3, not compiled: Internet Explorer must run it.
          { from: "src/taskpane/unsupported.js", to: "unsupported.js", info: { minimized: true } },
          {
            from: "manifest.xml",
            to: "manifest.xml",
            transform(content) {
              let text = rewrite(content.toString());
              // AppDomain holds an origin only (scheme, host, port), never a path.
              if (origin) text = text.replace(/<AppDomain>[^<]*<\/AppDomain>/g, `<AppDomain>${origin}</AppDomain>`);
              return text;
            },
          },
        ],
      }),
      ...(dev ? [] : [new GzipSizePlugin()]),
    ],
    devServer: {
      port: PORT,
      host: "localhost",
      hot: false,
      liveReload: !process.env.CI,
      headers: { "Access-Control-Allow-Origin": "*" },
      server: https ? { type: "https", options: https } : { type: "http" },
      client: { overlay: false, logging: "warn" },
      static: false,
      onListening() {
        if (!https) {
          console.log("Không có chứng chỉ https phát triển: phục vụ bằng http trên localhost (đủ cho bản xem thử; Excel cần https — chạy `npx office-addin-dev-certs install`).");
          console.log("No dev https certificates: serving plain http on localhost (fine for the preview; Excel needs https — run `npx office-addin-dev-certs install`).");
        }
        console.log(`\nSoát Biểu — xem thử (preview): ${scheme}://localhost:${PORT}/preview.html`);
        console.log(`Soát Biểu — ngăn tác vụ (task pane): ${scheme}://localhost:${PORT}/taskpane.html`);
        console.log(`Manifest: ${scheme}://localhost:${PORT}/manifest.xml\n`);
        sideload();
      },
    },
  };
};
