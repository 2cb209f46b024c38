/** What the pane is doing and what it did: the reading progress, then the last notice. */
import * as React from "react";
import { MessageBar, MessageBarBody, ProgressBar, Text } from "@fluentui/react-components";
import type { PaneState } from "../usePane";

type Props = Pick<PaneState, "t" | "progress" | "notice">;

export function Status({ t, progress, notice }: Props): React.ReactElement {
  return (
    <>
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
    </>
  );
}
