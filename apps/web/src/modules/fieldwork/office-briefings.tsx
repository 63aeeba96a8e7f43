import { PlusOutlined } from "@ant-design/icons";
import {
  BRIEFING_TOPICS,
  type BriefingTopic,
  PARTNER_DEPARTMENT_KINDS,
  type PartnerDepartmentKind,
} from "@xuncha/domain/model";
import {
  Button,
  Checkbox,
  DatePicker,
  Descriptions,
  Drawer,
  Form,
  Input,
  Select,
  Space,
  Typography,
} from "antd";
import type { ColumnsType } from "antd/es/table";
import type { Dayjs } from "dayjs";
import { type Key, useState } from "react";
import { api } from "../../app/api-client";
import { formatDate, formatDateTime } from "../../app/format";
import { notifySuccess } from "../../app/notify";
import { labelFilters, textSorter, totalText } from "../../app/table";
import { useAction, useRequest } from "../../app/use-request";
import { DataTable } from "../../components/data-table";
import { EllipsisText } from "../../components/ellipsis-text";
import { ExportButton } from "../../components/export-button";
import { FormDrawer } from "../../components/form-drawer";
import { LoadError } from "../../components/load-error";
import { StatusTagView } from "../../components/status-tag";
import { TableToolbar } from "../../components/table-toolbar";
import { useDrawerWidth } from "../../components/use-drawer-width";
import { useGuardedClose } from "../../components/use-guarded-close";
import { type BriefingRequest, type BriefingStatus, briefingFileUrl, type PartnerDepartment } from "./api";
import { AttachmentLinks, BRIEFING_STATUS_TAGS, idFilters } from "./shared";

interface RequestForm {
  partnerDepartmentId: string;
  targetIds: string[];
  topics: BriefingTopic[];
  note?: string;
  dueOn: Dayjs;
}

function NewRequestDrawer({
  open,
  roundId,
  departments,
  targets,
  onClose,
  onSaved,
}: {
  open: boolean;
  roundId: string;
  departments: PartnerDepartment[];
  targets: { id: string; name: string; groupName: string }[];
  onClose: () => void;
  onSaved: () => void;
}) {
  const [form] = Form.useForm<RequestForm>();
  const { run, pending } = useAction();
  const close = useGuardedClose(form, onClose);
  const submit = async (v: RequestForm) => {
    const result = await run(() =>
      api.post("/briefings", {
        roundId,
        partnerDepartmentId: v.partnerDepartmentId,
        targetIds: v.targetIds,
        topics: v.topics,
        note: v.note?.trim() ?? "",
        dueOn: v.dueOn.format("YYYY-MM-DD"),
      }),
    );
    if (result.ok) {
      notifySuccess("已发出情况通报请求");
      form.resetFields();
      onSaved();
    }
  };
  return (
    <FormDrawer
      open={open}
      onClose={close}
      title="新建情况通报请求"
      width={560}
      submitText="发出请求"
      pending={pending}
      onSubmit={() => form.submit()}
    >
      <Form<RequestForm> form={form} layout="vertical" onFinish={submit} initialValues={{ topics: [] }}>
        <Form.Item
          name="partnerDepartmentId"
          label="通报单位"
          rules={[{ required: true, message: "请选择联席会成员单位" }]}
        >
          <Select
            showSearch={{ optionFilterProp: "label" }}
            placeholder={departments.length ? "选择单位" : "请先在“联席会成员单位”中添加"}
            options={departments.map((d) => ({
              value: d.id,
              label: `${d.name}（${PARTNER_DEPARTMENT_KINDS.labels[d.kind]}）`,
            }))}
          />
        </Form.Item>
        <Form.Item
          name="targetIds"
          label="被巡察对象"
          rules={[{ required: true, message: "请选择被巡察对象" }]}
        >
          <Select
            mode="multiple"
            showSearch={{ optionFilterProp: "label" }}
            placeholder="本轮的巡察对象"
            options={targets.map((t) => ({ value: t.id, label: `${t.name}（${t.groupName}）` }))}
          />
        </Form.Item>
        <Form.Item
          name="topics"
          label="通报内容"
          rules={[{ required: true, type: "array", min: 1, message: "请选择通报内容" }]}
        >
          <Checkbox.Group
            options={BRIEFING_TOPICS.keys.map((k) => ({ value: k, label: BRIEFING_TOPICS.labels[k] }))}
          />
        </Form.Item>
        <Form.Item name="note" label="具体要求">
          <Input.TextArea
            autoSize={{ minRows: 3, maxRows: 8 }}
            maxLength={2000}
            showCount
            placeholder="如：请通报近三年的审计发现问题及整改情况"
          />
        </Form.Item>
        <Form.Item name="dueOn" label="报送截止日期" rules={[{ required: true, message: "请选择截止日期" }]}>
          <DatePicker style={{ width: "100%" }} />
        </Form.Item>
      </Form>
    </FormDrawer>
  );
}

/** One request with the answers per target (GET /briefings/:id). */
export function RequestDrawer({ id, onClose }: { id: string | null; onClose: () => void }) {
  const detail = useRequest<BriefingRequest>(id ? `/briefings/${id}` : null);
  const size = useDrawerWidth(720);
  const r = detail.data;
  return (
    <Drawer
      open={id !== null}
      onClose={onClose}
      title={r ? `${r.department.name} · 情况通报` : "情况通报"}
      size={size}
      destroyOnHidden
    >
      {detail.error ? (
        <LoadError error={detail.error} onRetry={detail.reload} />
      ) : r ? (
        <>
          <Descriptions
            size="small"
            column={1}
            items={[
              { key: "round", label: "巡察轮次", children: r.roundName },
              {
                key: "topics",
                label: "通报内容",
                children: r.topics.map((t) => BRIEFING_TOPICS.labels[t]).join("、"),
              },
              { key: "note", label: "具体要求", children: r.note || "—" },
              { key: "due", label: "截止日期", children: formatDate(r.dueOn) },
              {
                key: "status",
                label: "状态",
                children: <StatusTagView tag={BRIEFING_STATUS_TAGS[r.status]} />,
              },
            ]}
          />
          {r.targets.map((t) => (
            <section key={t.targetId} style={{ marginTop: 16 }}>
              <Typography.Title
                level={5}
                style={{ display: "flex", gap: 8, alignItems: "center", flexWrap: "wrap" }}
              >
                {t.targetName} <StatusTagView tag={BRIEFING_STATUS_TAGS[t.status]} />
              </Typography.Title>
              {(t.answers ?? []).length === 0 && <Typography.Text type="secondary">尚未通报</Typography.Text>}
              {(t.answers ?? []).map((a) => (
                <div
                  key={a.id}
                  style={{ borderLeft: "3px solid #d9d9d9", paddingLeft: 12, marginBottom: 12 }}
                >
                  <Typography.Text type="secondary">
                    {a.answeredByName} · {formatDateTime(a.answeredAt)}
                    {a.late && <Typography.Text type="danger">（逾期报送）</Typography.Text>}
                  </Typography.Text>
                  <Typography.Paragraph className="xc-pre" style={{ marginBottom: 4 }}>
                    {a.content}
                  </Typography.Paragraph>
                  <AttachmentLinks files={a.files} url={(f) => briefingFileUrl(a.id, f)} />
                </div>
              ))}
            </section>
          ))}
        </>
      ) : (
        <Typography.Text type="secondary">加载中…</Typography.Text>
      )}
    </Drawer>
  );
}

/** The office's and the leading group's view of a round's requests, with status per department and target. */
export function RequestsTab({
  roundId,
  canCreate,
  targets,
}: {
  roundId: string;
  canCreate: boolean;
  targets: { id: string; name: string; groupName: string }[];
}) {
  const requests = useRequest<BriefingRequest[]>("/briefings", { roundId });
  const departments = useRequest<PartnerDepartment[]>("/partner-departments");
  const [creating, setCreating] = useState(false);
  const [opened, setOpened] = useState<string | null>(null);
  const [shown, setShown] = useState<number>();
  const [filters, setFilters] = useState<{ partnerDepartmentId?: string; status?: BriefingStatus }>({});
  const items = requests.data ?? [];
  const overdue = items.filter((r) => r.status === "overdue").length;

  const departmentFilter = {
    filters: idFilters(
      items,
      (r) => r.department.id,
      (r) => r.department.name,
    ),
    filterMultiple: false,
    filteredValue: filters.partnerDepartmentId ? [filters.partnerDepartmentId] : null,
    onFilter: (v: boolean | Key, r: BriefingRequest) => r.department.id === v,
  };
  const statusFilter = {
    filters: labelFilters({ pending: "待通报", answered: "已通报", overdue: "已逾期" }),
    filterMultiple: false,
    filteredValue: filters.status ? [filters.status] : null,
    onFilter: (v: boolean | Key, r: BriefingRequest) => r.status === v,
  };
  const departmentLink = (r: BriefingRequest) => (
    <Button
      type="link"
      size="small"
      style={{ padding: 0, height: "auto", whiteSpace: "normal", textAlign: "left" }}
      onClick={() => setOpened(r.id)}
    >
      {r.department.name}
    </Button>
  );
  const requestStatus = (r: BriefingRequest) => (
    <Space size={4}>
      <StatusTagView tag={BRIEFING_STATUS_TAGS[r.status]} />
      <Typography.Text type="secondary">
        {r.answeredTargets}/{r.targets.length}
      </Typography.Text>
    </Space>
  );
  /** The status per target; the names cut to `width` in the desktop table, wrapping on a phone. */
  const targetStatuses = (r: BriefingRequest, width?: number) => (
    <Space orientation="vertical" size={2} style={{ width: "100%" }}>
      {r.targets.map((t) => (
        <span key={t.targetId} style={{ display: "flex", gap: 4, alignItems: "flex-start" }}>
          {width ? <EllipsisText text={t.targetName} width={width} /> : <span>{t.targetName}</span>}
          <span style={{ flex: "none" }}>
            <StatusTagView tag={BRIEFING_STATUS_TAGS[t.status]} />
            {t.late && <Typography.Text type="danger"> 逾期报送</Typography.Text>}
          </span>
        </span>
      ))}
    </Space>
  );

  const columns: ColumnsType<BriefingRequest> = [
    {
      title: "通报单位",
      key: "department",
      sorter: textSorter((r) => r.department.name),
      ...departmentFilter,
      render: (_, r) => departmentLink(r),
    },
    {
      title: "通报内容",
      key: "topics",
      render: (_, r) => (
        <EllipsisText text={r.topics.map((t) => BRIEFING_TOPICS.labels[t]).join("、")} width={220} />
      ),
    },
    { title: "被巡察对象", key: "targets", render: (_, r) => targetStatuses(r, 180) },
    { title: "截止日期", dataIndex: "dueOn", sorter: textSorter((r) => r.dueOn), render: formatDate },
    { title: "状态", key: "status", ...statusFilter, render: (_, r) => requestStatus(r) },
  ];
  const phoneColumns: ColumnsType<BriefingRequest> = [
    {
      title: "通报单位",
      key: "department",
      ...departmentFilter,
      render: (_, r) => (
        <Space orientation="vertical" size={2} style={{ width: "100%" }}>
          {departmentLink(r)}
          <Typography.Text type="secondary">
            {r.topics.map((t) => BRIEFING_TOPICS.labels[t]).join("、")}
          </Typography.Text>
          <span>截止 {formatDate(r.dueOn)}</span>
          {targetStatuses(r)}
        </Space>
      ),
    },
    {
      title: "状态",
      key: "status",
      width: 96,
      ...statusFilter,
      render: (_, r) => requestStatus(r),
    },
  ];

  if (requests.error) return <LoadError error={requests.error} onRetry={requests.reload} />;
  return (
    <>
      <TableToolbar countText={`共 ${shown ?? items.length} 项通报请求，逾期 ${overdue} 项`}>
        <ExportButton
          path="/briefings/export"
          query={{ roundId, ...filters }}
          fileName="巡前情况通报情况表.xlsx"
        />
        {canCreate && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
            新建通报请求
          </Button>
        )}
      </TableToolbar>
      <DataTable<BriefingRequest>
        rowKey="id"
        loading={requests.loading}
        columns={columns}
        phoneColumns={phoneColumns}
        dataSource={items}
        onChange={(_p, f, _s, extra) => {
          setShown(extra.currentDataSource.length);
          const first = (v: unknown) => (Array.isArray(v) && v.length ? String(v[0]) : undefined);
          setFilters({
            partnerDepartmentId: first(f.department),
            status: first(f.status) as BriefingStatus | undefined,
          });
        }}
        pagination={{ pageSize: 20, showTotal: totalText("项"), hideOnSinglePage: true }}
        locale={{ emptyText: "本轮尚未发出情况通报请求" }}
      />
      <NewRequestDrawer
        open={creating}
        roundId={roundId}
        departments={departments.data ?? []}
        targets={targets}
        onClose={() => setCreating(false)}
        onSaved={() => {
          setCreating(false);
          requests.reload();
        }}
      />
      <RequestDrawer id={opened} onClose={() => setOpened(null)} />
    </>
  );
}

interface DepartmentForm {
  name: string;
  kind: PartnerDepartmentKind;
}

/** 联席会成员单位 of the committee: the office adds and renames them. */
export function DepartmentsTab({ canEdit }: { canEdit: boolean }) {
  const departments = useRequest<PartnerDepartment[]>("/partner-departments");
  const [editing, setEditing] = useState<PartnerDepartment | "new" | null>(null);
  const [form] = Form.useForm<DepartmentForm>();
  const { run, pending } = useAction();
  const close = useGuardedClose(form, () => setEditing(null));
  const open = (d: PartnerDepartment | "new") => {
    form.setFieldsValue(d === "new" ? { name: "", kind: "audit" } : { name: d.name, kind: d.kind });
    setEditing(d);
  };
  const submit = async (v: DepartmentForm) => {
    const body = { name: v.name.trim(), kind: v.kind };
    const result = await run(() =>
      editing === "new" || editing === null
        ? api.post("/partner-departments", body)
        : api.patch(`/partner-departments/${editing.id}`, body),
    );
    if (result.ok) {
      notifySuccess("已保存");
      setEditing(null);
      departments.reload();
    }
  };
  const items = departments.data ?? [];
  if (departments.error) return <LoadError error={departments.error} onRetry={departments.reload} />;
  return (
    <>
      <TableToolbar countText={`共 ${items.length} 个单位`}>
        {canEdit && (
          <Button icon={<PlusOutlined />} onClick={() => open("new")}>
            添加单位
          </Button>
        )}
      </TableToolbar>
      <Typography.Paragraph type="secondary">
        单位的账号由安全管理员在“账号与角色”中授予“联席会成员单位”角色并选择本单位编号；该账号只能看到发给本单位的通报请求。
      </Typography.Paragraph>
      <DataTable<PartnerDepartment>
        rowKey="id"
        loading={departments.loading}
        dataSource={items}
        pagination={false}
        locale={{ emptyText: "尚未添加联席会成员单位" }}
        phoneColumns={[
          {
            title: "单位",
            key: "summary",
            render: (_, d) => (
              <Space orientation="vertical" size={0}>
                <Typography.Text strong>{d.name}</Typography.Text>
                <Typography.Text type="secondary">
                  {PARTNER_DEPARTMENT_KINDS.labels[d.kind]} · 编号{" "}
                  <Typography.Text copyable={{ text: d.id }}>{d.id.slice(0, 8)}…</Typography.Text>
                </Typography.Text>
              </Space>
            ),
          },
          ...(canEdit
            ? [
                {
                  title: "",
                  key: "actions",
                  width: 64,
                  render: (_: unknown, d: PartnerDepartment) => (
                    <Button type="link" size="small" onClick={() => open(d)}>
                      修改
                    </Button>
                  ),
                },
              ]
            : []),
        ]}
        columns={[
          { title: "单位名称", dataIndex: "name", sorter: textSorter((d) => d.name) },
          {
            title: "类别",
            dataIndex: "kind",
            filters: labelFilters(PARTNER_DEPARTMENT_KINDS.labels),
            onFilter: (v, d) => d.kind === v,
            render: (k: PartnerDepartmentKind) => PARTNER_DEPARTMENT_KINDS.labels[k],
          },
          {
            title: "单位编号",
            dataIndex: "id",
            render: (id: string) => (
              <Typography.Text copyable={{ text: id }}>{id.slice(0, 8)}…</Typography.Text>
            ),
          },
          ...(canEdit
            ? [
                {
                  title: "操作",
                  key: "actions",
                  render: (_: unknown, d: PartnerDepartment) => (
                    <Button type="link" size="small" onClick={() => open(d)}>
                      修改
                    </Button>
                  ),
                },
              ]
            : []),
        ]}
      />
      <FormDrawer
        open={editing !== null}
        onClose={close}
        title={editing === "new" ? "添加联席会成员单位" : "修改联席会成员单位"}
        width={480}
        submitText="保存"
        pending={pending}
        onSubmit={() => form.submit()}
      >
        <Form<DepartmentForm> form={form} layout="vertical" onFinish={submit}>
          <Form.Item
            name="name"
            label="单位名称"
            rules={[{ required: true, whitespace: true, message: "请填写单位名称" }, { max: 100 }]}
          >
            <Input placeholder="如：县审计局" />
          </Form.Item>
          <Form.Item name="kind" label="类别" rules={[{ required: true }]}>
            <Select
              options={PARTNER_DEPARTMENT_KINDS.keys.map((k) => ({
                value: k,
                label: PARTNER_DEPARTMENT_KINDS.labels[k],
              }))}
            />
          </Form.Item>
        </Form>
      </FormDrawer>
    </>
  );
}
