import { DeleteOutlined, DownloadOutlined, EditOutlined, PlusOutlined } from "@ant-design/icons";
import { App, Button, DatePicker, Form, Input, InputNumber, Select, Space, Tag } from "antd";
import type { ColumnsType } from "antd/es/table";
import dayjs, { type Dayjs } from "dayjs";
import { useEffect, useState } from "react";
import { Link } from "react-router-dom";
import { api, download } from "../../app/api-client";
import { useMe } from "../../app/auth";
import { formatDate } from "../../app/format";
import { notifySuccess } from "../../app/notify";
import { hasRole } from "../../app/session";
import { totalText } from "../../app/table";
import { useAction, useRequest } from "../../app/use-request";
import { useServerPaging } from "../../app/use-server-paging";
import { DataTable } from "../../components/data-table";
import { FormDrawer } from "../../components/form-drawer";
import { LoadError } from "../../components/load-error";
import { PageContainer } from "../../components/page-container";
import { TableToolbar } from "../../components/table-toolbar";
import { useGuardedClose } from "../../components/use-guarded-close";
import { type PeopleList, POOL_LABELS, type Training, type TrainingList } from "./api";

interface TrainingForm {
  title: string;
  heldOn: Dayjs;
  hours?: number | null;
  attendeeIds: string[];
}

/** Picks attendees from both pools, searching on the server by name or unit. */
function AttendeePicker({
  id,
  value,
  onChange,
  known,
}: {
  id?: string;
  value?: string[];
  onChange?: (ids: string[]) => void;
  known: Training["attendees"];
}) {
  const [input, setInput] = useState("");
  const [q, setQ] = useState("");
  useEffect(() => {
    const t = setTimeout(() => setQ(input.trim()), 300);
    return () => clearTimeout(t);
  }, [input]);
  const result = useRequest<PeopleList>("/people", { q, pageSize: 100 });
  const loaded = result.data?.items ?? [];
  const options = new Map<string, string>();
  for (const p of known)
    options.set(p.id, `${p.name}（${POOL_LABELS[p.pool] ?? p.pool}${p.unit ? ` · ${p.unit}` : ""}）`);
  for (const p of loaded)
    options.set(p.id, `${p.name}（${POOL_LABELS[p.pool]}${p.unit ? ` · ${p.unit}` : ""}）`);
  return (
    <Select
      id={id}
      mode="multiple"
      value={value}
      onChange={onChange}
      showSearch={{ filterOption: false, onSearch: setInput }}
      loading={result.loading}
      placeholder="输入姓名或单位搜索组长库、人才库人员"
      notFoundContent={result.loading ? "搜索中…" : "没有匹配的人员"}
      options={[...options].map(([value, label]) => ({ value, label }))}
      style={{ width: "100%" }}
    />
  );
}

function TrainingDrawer({
  training,
  onClose,
  onSaved,
}: {
  training: Training | "new" | null;
  onClose: () => void;
  onSaved: () => void;
}) {
  const [form] = Form.useForm<TrainingForm>();
  const { run, pending } = useAction();
  const close = useGuardedClose(form, onClose);
  const editing = training && training !== "new" ? training : null;
  useEffect(() => {
    if (!training) return;
    form.resetFields();
    if (editing)
      form.setFieldsValue({
        title: editing.title,
        heldOn: dayjs(editing.heldOn),
        hours: editing.hours,
        attendeeIds: editing.attendees.map((a) => a.id),
      });
  }, [training, editing, form]);

  const submit = async (v: TrainingForm) => {
    const body = {
      title: v.title.trim(),
      heldOn: v.heldOn.format("YYYY-MM-DD"),
      hours: v.hours ?? 0,
      attendeeIds: v.attendeeIds ?? [],
    };
    const result = await run(() =>
      editing ? api.put(`/trainings/${editing.id}`, body) : api.post("/trainings", body),
    );
    if (result.ok) {
      notifySuccess(`已保存培训记录（${body.attendeeIds.length} 人次）`);
      onSaved();
    }
  };

  return (
    <FormDrawer
      open={training !== null}
      onClose={close}
      title={editing ? "编辑培训记录" : "登记培训"}
      width={560}
      submitText="保存"
      pending={pending}
      onSubmit={() => form.submit()}
    >
      <Form<TrainingForm> form={form} layout="vertical" onFinish={submit} initialValues={{ attendeeIds: [] }}>
        <Form.Item
          name="title"
          label="培训名称"
          rules={[{ required: true, whitespace: true, message: "请填写培训名称" }]}
        >
          <Input maxLength={200} placeholder="如：2026年度巡察干部业务培训班" />
        </Form.Item>
        <Form.Item name="heldOn" label="培训日期" rules={[{ required: true, message: "请选择培训日期" }]}>
          <DatePicker style={{ width: "100%" }} />
        </Form.Item>
        <Form.Item name="hours" label="学时">
          <InputNumber min={0} max={1000} precision={0} style={{ width: "100%" }} />
        </Form.Item>
        <Form.Item name="attendeeIds" label="参训人员" extra="每人每次培训计 1 人次">
          <AttendeePicker known={editing?.attendees ?? []} />
        </Form.Item>
      </Form>
    </FormDrawer>
  );
}

/** 巡察业务培训: the office records trainings with their attendees; person-times counted. */
export function TrainingsPage() {
  const me = useMe();
  const [year, setYear] = useState<number>();
  const { page, pageSize, setPage, pagination } = useServerPaging();
  const list = useRequest<TrainingList>("/trainings", { year, page, pageSize });
  const [editing, setEditing] = useState<Training | "new" | null>(null);
  const { modal } = App.useApp();
  const { run } = useAction();
  const { run: runExport, pending: exporting } = useAction();
  const canCreate = list.data?.abilities?.create ?? hasRole(me, "officeStaff");
  const onExport = async () => {
    const result = await runExport(() =>
      download("/trainings/export", { year }, `巡察业务培训登记表${year ? `（${year}年）` : ""}.xlsx`),
    );
    if (result.ok) notifySuccess(`已导出：${result.value}`);
  };
  const thisYear = new Date().getFullYear();

  const remove = (t: Training) =>
    modal.confirm({
      title: `删除培训“${t.title}”？`,
      content: `参训记录（${t.personTimes} 人次）将一并删除。`,
      okText: "删除",
      okButtonProps: { danger: true },
      cancelText: "取消",
      onOk: async () => {
        const result = await run(() => api.delete(`/trainings/${t.id}`));
        if (result.ok) {
          notifySuccess("已删除");
          list.reload();
        }
      },
    });

  const columns: ColumnsType<Training> = [
    { title: "培训日期", dataIndex: "heldOn", render: formatDate },
    { title: "培训名称", dataIndex: "title" },
    { title: "学时", dataIndex: "hours" },
    { title: "人次", dataIndex: "personTimes" },
    {
      title: "参训人员",
      dataIndex: "attendees",
      render: (a: Training["attendees"]) =>
        a.length ? (
          <div style={{ display: "flex", flexWrap: "wrap", gap: 4, maxWidth: 420 }}>
            {a.map((p) => (
              <Link key={p.id} to={`/personnel/${p.id}`}>
                <Tag style={{ marginInlineEnd: 0 }}>{p.name}</Tag>
              </Link>
            ))}
          </div>
        ) : (
          "—"
        ),
    },
    {
      title: "操作",
      key: "actions",
      render: (_, t) =>
        t.abilities.update && (
          <Space size={0}>
            <Button type="link" size="small" icon={<EditOutlined />} onClick={() => setEditing(t)}>
              编辑
            </Button>
            <Button type="link" size="small" danger icon={<DeleteOutlined />} onClick={() => remove(t)}>
              删除
            </Button>
          </Space>
        ),
    },
  ];

  return (
    <PageContainer
      title="巡察干部培训"
      extra={
        canCreate && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing("new")}>
            登记培训
          </Button>
        )
      }
    >
      <search className="xc-filters">
        <Select<number>
          allowClear
          placeholder="全部年度"
          aria-label="年度"
          value={year}
          onChange={(v) => {
            setYear(v);
            setPage(1);
          }}
          options={Array.from({ length: 8 }, (_, i) => thisYear - i).map((y) => ({
            value: y,
            label: `${y}年`,
          }))}
        />
      </search>
      {list.error ? (
        <LoadError error={list.error} onRetry={list.reload} />
      ) : (
        <>
          <TableToolbar countText={`共 ${list.data?.total ?? 0} 次培训，${list.data?.personTimes ?? 0} 人次`}>
            <Button icon={<DownloadOutlined />} loading={exporting} onClick={onExport}>
              导出 Excel
            </Button>
          </TableToolbar>
          <DataTable<Training>
            rowKey="id"
            size="middle"
            loading={list.loading}
            columns={columns}
            dataSource={list.data?.items}
            scroll={{ x: "max-content" }}
            pagination={pagination(list.data?.total ?? 0, totalText("次培训"))}
            locale={{ emptyText: year ? `${year}年没有培训记录` : "暂无培训记录" }}
          />
        </>
      )}
      <TrainingDrawer
        training={editing}
        onClose={() => setEditing(null)}
        onSaved={() => {
          setEditing(null);
          list.reload();
        }}
      />
    </PageContainer>
  );
}
