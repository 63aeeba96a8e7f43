import { Grid, Table, type TableProps } from "antd";
import type { ColumnsType } from "antd/es/table";
import { useMemo } from "react";

/**
 * antd's Table with the app's defaults: horizontal scroll instead of overflow, and fixed columns
 * only on wider screens (on a phone they would fill the screen, so every column scrolls there).
 * With `phoneColumns`, a phone shows those instead (a card-like summary column and the actions,
 * wrapping within the screen rather than scrolling sideways).
 */
export function DataTable<T extends object>({
  phoneColumns,
  ...props
}: TableProps<T> & { phoneColumns?: ColumnsType<T> }) {
  const mobile = Grid.useBreakpoint().md === false;
  const { columns } = props;
  const shown = useMemo(() => {
    if (mobile && phoneColumns) return phoneColumns;
    return mobile && columns ? columns.map((c) => ({ ...c, fixed: undefined })) : columns;
  }, [columns, phoneColumns, mobile]);
  return (
    <Table<T>
      size="middle"
      scroll={mobile && phoneColumns ? undefined : { x: "max-content" }}
      {...props}
      columns={shown}
    />
  );
}
