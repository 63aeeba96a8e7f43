import { Button, Result } from "antd";
import type { ApiError } from "../app/api-error";

/** A failed load, in Chinese, with a retry. 404 reads as "not found or not yours". */
export function LoadError({ error, onRetry }: { error: ApiError; onRetry?: () => void }) {
  const status =
    error.status === 404 ? "404" : error.status === 403 ? "403" : error.status >= 500 ? "500" : "warning";
  return (
    <Result
      status={status}
      title={error.status === 404 ? "未找到" : "加载失败"}
      subTitle={error.message}
      extra={
        onRetry && (
          <Button type="primary" onClick={onRetry}>
            重试
          </Button>
        )
      }
    />
  );
}
