import { DownloadOutlined, PlusOutlined, ReadOutlined, UploadOutlined } from "@ant-design/icons";
import { Button, Input, Select, Tabs, Tag } from "antd";
import type { ColumnsType } from "antd/es/table";
import { useState } from "react";
import { Link, useNavigate } from "react-router-dom";
import { download } from "../../app/api-client";
import { useMe } from "../../app/auth";
import { notifySuccess } from "../../app/notify";
import { hasRole } from "../../app/session";
import { totalText } from "../../app/table";
import { useAction, useRequest } from "../../app/use-request";
import { useServerPaging } from "../../app/use-server-paging";
import { DataTable } from "../../components/data-table";
import { EllipsisText } from "../../components/ellipsis-text";
import { LoadError } from "../../components/load-error";
import { PageContainer } from "../../components/page-container";
import { TableToolbar } from "../../components/table-toolbar";
import {
  EXPERTISE_OPTIONS,
  type PeopleList,
  type Person,
  type PersonPool,
  POOL_LABELS,
  type PoolStats,
} from "./api";
import { PeopleImportModal } from "./people-import-modal";
import { PersonFormDrawer } from "./person-form-drawer";

type Availability = "true" | "false";

/** 组长库 / 人才库: the office manages the pools, the leading group reads them. */
export function PeoplePage() {
  const me = useMe();
  const navigate = useNavigate();
  const [pool, setPool] = useState<PersonPool>("leader");
  const [expertise, setExpertise] = useState<string[]>([]);
  const [available, setAvailable] = useState<Availability>();
  const [search, setSearch] = useState("");
  const [q, setQ] = useState("");
  const { page, pageSize, setPage, pagination } = useServerPaging();
  const filters = { pool, q, expertise: expertise.join(",") || undefined, available };
  const list = useRequest<PeopleList>("/people", { ...filters, page, pageSize });
  const stats = useRequest<PoolStats>("/people/stats");
  const [creating, setCreating] = useState(false);
  const [importing, setImporting] = useState(false);
  const { run, pending: exporting } = useAction();
  const office = hasRole(me, "officeStaff");
  const canCreate = list.data?.abilities?.create ?? office;
  const canImport = list.data?.abilities?.import ?? office;
  const filtered = Boolean(q || expertise.length || available);

  const onExport = async () => {
    const result = await run(() => download("/people/export", filters, "巡察人员库.xlsx"));
    if (result.ok) notifySuccess(`已导出：${result.value}`);
  };
  const reset = () => setPage(1);

  const columns: ColumnsType<Person> = [
    {
      title: "姓名",
      dataIndex: "name",
      fixed: "left",
      render: (v: string, p) => <Link to={`/personnel/${p.id}`}>{v}</Link>,
    },
    { title: "性别", dataIndex: "sex", render: (v: string) => v || "—" },
    { title: "出生年月", dataIndex: "birthMonth", render: (v: string) => v || "—" },
    { title: "政治面貌", dataIndex: "politicalStatus", render: (v: string) => v || "—" },
    { title: "工作单位", dataIndex: "unit", render: (v: string) => <EllipsisText text={v} width={200} /> },
    { title: "职务", dataIndex: "post", render: (v: string) => <EllipsisText text={v} width={160} /> },
    { title: "职级", dataIndex: "rank", render: (v: string) => v || "—" },
    {
      title: "业务特长",
      dataIndex: "expertise",
      render: (v: string[]) => (v?.length ? v.map((e) => <Tag key={e}>{e}</Tag>) : "—"),
    },
    { title: "参加巡察", dataIndex: "roundsServed", render: (v?: number) => `${v ?? 0} 轮` },
    { title: "培训", dataIndex: "trainingTimes", render: (v?: number) => `${v ?? 0} 次` },
    {
      title: "状态",
      dataIndex: "available",
      render: (v: boolean) => (v === false ? <Tag>暂不可选派</Tag> : <Tag color="green">可选派</Tag>),
    },
    { title: "联系电话", dataIndex: "phone", render: (v: string) => v || "—" },
  ];

  const s = stats.data;
  const tabLabel = (k: PersonPool) => {
    const n = k === "leader" ? s?.leaderPool : s?.talentPool;
    return n === undefined ? POOL_LABELS[k] : `${POOL_LABELS[k]}（${n}）`;
  };

  return (
    <PageContainer
      title="巡察人才库"
      extra={
        <>
          <Link to="/personnel/trainings">
            <Button icon={<ReadOutlined />}>培训记录{s ? `（${s.personTimes} 人次）` : ""}</Button>
          </Link>
          {canImport && (
            <Button icon={<UploadOutlined />} onClick={() => setImporting(true)}>
              导入
            </Button>
          )}
          {canCreate && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
              新增人员
            </Button>
          )}
        </>
      }
    >
      <Tabs
        activeKey={pool}
        onChange={(k) => {
          setPool(k as PersonPool);
          reset();
        }}
        items={(Object.keys(POOL_LABELS) as PersonPool[]).map((k) => ({ key: k, label: tabLabel(k) }))}
      />
      <search className="xc-filters">
        <Input.Search
          allowClear
          placeholder="搜索姓名、单位或职务"
          aria-label="搜索姓名、单位或职务"
          value={search}
          onChange={(e) => setSearch(e.target.value)}
          onSearch={(v) => {
            setQ(v.trim());
            reset();
          }}
        />
        <Select<string[]>
          mode="tags"
          allowClear
          placeholder="业务特长"
          aria-label="业务特长"
          value={expertise}
          onChange={(v) => {
            setExpertise(v);
            reset();
          }}
          options={EXPERTISE_OPTIONS.map((e) => ({ value: e, label: e }))}
          style={{ minWidth: 180 }}
        />
        <Select<Availability>
          allowClear
          placeholder="全部状态"
          aria-label="可选派状态"
          value={available}
          onChange={(v) => {
            setAvailable(v);
            reset();
          }}
          options={[
            { value: "true", label: "可选派" },
            { value: "false", label: "暂不可选派" },
          ]}
        />
      </search>
      {list.error ? (
        <LoadError error={list.error} onRetry={list.reload} />
      ) : (
        <>
          <TableToolbar countText={`共 ${list.data?.total ?? 0} 人`}>
            <Button icon={<DownloadOutlined />} loading={exporting} onClick={onExport}>
              导出 Excel
            </Button>
          </TableToolbar>
          <DataTable<Person>
            rowKey="id"
            size="middle"
            loading={list.loading}
            columns={columns}
            dataSource={list.data?.items}
            scroll={{ x: "max-content" }}
            onRow={(p) => ({ onDoubleClick: () => navigate(`/personnel/${p.id}`) })}
            pagination={pagination(list.data?.total ?? 0, totalText("人"))}
            locale={{
              emptyText: filtered
                ? "没有符合条件的人员"
                : `${POOL_LABELS[pool]}为空${canCreate ? "，可点击“导入”或“新增人员”" : ""}`,
            }}
          />
        </>
      )}
      <PersonFormDrawer
        open={creating}
        onClose={() => setCreating(false)}
        onSaved={(saved) => {
          setCreating(false);
          navigate(`/personnel/${saved.id}`);
        }}
      />
      <PeopleImportModal
        open={importing}
        onClose={() => setImporting(false)}
        onImported={() => {
          reset();
          list.reload();
          stats.reload();
        }}
      />
    </PageContainer>
  );
}
