import { DownloadOutlined, EditOutlined, PlusOutlined, UploadOutlined } from "@ant-design/icons";
import { TARGET_CATEGORIES, type TargetCategory } from "@xuncha/domain/model";
import { Button, Input, Select } from "antd";
import type { ColumnsType } from "antd/es/table";
import { useState } from "react";
import { download } from "../../app/api-client";
import { useMe } from "../../app/auth";
import { formatDate } from "../../app/format";
import { notifySuccess } from "../../app/notify";
import { hasRole } from "../../app/session";
import { textSorter, totalText } from "../../app/table";
import { useAction, useRequest } from "../../app/use-request";
import { useServerPaging } from "../../app/use-server-paging";
import { DataTable } from "../../components/data-table";
import { EllipsisText } from "../../components/ellipsis-text";
import { LoadError } from "../../components/load-error";
import { PageContainer } from "../../components/page-container";
import { TableToolbar } from "../../components/table-toolbar";
import type { Target, TargetList } from "./api";
import { TargetFormDrawer } from "./target-form-drawer";
import { TargetImportModal } from "./target-import-modal";

export function TargetsPage() {
  const me = useMe();
  const [category, setCategory] = useState<TargetCategory>();
  const [search, setSearch] = useState("");
  const [q, setQ] = useState("");
  const { page, pageSize, setPage, pagination } = useServerPaging();
  const list = useRequest<TargetList>("/targets", { category, q, page, pageSize });
  const [editing, setEditing] = useState<Target | "new" | null>(null);
  const [importing, setImporting] = useState(false);
  const { run, pending: exporting } = useAction();
  const office = hasRole(me, "officeStaff");
  const canCreate = list.data?.abilities?.create ?? office;
  const canImport = list.data?.abilities?.import ?? office;

  const onExport = async () => {
    const result = await run(() => download("/targets/export", { category, q }, "被巡察对象库.xlsx"));
    if (result.ok) notifySuccess(`已导出：${result.value}`);
  };

  const columns: ColumnsType<Target> = [
    {
      title: "党组织名称",
      dataIndex: "name",
      fixed: "left",
      sorter: textSorter((t) => t.name),
      render: (n: string) => <EllipsisText text={n} width={260} />,
    },
    {
      title: "对象类别",
      dataIndex: "category",
      sorter: textSorter((t) => t.category),
      render: (c: TargetCategory, t) => t.categoryLabel ?? TARGET_CATEGORIES.labels[c] ?? c,
    },
    {
      title: "类型",
      dataIndex: "orgForm",
      sorter: textSorter((t) => t.orgForm),
      render: (v: string) => v || "—",
    },
    {
      title: "上级党组织",
      dataIndex: "parentOrgName",
      sorter: textSorter((t) => t.parentOrgName),
      render: (v: string) => <EllipsisText text={v} width={200} />,
    },
    { title: "所属系统领域", dataIndex: "sector", render: (v: string) => v || "—" },
    { title: "主要负责人", dataIndex: "principal", render: (v: string) => v || "—" },
    { title: "联系电话", dataIndex: "phone", render: (v: string) => v || "—" },
    {
      title: "上次巡察时间",
      dataIndex: "lastInspectedOn",
      sorter: textSorter((t) => t.lastInspectedOn),
      render: formatDate,
    },
    {
      title: "上次巡察轮次",
      dataIndex: "lastRoundLabel",
      render: (v: string) => <EllipsisText text={v} width={180} />,
    },
    {
      title: "操作",
      key: "actions",
      fixed: "right",
      render: (_, t) =>
        (t.abilities?.update ?? office) && (
          <Button type="link" size="small" icon={<EditOutlined />} onClick={() => setEditing(t)}>
            编辑
          </Button>
        ),
    },
  ];

  return (
    <PageContainer
      title="被巡察对象库"
      extra={
        <>
          {canImport && (
            <Button icon={<UploadOutlined />} onClick={() => setImporting(true)}>
              导入
            </Button>
          )}
          {canCreate && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing("new")}>
              新增对象
            </Button>
          )}
        </>
      }
    >
      <search className="xc-filters">
        <Select<TargetCategory>
          allowClear
          placeholder="全部类别"
          aria-label="对象类别"
          value={category}
          onChange={(v) => {
            setCategory(v);
            setPage(1);
          }}
          options={TARGET_CATEGORIES.keys.map((k) => ({ value: k, label: TARGET_CATEGORIES.labels[k] }))}
        />
        <Input.Search
          allowClear
          placeholder="搜索名称或上级党组织"
          aria-label="搜索名称或上级党组织"
          value={search}
          onChange={(e) => setSearch(e.target.value)}
          onSearch={(v) => {
            setQ(v.trim());
            setPage(1);
          }}
        />
      </search>
      {list.error ? (
        <LoadError error={list.error} onRetry={list.reload} />
      ) : (
        <>
          <TableToolbar countText={`共 ${list.data?.total ?? 0} 个被巡察对象`}>
            <Button icon={<DownloadOutlined />} loading={exporting} onClick={onExport}>
              导出 Excel
            </Button>
          </TableToolbar>
          <DataTable<Target>
            rowKey="id"
            size="middle"
            loading={list.loading}
            columns={columns}
            dataSource={list.data?.items}
            scroll={{ x: "max-content" }}
            pagination={pagination(list.data?.total ?? 0, totalText("个对象"))}
            locale={{
              emptyText: q || category ? "没有符合条件的被巡察对象" : "对象库为空，可点击“导入”或“新增对象”",
            }}
          />
        </>
      )}
      <TargetFormDrawer
        target={editing}
        onClose={() => setEditing(null)}
        onSaved={() => {
          setEditing(null);
          list.reload();
        }}
      />
      <TargetImportModal
        open={importing}
        onClose={() => setImporting(false)}
        onImported={() => {
          setPage(1);
          list.reload();
        }}
      />
    </PageContainer>
  );
}
