import { PlusOutlined } from "@ant-design/icons";
import { Button, Input, Select, Tag } from "antd";
import type { ColumnsType } from "antd/es/table";
import { useState } from "react";
import { useMe } from "../../app/auth";
import { asPaged, type Paged } from "../../app/paged";
import { hasRole } from "../../app/session";
import { labelFilters, textSorter, totalText, valueFilters } from "../../app/table";
import { useRequest } from "../../app/use-request";
import { DataTable } from "../../components/data-table";
import { EllipsisText } from "../../components/ellipsis-text";
import { LoadError } from "../../components/load-error";
import { PageContainer } from "../../components/page-container";
import { TableToolbar } from "../../components/table-toolbar";
import { EXPERTISE_OPTIONS, type Person, type PersonPool, POOL_LABELS } from "./api";
import { PersonFormDrawer } from "./person-form-drawer";

export function PeoplePage() {
  const me = useMe();
  const [pool, setPool] = useState<PersonPool>();
  const [search, setSearch] = useState("");
  const [q, setQ] = useState("");
  const people = useRequest<Paged<Person> | Person[]>("/people", { pool, q, pageSize: 200 });
  const [creating, setCreating] = useState(false);
  const [shown, setShown] = useState<number>();
  const canCreate = hasRole(me, "officeStaff");
  const list = asPaged(people.data);

  const columns: ColumnsType<Person> = [
    { title: "姓名", dataIndex: "name", fixed: "left", sorter: textSorter((p) => p.name) },
    {
      title: "入库类别",
      dataIndex: "pool",
      filters: labelFilters(POOL_LABELS),
      onFilter: (v, p) => p.pool === v,
      render: (v: PersonPool) => <Tag color={v === "leader" ? "red" : "blue"}>{POOL_LABELS[v] ?? v}</Tag>,
    },
    { title: "性别", dataIndex: "sex", render: (v: string) => v || "—" },
    {
      title: "出生年月",
      dataIndex: "birthMonth",
      sorter: textSorter((p) => p.birthMonth),
      render: (v: string) => v || "—",
    },
    { title: "政治面貌", dataIndex: "politicalStatus", render: (v: string) => v || "—" },
    {
      title: "工作单位",
      dataIndex: "unit",
      sorter: textSorter((p) => p.unit),
      filters: valueFilters(list.items, (p) => p.unit),
      filterSearch: true,
      onFilter: (v, p) => p.unit === v,
      render: (v: string) => <EllipsisText text={v} width={200} />,
    },
    { title: "职务", dataIndex: "post", render: (v: string) => <EllipsisText text={v} width={160} /> },
    { title: "职级", dataIndex: "rank", render: (v: string) => v || "—" },
    {
      title: "业务特长",
      dataIndex: "expertise",
      filters: EXPERTISE_OPTIONS.map((e) => ({ text: e, value: e })),
      onFilter: (v, p) => (p.expertise ?? []).includes(String(v)),
      render: (v: string[]) => (v?.length ? v.map((e) => <Tag key={e}>{e}</Tag>) : "—"),
    },
    {
      title: "状态",
      dataIndex: "available",
      filters: [
        { text: "可选派", value: true },
        { text: "暂不可选派", value: false },
      ],
      onFilter: (v, p) => p.available === v,
      render: (v: boolean) => (v === false ? <Tag>暂不可选派</Tag> : <Tag color="green">可选派</Tag>),
    },
    { title: "联系电话", dataIndex: "phone", render: (v: string) => v || "—" },
  ];

  return (
    <PageContainer
      title="巡察人才库"
      extra={
        canCreate && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
            新增人员
          </Button>
        )
      }
    >
      <search className="xc-filters">
        <Select<PersonPool>
          allowClear
          placeholder="组长库和人才库"
          aria-label="入库类别"
          value={pool}
          onChange={setPool}
          options={(Object.keys(POOL_LABELS) as PersonPool[]).map((k) => ({
            value: k,
            label: POOL_LABELS[k],
          }))}
        />
        <Input.Search
          allowClear
          placeholder="搜索姓名或单位"
          aria-label="搜索姓名或单位"
          value={search}
          onChange={(e) => setSearch(e.target.value)}
          onSearch={(v) => setQ(v.trim())}
        />
      </search>
      {people.error ? (
        <LoadError error={people.error} onRetry={people.reload} />
      ) : (
        <>
          <TableToolbar countText={`共 ${shown ?? list.total} 人`} />
          <DataTable<Person>
            rowKey="id"
            size="middle"
            loading={people.loading}
            columns={columns}
            dataSource={list.items}
            scroll={{ x: "max-content" }}
            onChange={(_p, _f, _s, extra) => setShown(extra.currentDataSource.length)}
            pagination={{ pageSize: 20, showSizeChanger: true, showTotal: totalText("人") }}
            locale={{ emptyText: q || pool ? "没有符合条件的人员" : "人员库为空，请点击“新增人员”" }}
          />
        </>
      )}
      <PersonFormDrawer
        open={creating}
        onClose={() => setCreating(false)}
        onSaved={() => {
          setCreating(false);
          people.reload();
        }}
      />
    </PageContainer>
  );
}
