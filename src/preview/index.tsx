/**
 * preview.html: the task pane running against a sample workbook in the browser, for machines
 * without Excel. Left: the workbook as a grid; right: the same Pane component as in Excel, over
 * the in-memory PreviewHost. The user can open their own .xlsx and download the result.
 */
import * as React from "react";
import { createRoot } from "react-dom/client";
import type ExcelJS from "exceljs";
import { loadWorkbook } from "../exceljs/read";
import { workbookBytes } from "../exceljs/write";
import { Pane } from "../taskpane/Pane";
import { STRINGS, type Lang } from "../taskpane/strings";
import { PreviewHost } from "./preview-host";
import { Grid } from "./Grid";

export const SAMPLE = "assets/samples/f2-binh-trung-table.xlsx";

function Preview({ lang }: { lang: Lang }): React.ReactElement {
  const t = STRINGS[lang];
  const [loaded, setLoaded] = React.useState<{ wb: ExcelJS.Workbook; name: string; host: PreviewHost; id: number } | null>(null);
  const [, setVersion] = React.useState(0);
  const [active, setActive] = React.useState("");
  const [selected, setSelected] = React.useState<string | null>(null);
  const [error, setError] = React.useState<string | null>(null);

  const open = React.useCallback(async (bytes: ArrayBuffer, name: string) => {
    try {
      const wb = await loadWorkbook(bytes);
      if (!wb.worksheets.length) throw new Error("no sheets");
      const host = new PreviewHost(wb, {
        select: (sheet, cell) => {
          setActive(sheet);
          setSelected(cell);
          requestAnimationFrame(() => document.querySelector(`[data-cell="${cell}"]`)?.scrollIntoView({ block: "center", inline: "center" }));
        },
        changed: () => setVersion((v) => v + 1),
      });
      setError(null);
      setActive(wb.worksheets[0].name);
      setSelected(null);
      setLoaded((prev) => ({ wb, name, host, id: (prev?.id ?? 0) + 1 }));
    } catch {
      setError(t.badFile);
    }
  }, [t]);

  React.useEffect(() => {
    void fetch(SAMPLE)
      .then((r) => r.arrayBuffer())
      .then((b) => open(b, SAMPLE.split("/").pop()!));
  }, [open]);

  const onFile = async (e: React.ChangeEvent<HTMLInputElement>) => {
    const f = e.target.files?.[0];
    if (f) await open(await f.arrayBuffer(), f.name);
  };

  const onDownload = async () => {
    if (!loaded) return;
    const bytes = await workbookBytes(loaded.wb);
    const url = URL.createObjectURL(new Blob([bytes.slice().buffer as ArrayBuffer], { type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" }));
    const a = document.createElement("a");
    a.href = url;
    a.download = loaded.name.replace(/\.xlsx$/i, "") + "-soat-bieu.xlsx";
    a.click();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  };

  const sheet = loaded?.wb.getWorksheet(active);
  // The download is offered once there is something new in the workbook, and says what it holds.
  const changes = loaded?.host.changes() ?? { written: 0, painted: 0, sheets: 0 };
  const anything = changes.written + changes.painted + changes.sheets > 0;
  return (
    <div className="pv-page">
      <div className="pv-left">
        <div className="pv-bar">
          <span>{t.previewNote}</span>
          <label>
            {t.openFile}: <input type="file" accept=".xlsx" data-testid="file" onChange={onFile} />
          </label>
          <button type="button" data-testid="download" onClick={onDownload} disabled={!loaded || !anything}>
            {t.download(changes)}
          </button>
          {loaded && <span data-testid="file-name">{t.sampleLoaded(loaded.name)}</span>}
          {error && (
            <span role="alert" data-testid="file-error">
              {error}
            </span>
          )}
          <div className="pv-tabs" role="tablist">
            {loaded?.wb.worksheets.map((ws) => (
              <button type="button" role="tab" className="pv-tab" key={ws.name} aria-selected={ws.name === active} onClick={() => setActive(ws.name)}>
                {ws.name}
              </button>
            ))}
          </div>
        </div>
        <div className="pv-grid-wrap">{sheet && <Grid sheet={sheet} selected={selected} />}</div>
      </div>
      <div className="pv-right">{loaded && <Pane key={loaded.id} host={loaded.host} initialLang={lang} />}</div>
    </div>
  );
}

const root = document.getElementById("container");
if (root) {
  const lang: Lang = new URLSearchParams(window.location.search).get("lang") === "en" ? "en" : "vi";
  createRoot(root).render(<Preview lang={lang} />);
}
