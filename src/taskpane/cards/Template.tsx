/**
 * A new template sheet (commune, period), carrying over the selected sheet's indicators when the
 * box is ticked. Below the findings: it is needed less often than they are.
 */
import * as React from "react";
import { Button, Checkbox, Input, Text } from "@fluentui/react-components";
import type { PaneState } from "../usePane";

type Props = Pick<PaneState, "t" | "busy" | "template" | "onTemplate">;

export function Template({ t, busy, template, onTemplate }: Props): React.ReactElement {
  const { commune, setCommune, period, setPeriod, carry, setCarry } = template;
  return (
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
  );
}
