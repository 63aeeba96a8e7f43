import { SafetyCertificateOutlined } from "@ant-design/icons";
import { Alert, Button, DatePicker, Input, Select, Typography } from "antd";
import type { ColumnsType } from "antd/es/table";
import type { Dayjs } from "dayjs";
import { useState } from "react";
import { api } from "../../app/api-client";
import { formatDateTime } from "../../app/format";
import { asPaged, type Paged } from "../../app/paged";
import { totalText, valueFilters } from "../../app/table";
import { useAction, useRequest } from "../../app/use-request";
import { useServerPaging } from "../../app/use-server-paging";
import { DataTable } from "../../components/data-table";
import { LoadError } from "../../components/load-error";
import { PageContainer } from "../../components/page-container";
import { TableToolbar } from "../../components/table-toolbar";
import { ACTION_PREFIXES, actionLabel } from "./audit-labels";

/** GET /api/audit items */
interface AuditEntry {
  seq: number;
  at: string;
  actorName: string;
  committeeId: string | null;
  action: string;
  entity: string;
  entityId: string | null;
  summary: unknown;
  hash?: string;
}

/** GET /api/audit/verify */
interface ChainVerdict {
  ok: boolean;
  entries: number;
  firstBroken?: { seq: number; reason: "prev_hash" | "hash" };
}

function summaryText(summary: unknown): string {
  if (summary === null || summary === undefined) return "";
  if (typeof summary === "string") return summary;
  if (typeof summary === "object" && Object.keys(summary).length === 0) return "";
  try {
    return JSON.stringify(summary);
  } catch {
    return "";
  }
}

/** auditAdmin: the append-only audit log and the hash-chain check. */
export function AuditPage() {
  const { page, pageSize, setPage, pagination } = useServerPaging(50, [50, 100, 200]);
  const [search, setSearch] = useState("");
  const [actor, setActor] = useState("");
  const [action, setAction] = useState<string>();
  const [range, setRange] = useState<[Dayjs | null, Dayjs | null] | null>(null);
  const log = useRequest<Paged<AuditEntry> | AuditEntry[]>("/audit", {
    page,
    pageSize,
    actor,
    action,
    from: range?.[0]?.format("YYYY-MM-DD"),
    to: range?.[1]?.format("YYYY-MM-DD"),
  });
  const [verdict, setVerdict] = useState<ChainVerdict>();
  const { run, pending } = useAction();
  const list = asPaged(log.data);

  const verify = async () => {
    const result = await run(() => api.get<ChainVerdict>("/audit/verify"));
    if (result.ok) setVerdict(result.value);
  };

  const columns: ColumnsType<AuditEntry> = [
    { title: "序号", dataIndex: "seq", width: 80 },
    {
      title: "时间",
      dataIndex: "at",
      render: (v: string) => <span style={{ whiteSpace: "nowrap" }}>{formatDateTime(v)}</span>,
    },
    {
      title: "操作人",
      dataIndex: "actorName",
      filters: valueFilters(list.items, (e) => e.actorName),
      onFilter: (v, e) => e.actorName === v,
    },
    {
      title: "操作",
      dataIndex: "action",
      filters: valueFilters(list.items, (e) => e.action).map((f) => ({ ...f, text: actionLabel(f.value) })),
      onFilter: (v, e) => e.action === v,
      render: (a: string) => (
        <span title={a} style={{ whiteSpace: "nowrap" }}>
          {actionLabel(a)}
        </span>
      ),
    },
    {
      title: "对象",
      key: "entity",
      render: (_, e) => (
        <Typography.Text code>
          {e.entity}
          {e.entityId ? `:${e.entityId.slice(0, 8)}` : ""}
        </Typography.Text>
      ),
    },
    {
      title: "内容摘要",
      key: "summary",
      render: (_, e) => {
        const text = summaryText(e.summary);
        return text ? (
          <Typography.Text ellipsis={{ tooltip: text }} style={{ maxWidth: 360, display: "inline-block" }}>
            {text}
          </Typography.Text>
        ) : (
          "—"
        );
      },
    },
  ];

  return (
    <PageContainer
      title="审计日志"
      extra={
        <Button
          icon={<SafetyCertificateOutlined />}
          loading={pending}
          onClick={verify}
          data-testid="audit-verify"
        >
          校验哈希链
        </Button>
      }
    >
      {verdict &&
        (verdict.ok ? (
          <Alert
            type="success"
            showIcon
            role="status"
            style={{ marginBottom: 12 }}
            title={`审计日志完整：共 ${verdict.entries} 条，哈希链校验通过`}
          />
        ) : (
          <Alert
            type="error"
            showIcon
            role="alert"
            style={{ marginBottom: 12 }}
            title={`审计日志已被篡改：第 ${verdict.firstBroken?.seq ?? "?"} 条记录${
              verdict.firstBroken?.reason === "prev_hash"
                ? "的前序哈希不符（其前有记录被删除或修改）"
                : "的内容与哈希不符"
            }`}
          />
        ))}
      <search className="xc-filters">
        <Select
          allowClear
          placeholder="全部操作类别"
          aria-label="操作类别"
          value={action}
          onChange={(v?: string) => {
            setAction(v);
            setPage(1);
          }}
          options={ACTION_PREFIXES}
        />
        <DatePicker.RangePicker
          aria-label="日期范围"
          value={range}
          onChange={(v) => {
            setRange(v);
            setPage(1);
          }}
        />
        <Input.Search
          allowClear
          placeholder="按操作人姓名搜索"
          aria-label="按操作人姓名搜索"
          value={search}
          onChange={(e) => setSearch(e.target.value)}
          onSearch={(v) => {
            setActor(v.trim());
            setPage(1);
          }}
        />
      </search>
      {log.error ? (
        <LoadError error={log.error} onRetry={log.reload} />
      ) : (
        <>
          <TableToolbar countText={`共 ${list.total} 条记录`} />
          <DataTable<AuditEntry>
            rowKey="seq"
            size="small"
            loading={log.loading}
            columns={columns}
            dataSource={list.items}
            scroll={{ x: "max-content" }}
            pagination={pagination(list.total, totalText("条记录"))}
            locale={{ emptyText: "暂无审计记录" }}
          />
        </>
      )}
    </PageContainer>
  );
}
