import { DownloadOutlined } from "@ant-design/icons";
import { Button } from "antd";
import { download } from "../app/api-client";
import { notifySuccess } from "../app/notify";
import type { QueryValue } from "../app/query";
import { useAction } from "../app/use-request";

/** 导出 Excel: downloads what the list shows (its filters as the query) and says the file's name. */
export function ExportButton({
  path,
  query,
  fileName,
  disabled,
}: {
  path: string;
  query: Record<string, QueryValue>;
  /** Used when the server names no file. */
  fileName: string;
  disabled?: boolean;
}) {
  const { run, pending } = useAction();
  const onClick = async () => {
    const result = await run(() => download(path, query, fileName));
    if (result.ok) notifySuccess(`已导出：${result.value}`);
  };
  return (
    <Button icon={<DownloadOutlined />} loading={pending} disabled={disabled} onClick={onClick}>
      导出 Excel
    </Button>
  );
}
