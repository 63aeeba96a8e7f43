import { Typography } from "antd";
import type { ReactNode } from "react";

/** Above a table: the visible count on the left, actions (export …) on the right. */
export function TableToolbar({ countText, children }: { countText: ReactNode; children?: ReactNode }) {
  return (
    <div className="xc-toolbar">
      <Typography.Text type="secondary" data-testid="table-count">
        {countText}
      </Typography.Text>
      {children && <div style={{ display: "flex", flexWrap: "wrap", gap: 8 }}>{children}</div>}
    </div>
  );
}
