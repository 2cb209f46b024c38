/*
 * Builds the add-in into dist/: taskpane.html, commands.html, preview.html (the Linux browser
 * preview), help.html, the icons and the sample workbook, and the manifest (its development URL
 * https://localhost:3000/ swapped for ADDIN_URL in production builds).
 *
 *   npm run build        production build; prints the task pane bundle's gzipped size
 *   npm start            dev server on port 3000 (https with office-addin-dev-certs when they are
 *                        installed, else http on localhost for the preview), prints the URLs
 */

const fs = require("fs");
const net = require("net");
const os = require("os");
const path = require("path");
const zlib = require("zlib");
const { spawn } = require("child_process");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const HtmlWebpackPlugin = require("html-webpack-plugin");

/**
 * The Content-Security-Policy of the pages Excel loads (taskpane.html, commands.html): scripts only
 * from the add-in and Microsoft's Office.js CDN, no eval, no connections but to those two (the pane
 * sends nothing anywhere); inline styles are allowed because Fluent UI inserts its styles at run time.
 */
const CSP_META = {
  "http-equiv": "Content-Security-Policy",
  content: [
    "default-src 'self'",
    "script-src 'self' https://appsforoffice.microsoft.com",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self' data:",
    "connect-src 'self' https://appsforoffice.microsoft.com",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'none'",
  ].join("; "),
};

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
  const prodUrl = process.env.ADDIN_URL ? process.env.ADDIN_URL.replace(/\/?$/, "/") : null;
  if (!dev && !prodUrl) {
    console.log("Chú ý: chưa đặt ADDIN_URL, manifest trong dist/ vẫn trỏ tới https://localhost:3000/ (set ADDIN_URL=https://your.host/path/ for production).");
  }
  const serve = Boolean(env && env.WEBPACK_SERVE);
  if (serve) await ensurePortFree();
  const https = serve ? await httpsOptions() : null;
  const scheme = https ? "https" : "http";

  return {
    mode: dev ? "development" : "production",
    // Never an eval-based source map: taskpane.html's Content-Security-Policy forbids eval.
    devtool: "source-map",
    entry: {
      taskpane: "./src/taskpane/index.tsx",
      commands: "./src/commands/commands.ts",
      preview: "./src/preview/index.tsx",
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
          use: {
            loader: "ts-loader",
            options: { transpileOnly: true, compilerOptions: { module: "esnext", sourceMap: true } },
          },
        },
      ],
    },
    performance: { hints: false },
    plugins: [
      new HtmlWebpackPlugin({ filename: "taskpane.html", template: "./src/taskpane/taskpane.html", chunks: ["taskpane"], meta: { csp: CSP_META } }),
      new HtmlWebpackPlugin({ filename: "commands.html", template: "./src/commands/commands.html", chunks: ["commands"], meta: { csp: CSP_META } }),
      new HtmlWebpackPlugin({ filename: "preview.html", template: "./src/preview/preview.html", chunks: ["preview"] }),
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets/*.png", to: "assets/[name][ext]" },
          { from: "assets/samples/*.xlsx", to: "assets/samples/[name][ext]" },
          { from: "src/taskpane/pane.css", to: "pane.css" },
          { from: "src/taskpane/help.html", to: "help.html" },
          {
            from: "manifest.xml",
            to: "manifest.xml",
            transform(content) {
              return dev || !prodUrl ? content : content.toString().split(DEV_URL).join(prodUrl).split(DEV_URL.replace(/\/$/, "")).join(prodUrl.replace(/\/$/, ""));
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
