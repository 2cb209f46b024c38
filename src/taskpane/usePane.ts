/**
 * The task pane's state and what its buttons do: Kiểm tra, Tính lại and Chuẩn hóa (planned, shown,
 * then confirmed), undo, clearing the highlights, a new template sheet, the user's column
 * corrections, the language and the automatic re-check. It talks only to a Host and to the engine;
 * the cards in ./cards only show what it holds.
 */
import * as React from "react";
import { analyseSheet, buildTemplate, carryOverIndicators, planHighlights, planNormalise, planSheetRecalc, recogniseSheet, type CellWrite, type ColumnRole, type Finding, type RoleChoice, type SheetModel, type SheetReport, type SheetSnapshot } from "../engine";
import { HostError, type Host, type SheetInfo } from "../host/host";
import { STRINGS, type Lang, type Strings } from "./strings";

export interface PaneProps {
  host: Host;
  /** "check": run Kiểm tra as soon as the pane opens (the ribbon button). */
  initialAction?: "check" | null;
  initialLang?: Lang;
  /** Called after every write, so a surrounding page (the preview grid) can redraw. */
  onWorkbookChanged?: () => void;
}

export type Notice = { intent: "success" | "error" | "info"; text: string } | null;

/** Writes waiting for the user's confirmation: a recalculation or a "Chuẩn hóa" clean-up. */
export interface Pending {
  kind: "recalc" | "normalise";
  writes: CellWrite[];
}

export function errorText(e: unknown, t: Strings): string {
  if (e instanceof HostError) return t.errors[e.code];
  return t.errors.unknown;
}

/** The sheet's report under the user's column corrections: the one place the pane asks the engine to analyse. */
function analyseWith(snap: SheetSnapshot, overrides: RoleChoice): SheetReport {
  return analyseSheet(snap, { roles: overrides });
}

/** The sheet recognised under the user's column corrections, for Tính lại, Chuẩn hóa and a new template. */
function modelWith(snap: SheetSnapshot, overrides: RoleChoice): SheetModel {
  return recogniseSheet(snap, { roles: overrides });
}

export function usePane({ host, initialAction = null, initialLang = "vi", onWorkbookChanged }: PaneProps) {
  const [lang, setLang] = React.useState<Lang>(initialLang);
  const t = STRINGS[lang];
  const [sheets, setSheets] = React.useState<SheetInfo[]>([]);
  const [sheet, setSheet] = React.useState<string>("");
  const [report, setReport] = React.useState<SheetReport | null>(null);
  const [snapshot, setSnapshot] = React.useState<SheetSnapshot | null>(null);
  const [progress, setProgress] = React.useState<number | null>(null);
  const [busy, setBusy] = React.useState(false);
  const [notice, setNotice] = React.useState<Notice>(null);
  const [pending, setPending] = React.useState<Pending | null>(null);
  const [carry, setCarry] = React.useState(true);
  const [commune, setCommune] = React.useState("");
  const [period, setPeriod] = React.useState("");
  const [canUndo, setCanUndo] = React.useState(false);
  const [selected, setSelected] = React.useState<Finding | null>(null);
  const [auto, setAuto] = React.useState(false);
  const [overrides, setOverrides] = React.useState<RoleChoice>({});
  /** The column map unfolded by the user (null: as the report suggests). */
  const [columnsOpen, setColumnsOpen] = React.useState<boolean | null>(null);
  const started = React.useRef(false);
  /**
   * Change events while we write, and shortly after (hosts without triggerSource report our own
   * writes as changes too), are ignored until this time (ms).
   */
  const quietUntil = React.useRef(0);

  const refreshSheets = React.useCallback(async () => {
    const list = await host.listSheets();
    setSheets(list);
    setSheet((current) => (current && list.some((s) => s.name === current) ? current : (list.find((s) => s.active) ?? list[0])?.name ?? ""));
    setCanUndo(await host.canUndo());
    return list;
  }, [host]);

  const run = React.useCallback(
    async (work: () => Promise<void>) => {
      setBusy(true);
      setNotice(null);
      quietUntil.current = Number.POSITIVE_INFINITY;
      try {
        await work();
      } catch (e) {
        setNotice({ intent: "error", text: errorText(e, t) });
      } finally {
        quietUntil.current = Date.now() + 300;
        setBusy(false);
        setProgress(null);
        setCanUndo(await host.canUndo().catch(() => false));
      }
    },
    [host, t],
  );

  const check = React.useCallback(
    async (name: string) => {
      if (!name) return;
      setProgress(0);
      const snap = await host.readSheet(name, (p) => setProgress(p));
      const rep = analyseWith(snap, overrides);
      setSnapshot(snap);
      setReport(rep);
      setSelected(null);
      const painted = await host.applyHighlights(planHighlights({ sheets: [rep] }), lang);
      onWorkbookChanged?.();
      setNotice({ intent: "info", text: `${t.checkedAt(name)} ${painted ? t.painted(painted) : ""}`.trim() });
    },
    [host, lang, t, onWorkbookChanged, overrides],
  );

  React.useEffect(() => {
    if (started.current) return;
    started.current = true;
    void run(async () => {
      const list = await refreshSheets();
      const first = (list.find((s) => s.active) ?? list[0])?.name;
      if (initialAction === "check" && first) await check(first);
    });
  }, [refreshSheets, initialAction, check, run]);

  // Re-check when the sheet changes, debounced, while the option is on.
  React.useEffect(() => {
    if (!auto || !sheet) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let stop: (() => void) | undefined;
    let live = true;
    void host
      .onChanged(sheet, (own) => {
        if (own || Date.now() < quietUntil.current) return;
        if (timer) clearTimeout(timer);
        timer = setTimeout(() => void run(() => check(sheet)), 800);
      })
      .then((s) => (live ? (stop = s) : s()))
      .catch(() => undefined);
    return () => {
      live = false;
      if (timer) clearTimeout(timer);
      stop?.();
    };
  }, [auto, sheet, host, check, run]);

  const onCheck = () => run(() => check(sheet));

  /** Reads the sheet, plans the writes and shows them for confirmation (nothing is written yet). */
  const propose = (kind: Pending["kind"], plan: (model: SheetModel) => CellWrite[], nothing: string) =>
    run(async () => {
      const snap = await host.readSheet(sheet, (p) => setProgress(p));
      setSnapshot(snap);
      const writes = plan(modelWith(snap, overrides));
      if (!writes.length) setNotice({ intent: "info", text: nothing });
      else setPending({ kind, writes });
    });

  const onRecalc = () => propose("recalc", planSheetRecalc, t.nothingToRecalc);

  const onNormalise = () => propose("normalise", planNormalise, t.nothingToNormalise);

  const onTemplate = () =>
    run(async () => {
      // The indicator list of the selected sheet comes along when it is a table and the box is ticked.
      const carried = carry && sheet ? carryOverIndicators(modelWith(await host.readSheet(sheet, (p) => setProgress(p)), overrides)) : null;
      const from = carried && carried.count > 0 ? carried : null;
      const name = await host.addTemplateSheet(buildTemplate({ commune, period, ...(from ? { groups: from.groups, baselines: from.baselines } : {}) }));
      onWorkbookChanged?.();
      await refreshSheets();
      onSheet(name);
      const renumbered = from?.renumbered.length ? ` ${t.templateRenumbered(from.renumbered.map((c) => `${c.from} → ${c.to}`).join(", "))}` : "";
      setNotice({ intent: "success", text: (from ? t.templateCarried(name, from.count, sheet) : t.templateMade(name)) + renumbered });
    });

  const onConfirm = () =>
    run(async () => {
      const writes = pending?.writes ?? [];
      setPending(null);
      const n = await host.applyWrites(writes);
      onWorkbookChanged?.();
      setNotice({ intent: "success", text: t.written(n) });
      await recheck();
    });

  const onCancel = () => setPending(null);

  /** After a write: the sheet read again; where it had been checked, its highlights redone (cells now right lose theirs). */
  const recheck = async () => {
    const snap = await host.readSheet(sheet);
    setSnapshot(snap);
    const rep = analyseWith(snap, overrides);
    if (report) {
      await host.applyHighlights(planHighlights({ sheets: [rep] }), lang);
      onWorkbookChanged?.();
    }
    setReport(rep);
  };

  const onUndo = () =>
    run(async () => {
      const n = await host.undo();
      onWorkbookChanged?.();
      setNotice({ intent: "success", text: t.undone(n) });
      if (report) await recheck();
    });

  const onClear = () =>
    run(async () => {
      const n = await host.clearHighlights();
      onWorkbookChanged?.();
      setNotice({ intent: "success", text: t.cleared(n) });
    });

  const onRole = (role: ColumnRole, letter: string) =>
    run(async () => {
      if (!snapshot) return;
      const next = { ...overrides, [role]: letter };
      setOverrides(next);
      const rep = analyseWith(snapshot, next);
      setReport(rep);
      setSelected(null);
      await host.applyHighlights(planHighlights({ sheets: [rep] }), lang);
      onWorkbookChanged?.();
    });

  const onSheet = (name: string) => {
    setSheet(name);
    setOverrides({});
    setColumnsOpen(null);
    setReport(null);
    setSnapshot(null);
  };

  const onPick = (f: Finding) => {
    setSelected(f);
    void host.selectCell(report?.name ?? sheet, f.cell).catch((e) => setNotice({ intent: "error", text: errorText(e, t) }));
  };

  const onLang = () => setLang(lang === "vi" ? "en" : "vi");

  return {
    t,
    lang,
    sheets,
    sheet,
    report,
    snapshot,
    progress,
    busy,
    notice,
    pending,
    canUndo,
    selected,
    auto,
    setAuto,
    /** Whether the user has corrected any column. */
    overridden: Object.keys(overrides).length > 0,
    /** The columns the user chose, role → letter ("" for none). */
    overrides,
    columnsOpen,
    setColumnsOpen,
    template: { commune, setCommune, period, setPeriod, carry, setCarry },
    onLang,
    onSheet,
    onCheck,
    onRecalc,
    onNormalise,
    onUndo,
    onClear,
    onConfirm,
    onCancel,
    onTemplate,
    onRole,
    onPick,
  };
}

export type PaneState = ReturnType<typeof usePane>;
