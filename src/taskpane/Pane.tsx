/**
 * The Soát Biểu task pane. It talks only to a Host (Excel through Office.js, or the browser
 * preview's in-memory workbook) and to the engine; it holds no rules of its own. The state and
 * what the buttons do are in usePane.ts; each card of the view is in ./cards.
 */
import * as React from "react";
import { Button, Divider, FluentProvider, Switch, Text, webLightTheme } from "@fluentui/react-components";
import { usePane, type PaneProps } from "./usePane";
import { Toolbar } from "./cards/Toolbar";
import { Status } from "./cards/Status";
import { Changes } from "./cards/Changes";
import { Layout } from "./cards/Layout";
import { Summary } from "./cards/Summary";
import { Findings } from "./cards/Findings";
import { Template } from "./cards/Template";

export type { PaneProps };

export function Pane(props: PaneProps): React.ReactElement {
  const pane = usePane(props);
  const { t, lang, busy, report, pending, snapshot } = pane;
  return (
    <FluentProvider theme={webLightTheme} lang={lang === "vi" ? "vi-VN" : "en-US"}>
      <main className="sb-pane" data-testid="pane" aria-busy={busy}>
        <header className="sb-head">
          <Text as="h1" size={500} weight="semibold">
            {t.appName}
          </Text>
          <Button size="small" appearance="subtle" data-testid="lang" onClick={pane.onLang}>
            {t.language}
          </Button>
        </header>

        <Toolbar {...pane} />
        <Status {...pane} />
        {pending && <Changes {...pane} pending={pending} />}
        {report && <Layout {...pane} report={report} />}
        {report && <Summary t={t} report={report} />}

        <Divider />
        <Findings {...pane} />
        {/* Less frequent actions below the findings, so the findings fit a default-width pane without scrolling. */}
        <Template {...pane} />
        <Switch data-testid="auto" checked={pane.auto} onChange={(_, d) => pane.setAuto(d.checked)} label={t.autoRecheck} />

        <footer className="sb-foot">
          <Text size={200}>
            {t.host[props.host.kind]}
            {snapshot ? ` · ${snapshot.name}` : ""}
          </Text>
        </footer>
      </main>
    </FluentProvider>
  );
}
