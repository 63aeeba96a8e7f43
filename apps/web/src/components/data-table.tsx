import { Grid, Table, type TableProps } from "antd";
import { useMemo } from "react";

/**
 * antd's Table with the app's defaults: horizontal scroll instead of overflow, and fixed columns
 * only on wider screens (on a phone they would fill the screen, so every column scrolls there).
 */
export function DataTable<T extends object>(props: TableProps<T>) {
  const mobile = Grid.useBreakpoint().md === false;
  const { columns } = props;
  const shown = useMemo(
    () => (mobile && columns ? columns.map((c) => ({ ...c, fixed: undefined })) : columns),
    [columns, mobile],
  );
  return <Table<T> size="middle" scroll={{ x: "max-content" }} {...props} columns={shown} />;
}
