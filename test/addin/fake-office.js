/*
 * A fake of the Office.js Excel object model, at least as strict as documented Excel, for the
 * adapter's jest tests and for driving taskpane.html in a real browser (Playwright injects this
 * file before the page loads). Plain JavaScript so it runs unchanged in both places.
 *
 * What it holds the adapter to (each rule is Excel's, as documented or reported; see the report of
 * issue 12 for where):
 * - Writes are queued and run at context.sync(), in order. A batch is NOT a transaction: when an
 *   operation fails, what ran before it stays written and the rest is dropped.
 * - A property can be read only after load() and sync(); Worksheet.name, collection items and
 *   isNullObject too. load() of a property the object does not have fails the sync.
 * - A value, formula or format array must have the range's shape (or be one scalar).
 * - Requests and responses are counted in bytes (values, formulas, formats, cell properties);
 *   over the limit (5 MB, Excel on the web) the sync fails with Request/ResponsePayloadSizeLimitExceeded.
 * - Excel.run({ mergeUndoGroup: true }) with more than `undoGroupLimit` operations fails with
 *   UndoNotSupported after running the first ones.
 * - The used range includes formatted cells; getUsedRangeOrNullObject(true) only values.
 * - Error messages are in the display language (vi-VN by default): code decides, never text.
 * - A cell without fill reads back as color "#FFFFFF", pattern "None" (ExcelApi 1.9).
 * - Notes (ExcelApi 1.18): adding a note where there is one fails; getItem of a missing one fails.
 * - Reading merged areas clears the user's undo stack (state.undoStackCleared counts it).
 * - Document settings are an in-memory copy per runtime: set/remove change the copy, saveAsync
 *   writes the whole copy (refused past `settingsLimit` bytes), refreshAsync reloads it.
 * - A formula reads back with its computed value (values), its text (formulas).
 * - A protected sheet refuses writes; a cell in edit mode makes every batch fail.
 */
(function (root) {
  "use strict";

  function colIndex(letters) {
    let n = 0;
    for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
    return n;
  }
  function colLetter(n) {
    let s = "";
    while (n > 0) {
      const m = (n - 1) % 26;
      s = String.fromCharCode(65 + m) + s;
      n = Math.floor((n - 1) / 26);
    }
    return s;
  }
  function parseCell(a) {
    const m = /^\$?([A-Za-z]+)\$?(\d+)$/.exec(a.trim());
    if (!m) throw new Error("bad address " + a);
    return { row: Number(m[2]), col: colIndex(m[1]) };
  }
  function parseRange(address) {
    const local = address.includes("!") ? address.slice(address.lastIndexOf("!") + 1) : address;
    const [a, b] = local.split(":");
    const p = parseCell(a);
    const q = parseCell(b || a);
    return { top: Math.min(p.row, q.row), left: Math.min(p.col, q.col), bottom: Math.max(p.row, q.row), right: Math.max(p.col, q.col) };
  }
  function key(r, c) {
    return colLetter(c) + r;
  }
  function quoteSheet(name) {
    return /^[A-Za-z0-9_]+$/.test(name) ? name : "'" + name.replace(/'/g, "''") + "'";
  }
  function bytes(x) {
    const s = typeof x === "string" ? x : JSON.stringify(x);
    return typeof root.TextEncoder !== "undefined" ? new root.TextEncoder().encode(s).length : s.length;
  }

  /** Error texts per display language: the adapter must decide on `code` only. */
  const MESSAGES = {
    "vi-VN": {
      InvalidOperationInCellEditMode: "Không thể thực hiện thao tác khi Excel đang ở chế độ Sửa ô.",
      AccessDenied: "Bạn không thể thực hiện thao tác được yêu cầu.",
      ItemNotFound: "Tài nguyên được yêu cầu không tồn tại.",
      ItemAlreadyExists: "Tài nguyên đang được tạo đã tồn tại.",
      InvalidArgument: "Đối số không hợp lệ, bị thiếu hoặc có định dạng không đúng.",
      PropertyNotLoaded: "Thuộc tính chưa được tải.",
      ApiNotFound: "Không tìm thấy API bạn đang cố sử dụng.",
      RequestPayloadSizeLimitExceeded: "Kích thước tải trọng yêu cầu đã vượt quá giới hạn.",
      ResponsePayloadSizeLimitExceeded: "Kích thước tải trọng phản hồi đã vượt quá giới hạn.",
      UndoNotSupported: "Yêu cầu API JavaScript không thành công do không hỗ trợ thao tác hoàn tác.",
      GeneralException: "Đã xảy ra lỗi nội bộ khi xử lý yêu cầu.",
    },
    "en-US": {
      InvalidOperationInCellEditMode: "The operation isn't available while Excel is in Edit cell mode.",
      AccessDenied: "You cannot perform the requested operation.",
      ItemNotFound: "The requested resource doesn't exist.",
      ItemAlreadyExists: "The resource being created already exists.",
      InvalidArgument: "The argument is invalid or missing or has an incorrect format.",
      PropertyNotLoaded: "The property is not loaded.",
      ApiNotFound: "The API you are trying to use could not be found.",
      RequestPayloadSizeLimitExceeded: "The request payload size has exceeded the limit.",
      ResponsePayloadSizeLimitExceeded: "The response payload size has exceeded the limit.",
      UndoNotSupported: "The JavaScript API request failed due to lack of support for the undo operation.",
      GeneralException: "There was an internal error while processing the request.",
    },
  };
  let LANGUAGE = "vi-VN";
  function officeError(code, detail) {
    const table = MESSAGES[LANGUAGE] || MESSAGES["en-US"];
    const e = new Error((table[code] || code) + (detail ? " (" + detail + ")" : ""));
    e.name = "RichApi.Error";
    e.code = code;
    return e;
  }

  /**
   * What Excel stores for typed-in text (a vi-VN workbook): text that looks like a number becomes
   * a number, a leading apostrophe keeps the rest as text.
   */
  function typed(v) {
    if (typeof v !== "string") return v;
    if (v.startsWith("'")) return v.slice(1);
    if (/^-?\d+(,\d+)?$/.test(v.trim())) return Number(v.trim().replace(",", "."));
    if (/^(TRUE|FALSE)$/i.test(v.trim())) return /^TRUE$/i.test(v.trim());
    return v;
  }


  /**
   * Excel computes a formula when it is written: a small evaluator for the formulas the add-in
   * writes (IF, AND, OR, NOT, ISNUMBER, ISERROR, IFERROR, ROUND, ABS, arithmetic, comparisons,
   * cell references on the same sheet). A formula it cannot read computes to "" (and the test
   * that needs its value fails).
   */
  function evaluate(sheet, formula) {
    const src = formula.slice(1);
    let i = 0;
    const ERR = (e) => ({ error: e });
    const isErr = (v) => v && typeof v === "object" && "error" in v;
    const skip = () => {
      while (src[i] === " ") i++;
    };
    const peek = (t) => {
      skip();
      return src.startsWith(t, i);
    };
    const eat = (t) => {
      if (!peek(t)) throw new Error("expected " + t + " at " + i);
      i += t.length;
    };
    const num = (v) => (isErr(v) ? v : v === "" || v === null || v === undefined ? 0 : typeof v === "number" ? v : typeof v === "boolean" ? Number(v) : ERR("#VALUE!"));
    const cellValue = (ref) => {
      const c = sheet.cells[ref.replace(/\$/g, "").toUpperCase()];
      if (!c || c.v === undefined || c.v === null) return "";
      return typeof c.v === "string" && /^#(DIV\/0!|REF!|VALUE!|N\/A|NAME\?|NUM!|NULL!)$/.test(c.v) ? ERR(c.v) : c.v;
    };
    const fns = {
      IF: (a) => (isErr(a[0]) ? a[0] : a[0] && a[0] !== "" ? (a.length > 1 ? a[1] : true) : a.length > 2 ? a[2] : false),
      AND: (a) => a.find(isErr) || a.every((x) => Boolean(x)),
      OR: (a) => a.find(isErr) || a.some((x) => Boolean(x)),
      NOT: (a) => (isErr(a[0]) ? a[0] : !a[0]),
      ISNUMBER: (a) => typeof a[0] === "number",
      ISERROR: (a) => isErr(a[0]),
      IFERROR: (a) => (isErr(a[0]) ? a[1] : a[0]),
      ROUND: (a) => {
        const x = num(a[0]);
        const d = num(a[1]);
        if (isErr(x)) return x;
        const f = Math.pow(10, d);
        return Math.round(x * f) / f;
      },
      ABS: (a) => (isErr(num(a[0])) ? num(a[0]) : Math.abs(num(a[0]))),
    };
    function primary() {
      skip();
      const ch = src[i];
      if (ch === "(") {
        i++;
        const v = comparison();
        eat(")");
        return v;
      }
      if (ch === '"') {
        let j = i + 1;
        let out = "";
        while (j < src.length) {
          if (src[j] === '"' && src[j + 1] === '"') {
            out += '"';
            j += 2;
          } else if (src[j] === '"') break;
          else out += src[j++];
        }
        i = j + 1;
        return out;
      }
      const n = /^\d+(\.\d+)?([eE][+-]?\d+)?/.exec(src.slice(i));
      if (n) {
        i += n[0].length;
        return Number(n[0]);
      }
      const f = /^([A-Z][A-Z0-9.]*)\(/i.exec(src.slice(i));
      if (f && fns[f[1].toUpperCase()]) {
        i += f[0].length;
        const args = [];
        if (!peek(")")) {
          args.push(comparison());
          while (peek(",")) {
            eat(",");
            args.push(comparison());
          }
        }
        eat(")");
        return fns[f[1].toUpperCase()](args);
      }
      const r = /^\$?[A-Z]{1,3}\$?\d+/i.exec(src.slice(i));
      if (r) {
        i += r[0].length;
        return cellValue(r[0]);
      }
      if (/^TRUE/i.test(src.slice(i))) return (i += 4), true;
      if (/^FALSE/i.test(src.slice(i))) return (i += 5), false;
      throw new Error("cannot read " + src.slice(i));
    }
    function unary() {
      if (peek("-")) {
        eat("-");
        const v = num(unary());
        return isErr(v) ? v : -v;
      }
      return primary();
    }
    function term() {
      let v = unary();
      for (;;) {
        if (peek("*") || peek("/")) {
          const op = src[i++];
          const a = num(v);
          const b = num(unary());
          v = isErr(a) ? a : isErr(b) ? b : op === "*" ? a * b : b === 0 ? ERR("#DIV/0!") : a / b;
        } else return v;
      }
    }
    function additive() {
      let v = term();
      for (;;) {
        if (peek("+") || peek("-")) {
          const op = src[i++];
          const a = num(v);
          const b = num(term());
          v = isErr(a) ? a : isErr(b) ? b : op === "+" ? a + b : a - b;
        } else if (peek("&")) {
          eat("&");
          const b = term();
          v = isErr(v) ? v : isErr(b) ? b : String(v) + String(b);
        } else return v;
      }
    }
    function comparison() {
      const a = additive();
      for (const op of ["<>", "<=", ">=", "=", "<", ">"]) {
        if (peek(op)) {
          eat(op);
          const b = additive();
          if (isErr(a)) return a;
          if (isErr(b)) return b;
          const x = typeof a === "string" ? a.toLowerCase() : a === "" ? 0 : a;
          const y = typeof b === "string" ? b.toLowerCase() : b === "" ? 0 : b;
          return op === "=" ? x === y : op === "<>" ? x !== y : op === "<" ? x < y : op === ">" ? x > y : op === "<=" ? x <= y : x >= y;
        }
      }
      return a;
    }
    try {
      const v = comparison();
      skip();
      if (i < src.length) return "";
      return isErr(v) ? v.error : v;
    } catch {
      return "";
    }
  }

  function hasApi(state, version) {
    const [a1, b1] = String(state.apis.ExcelApi || "1.1").split(".").map(Number);
    const [a2, b2] = version.split(".").map(Number);
    return a1 > a2 || (a1 === a2 && (b1 || 0) >= (b2 || 0));
  }
  /** Office.js throws on a member of a newer requirement set than the host has. */
  function needApi(context, version, what) {
    if (hasApi(context._state, version)) return;
    throw officeError("ApiNotFound", what + " needs ExcelApi " + version);
  }

  function notLoaded(what) {
    return officeError("PropertyNotLoaded", what + " was read before load() and context.sync()");
  }

  /** Base of every proxy object: load() queues, sync() makes loaded, get() checks. */
  class Loadable {
    constructor(context, props) {
      this.context = context;
      this._props = props || [];
      this._pending = new Set();
      this._loaded = new Set();
      this._synced = false;
      context._objects.push(this);
    }
    load(props) {
      const list = typeof props === "string" ? props.split(",") : Array.isArray(props) ? props : Object.keys(props || {});
      for (const p of list) {
        const name = p.trim().split("/")[0];
        if (!name) continue;
        if (!this._props.includes(name)) this.context._fail(officeError("InvalidArgument", this.constructor.name + " has no property " + name));
        this._pending.add(name);
      }
      if (!list.length) for (const p of this._props) this._pending.add(p);
      return this;
    }
    _flush() {
      for (const p of this._pending) this._loaded.add(p);
      this._pending.clear();
      this._synced = true;
    }
    _need(p) {
      if (!this._loaded.has(p)) throw notLoaded(this.constructor.name + "." + p);
    }
    /** Bytes of the loaded properties in the response. */
    _responseBytes() {
      return 0;
    }
    get isNullObject() {
      if (!this._synced) throw notLoaded(this.constructor.name + ".isNullObject");
      return Boolean(this._null);
    }
  }

  function shapeOf(rows) {
    return Array.isArray(rows) && rows.every((r) => Array.isArray(r)) ? { rows: rows.length, cols: rows[0] ? rows[0].length : 0, ragged: rows.some((r) => r.length !== (rows[0] || []).length) } : null;
  }

  class RangeFill extends Loadable {
    constructor(range) {
      super(range.context, ["color", "pattern", "tintAndShade"]);
      this._range = range;
    }
    load(props) {
      if (props && /pattern|tintAndShade/.test(JSON.stringify(props))) needApi(this.context, "1.9", "RangeFill.pattern");
      return super.load(props);
    }
    get color() {
      this._need("color");
      const c = this._range._cells()[0][0];
      return c && c.fill ? c.fill : "#FFFFFF";
    }
    get pattern() {
      this._need("pattern");
      const c = this._range._cells()[0][0];
      return c && c.fill ? "Solid" : "None";
    }
    set color(v) {
      this._range._write(JSON.stringify(v), () => this._range._each((cell) => (cell.fill = String(v).toUpperCase())));
    }
    clear() {
      this._range._write("clear", () => this._range._each((cell) => (cell.fill = null)));
    }
  }

  /** Range.format: what the template writes (font, alignment, borders, sizes), kept per cell in cell.fmt. */
  function makeFormat(range) {
    const set = (k, v) => {
      range._write(JSON.stringify(v) + k, () => range._each((cell) => (cell.fmt = Object.assign({}, cell.fmt, { [k]: v }))));
    };
    const font = {};
    for (const k of ["name", "size", "bold", "italic", "color"]) {
      Object.defineProperty(font, k, {
        set(v) {
          set("font." + k, v);
        },
      });
    }
    let fill = null;
    const format = {
      get fill() {
        fill = fill || new RangeFill(range);
        return fill;
      },
      font,
      borders: {
        getItem(edge) {
          if (!["EdgeTop", "EdgeBottom", "EdgeLeft", "EdgeRight", "InsideHorizontal", "InsideVertical", "DiagonalDown", "DiagonalUp"].includes(edge)) range.context._fail(officeError("InvalidArgument", "border " + edge));
          return {
            set style(v) {
              set("border." + edge, v);
            },
            set color(v) {
              set("borderColor." + edge, v);
            },
          };
        },
      },
      set horizontalAlignment(v) {
        set("horizontalAlignment", v);
      },
      set verticalAlignment(v) {
        set("verticalAlignment", v);
      },
      set wrapText(v) {
        set("wrapText", v);
      },
      set columnWidth(v) {
        range._write(String(v), () => {
          for (let c = range._box.left; c <= range._box.right; c++) range._sheet.columnWidths[colLetter(c)] = v;
        });
      },
      set rowHeight(v) {
        range._write(String(v), () => {
          for (let r = range._box.top; r <= range._box.bottom; r++) range._sheet.rowHeights[r] = v;
        });
      },
    };
    return format;
  }

  const VALIDATION_STYLES = ["Stop", "Warning", "Information"];
  const CF_TYPES = ["Custom", "DataBar", "ColorScale", "IconSet", "TopBottom", "PresetCriteria", "ContainsText", "CellValue"];

  const RANGE_PROPS = ["address", "rowIndex", "columnIndex", "rowCount", "columnCount", "values", "formulas", "numberFormat", "valueTypes", "text"];

  class Range extends Loadable {
    constructor(context, sheet, box, isNull) {
      super(context, RANGE_PROPS);
      this._sheet = sheet;
      this._box = box;
      this._null = Boolean(isNull);
      this.format = makeFormat(this);
    }
    _cellCount() {
      return (this._box.bottom - this._box.top + 1) * (this._box.right - this._box.left + 1);
    }
    _local() {
      const b = this._box;
      return key(b.top, b.left) + ":" + key(b.bottom, b.right);
    }
    /** Queues a write; it runs at sync, refused on a protected sheet. */
    _write(payload, fn) {
      const sheet = this._sheet;
      this.context._op(bytes(payload), () => {
        if (sheet.protected) throw officeError("AccessDenied", "protected sheet " + sheet.name);
        if (!this.context._state.sheets.includes(sheet)) throw officeError("ItemNotFound", sheet.name);
        fn();
      });
    }
    /** A 2-D array of the range's shape, or one scalar for every cell; anything else fails the sync. */
    _grid(rows, what) {
      if (!Array.isArray(rows)) return () => rows;
      const s = shapeOf(rows);
      const want = { rows: this._box.bottom - this._box.top + 1, cols: this._box.right - this._box.left + 1 };
      if (!s || s.ragged || s.rows !== want.rows || s.cols !== want.cols) {
        this.context._fail(officeError("InvalidArgument", what + " of " + (s ? s.rows + "×" + s.cols : "a wrong shape") + " for a range of " + want.rows + "×" + want.cols));
        return null;
      }
      return (r, c) => rows[r][c];
    }
    getEntireColumn() {
      return new Range(this.context, this._sheet, { top: 1, left: this._box.left, bottom: 1048576, right: this._box.right });
    }
    merge() {
      this._write("merge", () => this._sheet.merges.push(this._local()));
    }
    get conditionalFormats() {
      // eslint-disable-next-line @typescript-eslint/no-this-alias -- the returned object's methods need the range
      const range = this;
      return {
        add(type) {
          const cf = { type, range: range._local(), formula: null, fill: null, fontColor: null, bold: false };
          if (!CF_TYPES.includes(type)) range.context._fail(officeError("InvalidArgument", "conditional format type " + type));
          range._write(type, () => range._sheet.conditionalFormats.push(cf));
          const later = (fn, payload) => range._write(payload, fn);
          return {
            custom: {
              rule: {
                set formula(v) {
                  if (typeof v !== "string" || !v.startsWith("=")) range.context._fail(officeError("InvalidArgument", "rule formula " + v));
                  later(() => (cf.formula = v), v);
                },
              },
              format: {
                fill: {
                  set color(v) {
                    later(() => (cf.fill = v), v);
                  },
                },
                font: {
                  set color(v) {
                    later(() => (cf.fontColor = v), v);
                  },
                  set bold(v) {
                    if (typeof v !== "boolean") range.context._fail(officeError("InvalidArgument", "bold " + v));
                    later(() => (cf.bold = v), String(v));
                  },
                },
              },
            },
          };
        },
      };
    }
    get dataValidation() {
      needApi(this.context, "1.8", "Range.dataValidation");
      // eslint-disable-next-line @typescript-eslint/no-this-alias -- the returned object's setters need the range
      const range = this;
      const bad = (what) => range.context._fail(officeError("InvalidArgument", "dataValidation." + what));
      const find = () => {
        let v = range._sheet.validations.find((x) => x.range === range._local());
        if (!v) range._sheet.validations.push((v = { range: range._local() }));
        return v;
      };
      return {
        set rule(r) {
          const list = r && r.list;
          if (!list || Object.keys(r).length !== 1 || typeof list.source !== "string" || (list.inCellDropDown !== undefined && typeof list.inCellDropDown !== "boolean")) bad("rule");
          range._write(r, () => (find().rule = r));
        },
        set prompt(p) {
          if (!p || typeof p.showPrompt !== "boolean" || (p.title !== undefined && typeof p.title !== "string") || (p.message !== undefined && typeof p.message !== "string")) bad("prompt");
          else if ((p.title || "").length > 32 || (p.message || "").length > 255) bad("prompt length");
          range._write(p, () => (find().prompt = p));
        },
        set errorAlert(a) {
          if (!a || typeof a.showAlert !== "boolean" || (a.style !== undefined && !VALIDATION_STYLES.includes(a.style))) bad("errorAlert");
          range._write(a, () => (find().errorAlert = a));
        },
      };
    }
    _cells() {
      const out = [];
      for (let r = this._box.top; r <= this._box.bottom; r++) {
        const line = [];
        for (let c = this._box.left; c <= this._box.right; c++) line.push(this._sheet.cells[key(r, c)] || null);
        out.push(line);
      }
      return out;
    }
    _each(fn) {
      for (let r = this._box.top; r <= this._box.bottom; r++)
        for (let c = this._box.left; c <= this._box.right; c++) {
          const k = key(r, c);
          this._sheet.cells[k] = this._sheet.cells[k] || {};
          fn(this._sheet.cells[k], r - this._box.top, c - this._box.left);
        }
    }
    _map(fn) {
      return this._cells().map((line) => line.map((cell) => fn(cell || {})));
    }
    _responseBytes() {
      let n = 0;
      for (const p of this._pending) {
        if (p === "values") n += bytes(this._valuesNow());
        else if (p === "formulas") n += bytes(this._formulasNow());
        else if (p === "numberFormat") n += bytes(this._map((c) => c.nf || "General"));
        else if (p === "valueTypes") n += this._cellCount() * 9;
        else if (p === "text") n += bytes(this._valuesNow());
        else n += 16;
      }
      return n;
    }
    get address() {
      this._need("address");
      const b = this._box;
      return quoteSheet(this._sheet.name) + "!" + key(b.top, b.left) + (b.top === b.bottom && b.left === b.right ? "" : ":" + key(b.bottom, b.right));
    }
    get rowIndex() {
      this._need("rowIndex");
      return this._box.top - 1;
    }
    get columnIndex() {
      this._need("columnIndex");
      return this._box.left - 1;
    }
    get rowCount() {
      this._need("rowCount");
      return this._box.bottom - this._box.top + 1;
    }
    get columnCount() {
      this._need("columnCount");
      return this._box.right - this._box.left + 1;
    }
    _valuesNow() {
      // A formula cell reads back with its computed value (held in cell.v), as Excel computes it.
      return this._map((c) => (c.v === undefined || c.v === null ? "" : c.v));
    }
    _formulasNow() {
      return this._map((c) => (c.f ? c.f : c.v === undefined || c.v === null ? "" : c.v));
    }
    get values() {
      this._need("values");
      return this._valuesNow();
    }
    set values(rows) {
      const at = this._grid(rows, "values");
      if (!at) return;
      this._write(rows, () =>
        this._each((cell, r, c) => {
          cell.v = typed(at(r, c));
          delete cell.f;
        }),
      );
    }
    get valueTypes() {
      this._need("valueTypes");
      return this._map((c) =>
        c.v === undefined || c.v === null || c.v === ""
          ? "Empty"
          : typeof c.v === "number"
            ? "Double"
            : typeof c.v === "boolean"
              ? "Boolean"
              : /^#(DIV\/0!|REF!|VALUE!|N\/A|NAME\?|NUM!|NULL!)$/.test(c.v)
                ? "Error"
                : "String",
      );
    }
    get formulas() {
      this._need("formulas");
      return this._formulasNow();
    }
    set formulas(rows) {
      const at = this._grid(rows, "formulas");
      if (!at) return;
      const compute = this.context._state.compute;
      this._write(rows, () =>
        this._each((cell, r, c) => {
          const f = at(r, c);
          if (typeof f === "string" && f.startsWith("=")) {
            cell.f = f;
            // Excel computes the formula at once; the fake asks the test's evaluator, if any.
            cell.v = compute ? compute(this._sheet, key(this._box.top + r, this._box.left + c), f) : evaluate(this._sheet, f);
          } else {
            delete cell.f;
            cell.v = typed(f);
          }
        }),
      );
    }
    get numberFormat() {
      this._need("numberFormat");
      return this._map((c) => c.nf || "General");
    }
    set numberFormat(rows) {
      const at = this._grid(rows, "numberFormat");
      if (!at) return;
      this._write(rows, () => this._each((cell, r, c) => (cell.nf = at(r, c))));
    }
    /** ExcelApi 1.9: per-cell format properties; only what the fake knows (font.bold, fill). */
    getCellProperties(spec) {
      needApi(this.context, "1.9", "Range.getCellProperties");
      // eslint-disable-next-line @typescript-eslint/no-this-alias -- the result's getter needs the range
      const range = this;
      const wanted = JSON.stringify(spec);
      const result = new (class CellPropertiesResult extends Loadable {
        get value() {
          if (!this._synced) throw notLoaded("ClientResult.value");
          return range._map((cell) => {
            const out = {};
            if (spec.format) {
              out.format = {};
              if (spec.format.font) out.format.font = { bold: Boolean(cell.fmt && cell.fmt["font.bold"]) };
              if (spec.format.fill) out.format.fill = cell.fill ? { color: cell.fill, pattern: "Solid" } : { color: "#FFFFFF", pattern: "None" };
            }
            if (spec.address) out.address = "";
            return out;
          });
        }
        _responseBytes() {
          return this._pending.size ? range._cellCount() * (wanted.length + 8) : 0;
        }
      })(this.context, ["value"]);
      result._pending.add("value");
      return result;
    }
    getCell(r, c) {
      const b = this._box;
      return new Range(this.context, this._sheet, { top: b.top + r, left: b.left + c, bottom: b.top + r, right: b.left + c });
    }
    getResizedRange(dr, dc) {
      const b = this._box;
      return new Range(this.context, this._sheet, { top: b.top, left: b.left, bottom: b.bottom + dr, right: b.right + dc });
    }
    getMergedAreasOrNullObject() {
      needApi(this.context, "1.13", "Range.getMergedAreasOrNullObject");
      const b = this._box;
      const inside = this._sheet.merges.map(parseRange).filter((m) => m.top >= b.top && m.bottom <= b.bottom && m.left >= b.left && m.right <= b.right);
      const sheet = this._sheet;
      const state = this.context._state;
      // Reported on Excel desktop (office-js #5918): this read clears the user's undo stack.
      this.context._op(0, () => state.undoStackCleared++);
      const areas = new (class RangeAreas extends Loadable {
        get address() {
          this._need("address");
          return inside.map((m) => quoteSheet(sheet.name) + "!" + key(m.top, m.left) + ":" + key(m.bottom, m.right)).join(",");
        }
        _responseBytes() {
          return this._pending.size ? inside.length * 24 : 0;
        }
      })(this.context, ["address", "areaCount", "cellCount"]);
      areas._null = inside.length === 0;
      return areas;
    }
    select() {
      this.context._op(0, () => (this.context._state.selection = { sheet: this._sheet.name, box: this._box }));
    }
  }

  function formatted(cell) {
    return Boolean(cell.nf || cell.fill || (cell.fmt && Object.keys(cell.fmt).length));
  }

  class Worksheet extends Loadable {
    constructor(context, sheet) {
      super(context, ["name", "id", "visibility", "position"]);
      this._sheet = sheet;
      this.protection = new (class WorksheetProtection extends Loadable {
        get protected() {
          this._need("protected");
          return Boolean(sheet.protected);
        }
      })(context, ["protected", "options"]);
      this.onChanged = {
        add(handler) {
          context._state.handlers.push({ sheet: sheet.name, handler });
          return {
            context,
            remove() {
              context._state.handlers = context._state.handlers.filter((h) => h.handler !== handler);
            },
          };
        },
      };
    }
    get name() {
      this._need("name");
      return this._sheet.name;
    }
    get id() {
      this._need("id");
      return this._sheet.id;
    }
    get visibility() {
      this._need("visibility");
      return this._sheet.hidden ? "Hidden" : "Visible";
    }
    getRange(address) {
      const rows = /^\$?(\d+):\$?(\d+)$/.exec(address);
      if (rows) return new Range(this.context, this._sheet, { top: Number(rows[1]), left: 1, bottom: Number(rows[2]), right: 16384 });
      return new Range(this.context, this._sheet, parseRange(address));
    }
    getRangeByIndexes(row, col, rows, cols) {
      return new Range(this.context, this._sheet, { top: row + 1, left: col + 1, bottom: row + rows, right: col + cols });
    }
    get freezePanes() {
      const sheet = this._sheet;
      const context = this.context;
      return {
        freezeRows(n) {
          context._op(4, () => (sheet.frozenRows = n));
        },
      };
    }
    get pageLayout() {
      needApi(this.context, "1.9", "Worksheet.pageLayout");
      const page = this._sheet.pageLayout;
      const op = (fn) => this.context._op(16, fn);
      return {
        set orientation(v) {
          op(() => (page.orientation = v));
        },
        set paperSize(v) {
          op(() => (page.paperSize = v));
        },
        set zoom(v) {
          op(() => (page.zoom = v));
        },
        setPrintTitleRows(rows) {
          op(() => (page.printTitleRows = rows));
        },
      };
    }
    get notes() {
      needApi(this.context, "1.18", "Worksheet.notes");
      return notesOf(this.context, this._sheet);
    }
    delete() {
      const state = this.context._state;
      this.context._op(8, () => {
        if (!state.sheets.includes(this._sheet)) throw officeError("ItemNotFound", this._sheet.name);
        state.sheets = state.sheets.filter((s) => s !== this._sheet);
      });
    }
    /** The used range: cells with a value, a formula or (unless valuesOnly) any format. */
    getUsedRangeOrNullObject(valuesOnly) {
      let top = Infinity, left = Infinity, bottom = 0, right = 0;
      for (const [k, cell] of Object.entries(this._sheet.cells)) {
        const hasValue = !(cell.v === undefined || cell.v === null || cell.v === "") || cell.f;
        if (!hasValue && (valuesOnly || !formatted(cell))) continue;
        const p = parseCell(k);
        top = Math.min(top, p.row);
        left = Math.min(left, p.col);
        bottom = Math.max(bottom, p.row);
        right = Math.max(right, p.col);
      }
      if (!Number.isFinite(top)) return new Range(this.context, this._sheet, { top: 1, left: 1, bottom: 1, right: 1 }, true);
      return new Range(this.context, this._sheet, { top, left, bottom, right });
    }
    activate() {
      this.context._op(4, () => (this.context._state.active = this._sheet.name));
    }
  }

  /** Worksheet.notes (ExcelApi 1.18), keyed by cell address in the sheet. */
  function notesOf(context, sheet) {
    sheet.notes = sheet.notes || {};
    const local = (address) => {
      const a = String(address).includes("!") ? String(address).slice(String(address).lastIndexOf("!") + 1) : String(address);
      return a.replace(/\$/g, "").toUpperCase();
    };
    const note = (address, isNull) => {
      const n = new (class Note extends Loadable {
        get content() {
          this._need("content");
          return sheet.notes[address];
        }
        delete() {
          context._op(8, () => {
            if (!(address in sheet.notes)) throw officeError("ItemNotFound", "note " + address);
            delete sheet.notes[address];
          });
        }
      })(context, ["content", "authorName", "visible"]);
      n._null = isNull;
      return n;
    };
    return {
      add(cellAddress, content) {
        const a = local(cellAddress);
        if (a.includes(":")) context._fail(officeError("InvalidArgument", "a note needs one cell"));
        context._op(bytes(content), () => {
          if (sheet.protected) throw officeError("AccessDenied", "protected sheet " + sheet.name);
          if (a in sheet.notes) throw officeError("InvalidArgument", "the cell already has a note");
          sheet.notes[a] = String(content);
        });
        return note(a, false);
      },
      getItem(cellAddress) {
        const a = local(cellAddress);
        context._op(0, () => {
          if (!(a in sheet.notes)) throw officeError("ItemNotFound", "note " + a);
        });
        return note(a, false);
      },
      getItemOrNullObject(cellAddress) {
        const a = local(cellAddress);
        const n = note(a, false);
        context._op(0, () => (n._null = !(a in sheet.notes)));
        return n;
      },
    };
  }

  class WorksheetCollection extends Loadable {
    constructor(context) {
      super(context, ["items"]);
      this._items = null;
    }
    load(props) {
      super.load("items");
      const sub = String(typeof props === "string" ? props : "")
        .split(",")
        .map((p) => p.trim())
        .filter((p) => p.startsWith("items/"))
        .map((p) => p.slice(6));
      this._sub = sub;
      return this;
    }
    _flush() {
      if (this._pending.has("items")) {
        this._items = this.context._state.sheets.map((s) => {
          const w = new Worksheet(this.context, s);
          for (const p of this._sub.length ? this._sub : w._props) w._loaded.add(p);
          w._synced = true;
          return w;
        });
      }
      super._flush();
    }
    get items() {
      this._need("items");
      return this._items;
    }
    getItem(key) {
      const state = this.context._state;
      const sheet = state.sheets.find((s) => s.name === key || s.id === key);
      const w = new Worksheet(this.context, sheet || { name: key, id: key, cells: {}, merges: [], notes: {} });
      if (!sheet) this.context._fail(officeError("ItemNotFound", "sheet " + key));
      return w;
    }
    getItemOrNullObject(key) {
      const state = this.context._state;
      const sheet = state.sheets.find((s) => s.name === key || s.id === key);
      const w = new Worksheet(this.context, sheet || { name: key, id: key, cells: {}, merges: [], notes: {} });
      w._null = !sheet;
      return w;
    }
    add(name) {
      const state = this.context._state;
      const sheet = newSheet(name, null, state);
      const w = new Worksheet(this.context, sheet);
      this.context._op(bytes(name), () => {
        if (state.workbookProtected) throw officeError("AccessDenied", "the workbook is protected");
        if (state.sheets.some((s) => s.name.toLowerCase() === String(name).toLowerCase())) throw officeError("ItemAlreadyExists", name);
        state.sheets.push(sheet);
      });
      return w;
    }
    getActiveWorksheet() {
      const state = this.context._state;
      return this.getItem(state.active || state.sheets[0].name);
    }
  }

  class Context {
    constructor(state, options) {
      this._state = state;
      this._options = options || {};
      this._objects = [];
      this._ops = [];
      this._failure = null;
      const protection = new (class WorkbookProtection extends Loadable {
        get protected() {
          this._need("protected");
          return Boolean(state.workbookProtected);
        }
      })(this, ["protected"]);
      this.workbook = { protection, worksheets: new WorksheetCollection(this) };
    }
    /** A client-side refusal (bad argument, unknown property): the next sync fails at this point. */
    _fail(e) {
      this._ops.push({ bytes: 0, run: () => { throw e; } });
    }
    _op(size, run) {
      this._ops.push({ bytes: size, run });
    }
    async sync() {
      const state = this._state;
      state.syncs++;
      const ops = this._ops;
      this._ops = [];
      const pending = this._objects.filter((o) => o._pending.size);
      const drop = () => pending.forEach((o) => o._pending.clear());
      if (state.beforeSync) state.beforeSync(state);
      if (state.editMode) {
        drop();
        throw officeError("InvalidOperationInCellEditMode");
      }
      state.opsPerSync.push(ops.length);
      // The request: every queued write, counted in bytes.
      const request = ops.reduce((n, o) => n + o.bytes, 0);
      if (request > state.payloadBytes) {
        drop();
        throw officeError("RequestPayloadSizeLimitExceeded", request + " bytes");
      }
      // The operations, in order; a failure leaves the earlier ones done (no transaction).
      const grouped = this._options.mergeUndoGroup;
      for (let i = 0; i < ops.length; i++) {
        // A test's fault: operation `op` of sync number `sync` fails (say, a cell Excel refuses).
        if (state.failAt && state.failAt.sync === state.syncs && state.failAt.op === i) {
          drop();
          const e = officeError(state.failAt.code || "GeneralException");
          if (state.failAt.message) e.message = state.failAt.message;
          throw e;
        }
        if (grouped && i >= state.undoGroupLimit) {
          drop();
          throw officeError("UndoNotSupported");
        }
        try {
          ops[i].run();
        } catch (e) {
          drop();
          throw e;
        }
      }
      // The response: every loaded property, counted in bytes.
      const response = pending.reduce((n, o) => n + o._responseBytes(), 0);
      if (response > state.payloadBytes) {
        drop();
        throw officeError("ResponsePayloadSizeLimitExceeded", response + " bytes");
      }
      state.maxResponse = Math.max(state.maxResponse, response);
      for (const o of this._objects) o._flush();
    }
  }

  let nextId = 1;
  function newSheet(name, s) {
    s = s || {};
    return {
      name,
      id: s.id || "{" + String(nextId++).padStart(8, "0") + "-FAKE}",
      cells: JSON.parse(JSON.stringify(s.cells || {})),
      merges: (s.merges || []).slice(),
      notes: Object.assign({}, s.notes || {}),
      protected: Boolean(s.protected),
      hidden: Boolean(s.hidden),
      columnWidths: {},
      rowHeights: {},
      conditionalFormats: [],
      validations: [],
      pageLayout: {},
      frozenRows: 0,
    };
  }

  function settingsBytes(bag) {
    return bytes(bag);
  }

  function install(data, options) {
    options = options || {};
    LANGUAGE = options.language || "vi-VN";
    const state = {
      sheets: data.sheets.map((s) => newSheet(s.name, s)),
      workbookProtected: Boolean(data.workbookProtected),
      active: data.active || data.sheets[0].name,
      /** The settings saved in the document; each runtime works on its own copy. */
      settings: Object.assign({}, data.settings || {}),
      settingsLimit: data.settingsLimit || 2 * 1024 * 1024,
      apis: Object.assign({ ExcelApi: "1.7" }, data.apis || {}),
      readOnly: Boolean(data.readOnly),
      editMode: false,
      syncs: 0,
      opsPerSync: [],
      maxResponse: 0,
      handlers: [],
      runOptions: [],
      payloadBytes: data.payloadBytes || 5 * 1024 * 1024,
      undoGroupLimit: data.undoGroupLimit || Infinity,
      undoStackCleared: 0,
      compute: null,
      failAt: null,
      beforeSync: null,
      selection: null,
      actions: {},
      saved: null,
    };
    const Excel = {
      run(a, b) {
        const options = typeof a === "function" || a instanceof Context ? null : a;
        state.runOptions.push(options);
        const batch = typeof b === "function" ? b : a;
        return Promise.resolve().then(() => batch(new Context(state, options || {})));
      },
    };

    /** One runtime (the task pane, or a function file without a shared runtime): its own Office global. */
    function runtime() {
      let copy = JSON.parse(JSON.stringify(state.settings));
      const later = (fn) => Promise.resolve().then(fn);
      const settings = {
        get: (k) => (k in copy ? copy[k] : null),
        set: (k, v) => {
          copy[k] = v;
        },
        remove: (k) => {
          delete copy[k];
        },
        saveAsync: (a, b) => {
          const cb = typeof a === "function" ? a : b;
          const snapshot = JSON.parse(JSON.stringify(copy));
          later(() => {
            if (settingsBytes(snapshot) > state.settingsLimit) {
              if (cb) cb({ status: "failed", error: { code: 5001, name: "Internal Error", message: "An internal error has occurred." } });
              return;
            }
            state.settings = snapshot;
            state.saved = JSON.stringify(snapshot);
            if (cb) cb({ status: "succeeded" });
          });
        },
        refreshAsync: (cb) => {
          later(() => {
            copy = JSON.parse(JSON.stringify(state.settings));
            if (cb) cb({ status: "succeeded", value: settings });
          });
        },
      };
      return {
        HostType: { Excel: "Excel" },
        AsyncResultStatus: { Succeeded: "succeeded", Failed: "failed" },
        DocumentMode: { ReadOnly: "readOnly", ReadWrite: "readWrite" },
        context: {
          document: {
            settings,
            get mode() {
              return state.readOnly ? "readOnly" : "readWrite";
            },
          },
          requirements: {
            isSetSupported(name, version) {
              const have = state.apis[name];
              if (!have) return false;
              const [a1, b1] = String(have).split(".").map(Number);
              const [a2, b2] = String(version || "1.1").split(".").map(Number);
              return a1 > a2 || (a1 === a2 && (b1 || 0) >= (b2 || 0));
            },
          },
          displayLanguage: options.language || "vi-VN",
        },
        onReady(cb) {
          const info = { host: "Excel", platform: "OfficeOnline" };
          if (state.readyHeld) return new Promise(() => undefined);
          if (cb) cb(info);
          return Promise.resolve(info);
        },
        actions: {
          associate(name, fn) {
            state.actions[name] = fn;
          },
        },
      };
    }

    const Office = runtime();
    root.Office = Office;
    root.Excel = Excel;
    root.OfficeExtension = { Error };
    /** Test handle: the state, the sheets' cells, and helpers. */
    root.__fakeOffice = {
      state,
      Office,
      /** A second runtime over the same document (say, the ribbon's function file). */
      runtime,
      /** Makes `office` the global Office, as code in that runtime sees it. */
      use(office) {
        root.Office = office;
      },
      cell(sheet, address) {
        const s = state.sheets.find((x) => x.name === sheet);
        return (s && s.cells[address]) || null;
      },
      fireChanged(sheet) {
        for (const h of state.handlers) if (h.sheet === sheet) h.handler({ source: "Local", triggerSource: "Unknown", changeType: "RangeEdited" });
      },
    };
    return root.__fakeOffice;
  }

  const api = { install, colLetter, parseRange, MESSAGES };
  if (typeof module !== "undefined" && module.exports) module.exports = api;
  root.FakeOffice = api;
})(typeof globalThis !== "undefined" ? globalThis : this);
