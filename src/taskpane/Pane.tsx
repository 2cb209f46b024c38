/**
 * The Soát Biểu task pane. It talks only to a Host (Excel through Office.js, or the browser
 * preview's in-memory workbook) and to the engine; it holds no rules of its own.
 */
import * as React from "react";
import {
  Badge,
  Button,
  Checkbox,
  Divider,
  FluentProvider,
  Input,
  MessageBar,
  MessageBarBody,
  ProgressBar,
  Select,
  Switch,
  Text,
  webLightTheme,
} from "@fluentui/react-components";
import { HIGHLIGHT_FILL, analyseSheet, buildTemplate, carryOverIndicators, countBySeverity, formatViNumber, planHighlights, planNormalise, planSheetRecalc, recogniseSheet, shownText, type CellWrite, type ColumnRole, type Finding, type Severity, type SheetModel, type SheetReport, type SheetSnapshot } from "../engine";
import { HostError, type Host, type SheetInfo } from "../host/host";
import { STRINGS, type Lang, type Strings } from "./strings";
import { columnsSettled, sheetColumns, type RoleOverrides } from "./columns";
import { kindHelp } from "../help/findings";
import { cellText, quoteContext, quotePlace } from "../help/quote";

const SEVERITIES: Severity[] = ["error", "warning", "info"];
const ROLES: ColumnRole[] = ["stt", "name", "unit", "target", "actual", "percent", "verdict", "forecast", "note"];

export interface PaneProps {
  host: Host;
  /** "check": run Kiểm tra as soon as the pane opens (the ribbon button). */
  initialAction?: "check" | null;
  initialLang?: Lang;
  /** Called after every write, so a surrounding page (the preview grid) can redraw. */
  onWorkbookChanged?: () => void;
}

type Notice = { intent: "success" | "error" | "info"; text: string } | null;

/** Writes waiting for the user's confirmation: a recalculation or a "Chuẩn hóa" clean-up. */
interface Pending {
  kind: "recalc" | "normalise";
  writes: CellWrite[];
}

function shown(value: unknown, t: Strings): string {
  if (value === null || value === undefined || value === "") return t.empty;
  if (typeof value === "number") return formatViNumber(value, Number.isInteger(value) ? 0 : Math.min(2, String(value).split(".")[1]?.length ?? 0));
  if (typeof value === "object" && "error" in (value as object)) return String((value as { error: string }).error);
  return String(value);
}

/** A column role's label: a narrative sheet's columns as its header names them. */
function roleLabel(role: ColumnRole, report: SheetReport, t: Strings): string {
  return (report.layout === "narrative" ? t.rolesNarrative[role] : undefined) ?? t.roles[role];
}

/** A value as its cell shows it (under its number format), or "(trống)". */
function shownAs(value: unknown, format: string | null | undefined, t: Strings): string {
  if (typeof value === "number") return shownText(value, format);
  return shown(value, t);
}

export function errorText(e: unknown, t: Strings): string {
  if (e instanceof HostError) return t.errors[e.code];
  return t.errors.unknown;
}

export function Pane({ host, initialAction = null, initialLang = "vi", onWorkbookChanged }: PaneProps): React.ReactElement {
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
  const [show, setShow] = React.useState<Record<Severity, boolean>>({ error: true, warning: true, info: true });
  const [selected, setSelected] = React.useState<Finding | null>(null);
  const [auto, setAuto] = React.useState(false);
  const [overrides, setOverrides] = React.useState<RoleOverrides>({});
  /** The column map unfolded by the user (null: as the report suggests). */
  const [columnsOpen, setColumnsOpen] = React.useState<boolean | null>(null);
  /** The finding kind whose explanation is shown. */
  const [helpKind, setHelpKind] = React.useState<string | null>(null);
  const started = React.useRef(false);
  const pendingRef = React.useRef<HTMLElement | null>(null);
  // The card of writes waiting for confirmation comes into view with its buttons.
  React.useEffect(() => {
    if (pending) pendingRef.current?.scrollIntoView?.({ block: "nearest" });
  }, [pending]);
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
      const rep = analyseSheet(snap, { roles: overrides });
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

  /** Reads the sheet, plans the writes and shows them for confirmation (nothing is written yet). */
  const propose = (kind: Pending["kind"], plan: (model: SheetModel) => CellWrite[], nothing: string) =>
    run(async () => {
      const snap = await host.readSheet(sheet, (p) => setProgress(p));
      setSnapshot(snap);
      const writes = plan(recogniseSheet(snap, { roles: overrides }));
      if (!writes.length) setNotice({ intent: "info", text: nothing });
      else setPending({ kind, writes });
    });

  const onRecalc = () => propose("recalc", planSheetRecalc, t.nothingToRecalc);

  const onNormalise = () => propose("normalise", planNormalise, t.nothingToNormalise);

  const onTemplate = () =>
    run(async () => {
      // The indicator list of the selected sheet comes along when it is a table and the box is ticked.
      const carried = carry && sheet ? carryOverIndicators(recogniseSheet(await host.readSheet(sheet, (p) => setProgress(p)), { roles: overrides })) : null;
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

  /** After a write: the sheet read again; where it had been checked, its highlights redone (cells now right lose theirs). */
  const recheck = async () => {
    const snap = await host.readSheet(sheet);
    setSnapshot(snap);
    const rep = analyseSheet(snap, { roles: overrides });
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
      const rep = analyseSheet(snapshot, { roles: next });
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

  const counts = report ? countBySeverity(report.findings) : null;
  const narrative = report?.layout === "narrative";
  const recognisedColumns = report ? Object.values(report.columns).filter(Boolean).length : 0;
  const showColumns = report ? (columnsOpen ?? (!columnsSettled(report) || Object.keys(overrides).length > 0)) : false;
  const met = report ? report.items.filter((i) => i.verdict === "Đạt").length : 0;
  const notMet = report ? report.items.filter((i) => i.verdict === "Chưa đạt").length : 0;

  return (
    <FluentProvider theme={webLightTheme} lang={lang === "vi" ? "vi-VN" : "en-US"}>
      <main className="sb-pane" data-testid="pane" aria-busy={busy}>
        <header className="sb-head">
          <Text as="h1" size={500} weight="semibold">
            {t.appName}
          </Text>
          <Button size="small" appearance="subtle" data-testid="lang" onClick={() => setLang(lang === "vi" ? "en" : "vi")}>
            {t.language}
          </Button>
        </header>

        <label className="sb-field sb-field-inline">
          <Text weight="semibold">{t.sheet}</Text>
          <Select className="sb-grow" data-testid="sheet" value={sheet} onChange={(_, d) => onSheet(d.value)} disabled={busy}>
            {sheets.map((s) => (
              <option key={s.name} value={s.name}>
                {s.name}
              </option>
            ))}
          </Select>
        </label>

        <div className="sb-buttons">
          <Button appearance="primary" data-testid="check" disabled={busy || !sheet} onClick={() => run(() => check(sheet))}>
            {t.check}
          </Button>
          <Button data-testid="recalc" disabled={busy || !sheet} onClick={onRecalc}>
            {t.recalc}
          </Button>
          <Button data-testid="undo" disabled={busy || !canUndo} onClick={onUndo}>
            {t.undo}
          </Button>
          <Button data-testid="clear" disabled={busy} onClick={onClear}>
            {t.clear}
          </Button>
          <Button data-testid="normalise" disabled={busy || !sheet} onClick={onNormalise}>
            {t.normalise}
          </Button>
        </div>
        {progress !== null && (
          <div data-testid="progress">
            <Text size={200}>{t.reading}</Text>
            <ProgressBar value={progress} max={1} />
          </div>
        )}

        {notice && (
          <MessageBar intent={notice.intent} data-testid="notice">
            <MessageBarBody>{notice.text}</MessageBarBody>
          </MessageBar>
        )}

        {pending && (
          <section className="sb-card sb-pending" data-testid={pending.kind === "recalc" ? "recalc-preview" : "normalise-preview"} ref={pendingRef}>
            <Text weight="semibold">{pending.kind === "recalc" ? t.previewTitle(pending.writes.length) : t.normalisePreviewTitle(pending.writes.length)}</Text>
            <div className="sb-changes-wrap">
              <table className="sb-changes">
                {pending.writes.map((w) => (
                  // One group per cell: the change, then (when there is one) its reason on a line of its own.
                  <tbody key={`${w.sheet}!${w.cell}`} data-testid="change" data-cell={w.cell}>
                    <tr>
                      <td>{w.cell}</td>
                      <td data-testid="before">{shownAs(w.before.value, w.before.numberFormat, t)}</td>
                      <td>→</td>
                      <td data-testid="after">{shownAs(w.value, w.numberFormat ?? w.before.numberFormat, t)}</td>
                      <td>
                        {w.formula && !w.before.formula && (
                          <span className="sb-formula" data-testid="becomes-formula" title={t.becomesFormulaHint}>
                            ƒ {t.becomesFormula}
                          </span>
                        )}
                      </td>
                    </tr>
                    {(w.reason || w.reasonEn) && (
                      <tr>
                        <td />
                        <td colSpan={4} className="sb-reason">
                          {lang === "en" ? w.reasonEn : w.reason}
                        </td>
                      </tr>
                    )}
                  </tbody>
                ))}
              </table>
            </div>
            <div className="sb-buttons sb-sticky">
              <Button appearance="primary" data-testid="confirm" onClick={onConfirm}>
                {t.confirm}
              </Button>
              <Button data-testid="cancel" onClick={() => setPending(null)}>
                {t.cancel}
              </Button>
            </div>
          </section>
        )}

        {report && (
          <section className="sb-card" data-testid="layout">
            <Text weight="semibold">{t.layout}: </Text>
            <Text data-testid="layout-name">{report.recognized ? (narrative ? t.layoutNarrative : t.layoutTable) : t.notRecognised}</Text>
            {!report.recognized && <Text block>{lang === "en" ? report.reasonEn : report.reason}</Text>}
            {report.recognized && recognisedColumns > 0 && (
              // Folded once the layout is recognised, so the findings fit a default-width pane; shown first when a role is missing.
              <details
                className="sb-columns-fold"
                data-testid="columns-fold"
                open={showColumns}
                onToggle={(e) => {
                  const open = (e.currentTarget as HTMLDetailsElement).open;
                  if (open !== showColumns) setColumnsOpen(open);
                }}
              >
                <summary data-testid="columns-toggle">
                  {report.layout === "table" && report.columns.target && report.columns.actual ? (
                    // The columns the checker took, said where the clerk can correct them.
                    <Text size={200} data-testid="columns-used">
                      {t.columnsUsed(report.columns.target, report.columns.actual, report.columns.verdict)} — {t.columnsEdit}
                    </Text>
                  ) : (
                    <Text size={200}>{t.columnsFolded(recognisedColumns)}</Text>
                  )}
                </summary>
                <table className="sb-columns" data-testid="columns">
                  <tbody>
                    {ROLES.filter((r) => report.columns[r] || report.layout === "table").map((r) => (
                      <tr key={r}>
                        <td data-testid={`role-label-${r}`}>{roleLabel(r, report, t)}</td>
                        <td>
                          {report.layout === "table" && snapshot ? (
                            <select
                              className="sb-role"
                              data-testid={`role-${r}`}
                              aria-label={`${t.columnOf} ${roleLabel(r, report, t)}`}
                              value={report.columns[r] ?? ""}
                              disabled={busy}
                              onChange={(e) => void onRole(r, e.target.value)}
                            >
                              <option value="">—</option>
                              {sheetColumns(snapshot).map((c) => (
                                <option key={c} value={c}>
                                  {c}
                                </option>
                              ))}
                            </select>
                          ) : (
                            report.columns[r]
                          )}
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
                {report.layout === "table" && (
                  <Text size={200} block>
                    {t.columnsHint}
                  </Text>
                )}
              </details>
            )}
          </section>
        )}

        {report && counts && (
          <section className="sb-card" data-testid="summary">
            <Text weight="semibold" block>
              {t.summary}
            </Text>
            <div className="sb-summary">
              {report.layout === "table" && !report.columns.verdict ? (
                <span data-testid="no-verdict">{t.noVerdictColumn}</span>
              ) : (
                <>
                  <span>
                    {narrative ? t.tasksMet : t.itemsMet}: <b data-testid="met">{met}</b>
                  </span>
                  <span>
                    {narrative ? t.tasksNotMet : t.itemsNotMet}: <b data-testid="not-met">{notMet}</b>
                  </span>
                </>
              )}
              <span>
                {t.errorsCount}: <b data-testid="errors">{counts.errors}</b>
              </span>
              <span>
                {t.warningsCount}: <b data-testid="warnings">{counts.warnings}</b>
              </span>
            </div>
          </section>
        )}

        <Divider />
        <section data-testid="findings">
          <Text weight="semibold" block>
            {t.findings}
          </Text>
          {!report && <Text>{t.notChecked}</Text>}
          {report && (
            <div className="sb-filters">
              {SEVERITIES.map((s) => (
                <Checkbox
                  key={s}
                  data-testid={`filter-${s}`}
                  checked={show[s]}
                  onChange={(_, d) => setShow({ ...show, [s]: Boolean(d.checked) })}
                  label={`${t.severity[s]} (${report.findings.filter((f) => f.severity === s).length})`}
                />
              ))}
            </div>
          )}
          {report && report.findings.length === 0 && <Text>{t.noFindings}</Text>}
          {report &&
            SEVERITIES.filter((s) => show[s]).map((s) => {
              const list = report.findings.filter((f) => f.severity === s);
              if (!list.length) return null;
              return (
                <div key={s} className="sb-group" data-testid={`group-${s}`}>
                  <Text weight="semibold" block>
                    <span className="sb-swatch" style={{ background: HIGHLIGHT_FILL[s] }} /> {t.severity[s]} ({list.length})
                  </Text>
                  <ul className="sb-list">
                    {list.map((f, i) => {
                      const help = helpKind === `${f.cell}-${f.kind}-${i}` ? kindHelp(f.kind) : undefined;
                      const ctx = selected === f && f.quote && snapshot && f.start !== undefined && f.end !== undefined ? quoteContext(cellText(snapshot, f.cell), f.start, f.end) : null;
                      return (
                        <li key={`${f.cell}-${f.kind}-${i}`}>
                          <div className="sb-finding-row">
                            <button
                              type="button"
                              className={`sb-finding${selected === f ? " sb-selected" : ""}`}
                              data-testid="finding"
                              data-cell={f.cell}
                              data-kind={f.kind}
                              onClick={() => onPick(f)}
                            >
                              <Badge appearance="outline" size="small">
                                {f.cell}
                              </Badge>{" "}
                              <b>{t.kinds[f.kind]}</b>: {lang === "en" ? f.messageEn : f.message}
                            </button>
                            <button
                              type="button"
                              className="sb-kind-help"
                              data-testid="kind-help"
                              data-kind={f.kind}
                              aria-expanded={Boolean(help)}
                              aria-label={t.kindHelp(t.kinds[f.kind])}
                              title={t.kindHelp(t.kinds[f.kind])}
                              onClick={() => setHelpKind(help ? null : `${f.cell}-${f.kind}-${i}`)}
                            >
                              ?
                            </button>
                          </div>
                          {help && (
                            <div className="sb-help-card" data-testid="kind-explanation" data-kind={f.kind}>
                              <Text weight="semibold" block>
                                {help[lang].title} · {t.severity[help.severity]}
                              </Text>
                              <p>
                                <b>{t.helpChecks}:</b> {help[lang].checks}
                              </p>
                              <p>
                                <b>{t.helpExample}:</b> {help[lang].example}
                              </p>
                              <p>
                                <b>{t.helpFix}:</b> {help[lang].fix}
                              </p>
                            </div>
                          )}
                          {selected === f && f.quote && (
                            <blockquote className="sb-quote" data-testid="quote">
                              {ctx ? (
                                <>
                                  <span className="sb-quote-place" data-testid="quote-place">
                                    {t.quoteAt(quotePlace(ctx, f.cell, lang))}:
                                  </span>{" "}
                                  {ctx.before}
                                  <mark>{ctx.quote}</mark>
                                  {ctx.after}
                                </>
                              ) : (
                                <>
                                  {t.quote}: “{f.quote}”
                                </>
                              )}
                            </blockquote>
                          )}
                        </li>
                      );
                    })}
                  </ul>
                </div>
              );
            })}
        </section>
        {/* Less frequent actions below the findings, so the findings fit a default-width pane without scrolling. */}
        <details className="sb-card" data-testid="template-card">
          <summary>
            <Text weight="semibold">{t.templateTitle}</Text>
          </summary>
          <label className="sb-field">
            <Text size={200}>{t.commune}</Text>
            <Input data-testid="commune" value={commune} placeholder="Bình Trung" onChange={(_, d) => setCommune(d.value)} />
          </label>
          <label className="sb-field">
            <Text size={200}>{t.period}</Text>
            <Input data-testid="period" value={period} placeholder={t.periodExample} onChange={(_, d) => setPeriod(d.value)} />
          </label>
          <Checkbox data-testid="carry" checked={carry} onChange={(_, d) => setCarry(Boolean(d.checked))} label={t.carryOver} />
          <Button data-testid="template" disabled={busy} onClick={onTemplate}>
            {t.template}
          </Button>
        </details>
        <Switch data-testid="auto" checked={auto} onChange={(_, d) => setAuto(d.checked)} label={t.autoRecheck} />

        <footer className="sb-foot">
          <Text size={200}>
            {t.host[host.kind]}
            {snapshot ? ` · ${snapshot.name}` : ""}
          </Text>
        </footer>
      </main>
    </FluentProvider>
  );
}
