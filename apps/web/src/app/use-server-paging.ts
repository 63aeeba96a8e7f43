import type { TablePaginationConfig } from "antd";
import { useState } from "react";

/**
 * Page and page size of a list paged by the server, and the Table's pagination for them: changing
 * the page size goes back to the first page.
 */
export function useServerPaging(initialSize = 20, sizes: number[] = [20, 50, 100, 200]) {
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(initialSize);
  const pagination = (total: number, showTotal: (total: number) => string): TablePaginationConfig => ({
    current: page,
    pageSize,
    total,
    showSizeChanger: true,
    pageSizeOptions: sizes,
    showTotal,
    onChange: (p, size) => {
      setPage(size === pageSize ? p : 1);
      setPageSize(size);
    },
  });
  return { page, pageSize, setPage, pagination };
}
