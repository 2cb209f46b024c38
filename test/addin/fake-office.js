/*
 * A faithful-enough fake of the Office.js Excel object model, for the adapter's jest tests and
 * for driving taskpane.html in a real browser (Playwright injects this file before the page
 * loads). It keeps Office.js's rules that matter to us: a property can be read only after it was
 * loaded and context.sync() ran; every sync is counted; a protected sheet refuses writes; a cell
 * in edit mode makes every batch fail. Plain JavaScript so it runs unchanged in both places.
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

  function hasApi(state, version) {
    const [a1, b1] = String(state.apis.ExcelApi || "1.1").split(".").map(Number);
    const [a2, b2] = version.split(".").map(Number);
    return a1 > a2 || (a1 === a2 && (b1 || 0) >= (b2 || 0));
  }
  /** Office.js throws on a member of a newer requirement set than the host has. */
  function needApi(context, version, what) {
    if (hasApi(context._state, version)) return;
    const e = new Error(what + " needs ExcelApi " + version);
    e.code = "ApiNotFound";
    throw e;
  }

  class NotLoaded extends Error {
    constructor(what) {
      super("PropertyNotLoaded: " + what + " was read before load() and context.sync()");
      this.code = "PropertyNotLoaded";
    }
  }

  /** Base of every proxy object: load() queues, sync() makes loaded, get() checks. */
  class Loadable {
    constructor(context) {
      this.context = context;
      this._pending = new Set();
      this._loaded = new Set();
      context._objects.push(this);
    }
    load(props) {
      const list = typeof props === "string" ? props.split(",") : Array.isArray(props) ? props : Object.keys(props || {});
      for (const p of list) this._pending.add(p.trim().split("/")[0]);
      if (!list.length) this._pending.add("*");
      return this;
    }
    _flush() {
      for (const p of this._pending) this._loaded.add(p);
      this._pending.clear();
    }
    _need(p) {
      if (!this._loaded.has(p) && !this._loaded.has("*")) throw new NotLoaded(this.constructor.name + "." + p);
    }
  }

  class Fill {
    constructor(range) {
      this._range = range;
      this._loaded = new Set();
      this._pending = new Set();
      range.context._objects.push(this);
    }
    load() {
      this._pending.add("color");
      return this;
    }
    _flush() {
      for (const p of this._pending) this._loaded.add(p);
      this._pending.clear();
    }
    get color() {
      if (!this._loaded.has("color")) throw new NotLoaded("RangeFill.color");
      const c = this._range._cells()[0][0];
      return c && c.fill ? c.fill : "#FFFFFF";
    }
    set color(v) {
      this._range._check();
      this._range._each((cell) => (cell.fill = String(v).toUpperCase()));
    }
    clear() {
      this._range._check();
      this._range._each((cell) => (cell.fill = null));
    }
  }

  /** Range.format: what the template writes (font, alignment, borders, sizes), kept per cell in cell.fmt. */
  function makeFormat(range) {
    const set = (k, v) => {
      range._check();
      range._each((cell) => (cell.fmt = Object.assign({}, cell.fmt, { [k]: v })));
    };
    const font = {};
    for (const k of ["name", "size", "bold", "italic", "color"]) {
      Object.defineProperty(font, k, {
        set(v) {
          set("font." + k, v);
        },
      });
    }
    const format = {
      fill: new Fill(range),
      font,
      borders: {
        getItem(edge) {
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
        range._check();
        for (let c = range._box.left; c <= range._box.right; c++) range._sheet.columnWidths[colLetter(c)] = v;
      },
      set rowHeight(v) {
        range._check();
        for (let r = range._box.top; r <= range._box.bottom; r++) range._sheet.rowHeights[r] = v;
      },
    };
    return format;
  }

  class Range extends Loadable {
    constructor(context, sheet, box, isNull) {
      super(context);
      this._sheet = sheet;
      this._box = box;
      this.isNullObject = Boolean(isNull);
      this.format = makeFormat(this);
    }
    _local() {
      const b = this._box;
      return key(b.top, b.left) + ":" + key(b.bottom, b.right);
    }
    getEntireColumn() {
      return new Range(this.context, this._sheet, { top: 1, left: this._box.left, bottom: 1048576, right: this._box.right });
    }
    merge() {
      this._check();
      this._sheet.merges.push(this._local());
    }
    get conditionalFormats() {
      // eslint-disable-next-line @typescript-eslint/no-this-alias -- the returned object's methods need the range
      const range = this;
      return {
        add(type) {
          range._check();
          const cf = { type, range: range._local(), formula: null, fill: null, fontColor: null, bold: false };
          range._sheet.conditionalFormats.push(cf);
          return {
            custom: {
              rule: {
                set formula(v) {
                  cf.formula = v;
                },
              },
              format: {
                fill: {
                  set color(v) {
                    cf.fill = v;
                  },
                },
                font: {
                  set color(v) {
                    cf.fontColor = v;
                  },
                  set bold(v) {
                    cf.bold = v;
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
      const v = { range: range._local() };
      range._sheet.validations.push(v);
      return {
        set rule(r) {
          range._check();
          v.rule = r;
        },
        set prompt(p) {
          v.prompt = p;
        },
        set errorAlert(a) {
          v.errorAlert = a;
        },
      };
    }
    _check() {
      if (this._sheet.protected) {
        const e = new Error("The cell or chart you're trying to change is on a protected sheet.");
        e.code = "AccessDenied";
        this.context._failure = e;
      }
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
    get values() {
      this._need("values");
      return this._map((c) => (c.v === undefined || c.v === null ? "" : c.v));
    }
    set values(rows) {
      this._check();
      this._each((cell, r, c) => {
        cell.v = typed(rows[r][c]);
        delete cell.f;
      });
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
      return this._map((c) => (c.f ? c.f : c.v === undefined || c.v === null ? "" : c.v));
    }
    set formulas(rows) {
      this._check();
      this._each((cell, r, c) => {
        const f = rows[r][c];
        if (typeof f === "string" && f.startsWith("=")) {
          cell.f = f;
          cell.v = "";
        } else {
          delete cell.f;
          cell.v = typed(f);
        }
      });
    }
    get numberFormat() {
      this._need("numberFormat");
      return this._map((c) => c.nf || "General");
    }
    set numberFormat(rows) {
      this._check();
      this._each((cell, r, c) => (cell.nf = rows[r][c]));
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
      const b = this._box;
      const inside = this._sheet.merges.map(parseRange).filter((m) => m.top >= b.top && m.bottom <= b.bottom && m.left >= b.left && m.right <= b.right);
      const areas = new Loadable(this.context);
      areas.isNullObject = inside.length === 0;
      const sheet = this._sheet;
      Object.defineProperty(areas, "address", {
        get() {
          areas._need("address");
          return inside.map((m) => quoteSheet(sheet.name) + "!" + key(m.top, m.left) + ":" + key(m.bottom, m.right)).join(",");
        },
      });
      return areas;
    }
    select() {
      this.context._state.selection = { sheet: this._sheet.name, box: this._box };
    }
  }

  class Worksheet extends Loadable {
    constructor(context, sheet) {
      super(context);
      this._sheet = sheet;
      this.protection = new (class extends Loadable {
        get protected() {
          this._need("protected");
          return Boolean(sheet.protected);
        }
      })(context);
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
      return this._sheet.name;
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
      return {
        freezeRows(n) {
          sheet.frozenRows = n;
        },
      };
    }
    get pageLayout() {
      needApi(this.context, "1.9", "Worksheet.pageLayout");
      const page = this._sheet.pageLayout;
      return {
        set orientation(v) {
          page.orientation = v;
        },
        set paperSize(v) {
          page.paperSize = v;
        },
        set zoom(v) {
          page.zoom = v;
        },
        setPrintTitleRows(rows) {
          page.printTitleRows = rows;
        },
      };
    }
    delete() {
      const state = this.context._state;
      state.sheets = state.sheets.filter((s) => s !== this._sheet);
    }
    getUsedRangeOrNullObject() {
      let top = Infinity, left = Infinity, bottom = 0, right = 0;
      for (const [k, cell] of Object.entries(this._sheet.cells)) {
        if ((cell.v === undefined || cell.v === null || cell.v === "") && !cell.f) continue;
        const p = parseCell(k);
        top = Math.min(top, p.row);
        left = Math.min(left, p.col);
        bottom = Math.max(bottom, p.row);
        right = Math.max(right, p.col);
      }
      for (const m of this._sheet.merges.map(parseRange)) {
        top = Math.min(top, m.top);
        left = Math.min(left, m.left);
        bottom = Math.max(bottom, m.bottom);
        right = Math.max(right, m.right);
      }
      if (!Number.isFinite(top)) return new Range(this.context, this._sheet, { top: 1, left: 1, bottom: 1, right: 1 }, true);
      return new Range(this.context, this._sheet, { top, left, bottom, right });
    }
    activate() {
      this.context._state.active = this._sheet.name;
    }
  }

  class Context {
    constructor(state) {
      this._state = state;
      this._objects = [];
      this._failure = null;
      // eslint-disable-next-line @typescript-eslint/no-this-alias -- the collection's methods need the context
      const ctx = this;
      const protection = new (class extends Loadable {
        get protected() {
          this._need("protected");
          return Boolean(state.workbookProtected);
        }
      })(this);
      this.workbook = {
        protection,
        worksheets: {
          _items: null,
          getItem(name) {
            const sheet = state.sheets.find((s) => s.name === name);
            if (!sheet) {
              const e = new Error("The requested resource doesn't exist.");
              e.code = "ItemNotFound";
              ctx._failure = ctx._failure || e;
              return new Worksheet(ctx, { name, cells: {}, merges: [] });
            }
            return new Worksheet(ctx, sheet);
          },
          add(name) {
            if (state.workbookProtected) {
              const e = new Error("The workbook is protected.");
              e.code = "AccessDenied";
              ctx._failure = ctx._failure || e;
              return new Worksheet(ctx, newSheet(name));
            }
            if (state.sheets.some((s) => s.name.toLowerCase() === String(name).toLowerCase())) {
              const e = new Error("The resource already exists.");
              e.code = "ItemAlreadyExists";
              ctx._failure = ctx._failure || e;
              return new Worksheet(ctx, newSheet(name));
            }
            const sheet = newSheet(name);
            state.sheets.push(sheet);
            return new Worksheet(ctx, sheet);
          },
          getActiveWorksheet() {
            return this.getItem(state.active || state.sheets[0].name);
          },
          load() {
            this._items = state.sheets.map((s) => new Worksheet(ctx, s));
            return this;
          },
          get items() {
            if (!this._items) throw new NotLoaded("WorksheetCollection.items");
            return this._items;
          },
        },
      };
    }
    async sync() {
      this._state.syncs++;
      if (this._state.editMode) {
        const e = new Error("The operation cannot be performed while a cell is being edited.");
        e.code = "InvalidOperationInCellEditMode";
        throw e;
      }
      if (this._failure) {
        const e = this._failure;
        this._failure = null;
        throw e;
      }
      // Excel on the web refuses a response over its payload limit (5 MB); here, counted in cells.
      if (this._state.payloadCells) {
        let cells = 0;
        for (const o of this._objects) if (o._box && o._pending.has("values")) cells += (o._box.bottom - o._box.top + 1) * (o._box.right - o._box.left + 1);
        if (cells > this._state.payloadCells) {
          for (const o of this._objects) o._pending.clear();
          const e = new Error("The response payload size has exceeded the limit.");
          e.code = "ResponsePayloadSizeLimitExceeded";
          throw e;
        }
      }
      for (const o of this._objects) o._flush();
      this._state.commit();
    }
  }

  function newSheet(name, s) {
    s = s || {};
    return {
      name,
      cells: JSON.parse(JSON.stringify(s.cells || {})),
      merges: (s.merges || []).slice(),
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

  function install(data, options) {
    options = options || {};
    const snapshotBefore = () => JSON.stringify(state.sheets);
    const state = {
      sheets: data.sheets.map((s) => newSheet(s.name, s)),
      workbookProtected: Boolean(data.workbookProtected),
      active: data.active || data.sheets[0].name,
      settings: Object.assign({}, data.settings || {}),
      apis: Object.assign({ ExcelApi: "1.7" }, data.apis || {}),
      readOnly: Boolean(data.readOnly),
      editMode: false,
      syncs: 0,
      handlers: [],
      runOptions: [],
      payloadCells: data.payloadCells || 0,
      selection: null,
      actions: {},
      saved: null,
      commit() {},
    };
    // A batch is all or nothing: the sheets are restored when a sync fails.
    state.run = async function (batch) {
      const before = snapshotBefore();
      const context = new Context(state);
      try {
        return await batch(context);
      } catch (e) {
        state.sheets = JSON.parse(before);
        throw e;
      }
    };
    const Excel = {
      run(a, b) {
        state.runOptions.push(typeof a === "function" ? null : a);
        return state.run(typeof a === "function" ? a : b);
      },
    };
    const settings = {
      get: (k) => (k in state.settings ? state.settings[k] : null),
      set: (k, v) => (state.settings[k] = v),
      remove: (k) => delete state.settings[k],
      saveAsync: (cb) => {
        state.saved = JSON.stringify(state.settings);
        if (cb) cb({ status: "succeeded" });
      },
    };
    const Office = {
      HostType: { Excel: "Excel" },
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
        if (cb) cb(info);
        return Promise.resolve(info);
      },
      actions: {
        associate(name, fn) {
          state.actions[name] = fn;
        },
      },
    };
    root.Office = Office;
    root.Excel = Excel;
    root.OfficeExtension = { Error };
    /** Test handle: the state, the sheets' cells, and helpers. */
    root.__fakeOffice = {
      state,
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

  const api = { install, colLetter, parseRange };
  if (typeof module !== "undefined" && module.exports) module.exports = api;
  root.FakeOffice = api;
})(typeof globalThis !== "undefined" ? globalThis : this);
