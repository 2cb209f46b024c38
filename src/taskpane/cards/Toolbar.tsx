/** The sheet to work on and the pane's main buttons: Kiểm tra, Tính lại, Hoàn tác, Xóa đánh dấu, Chuẩn hóa. */
import * as React from "react";
import { Button, Select, Text } from "@fluentui/react-components";
import type { PaneState } from "../usePane";

type Props = Pick<PaneState, "t" | "sheets" | "sheet" | "busy" | "canUndo" | "onSheet" | "onCheck" | "onRecalc" | "onUndo" | "onClear" | "onNormalise">;

export function Toolbar({ t, sheets, sheet, busy, canUndo, onSheet, onCheck, onRecalc, onUndo, onClear, onNormalise }: Props): React.ReactElement {
  return (
    <>
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
        <Button appearance="primary" data-testid="check" disabled={busy || !sheet} onClick={onCheck}>
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
    </>
  );
}
