import { EyeOutlined, LockOutlined, PlusOutlined } from "@ant-design/icons";
import { INTERVIEW_STATUSES, type InterviewStatus } from "@xuncha/domain/model";
import {
  Alert,
  Button,
  Checkbox,
  DatePicker,
  Descriptions,
  Drawer,
  Form,
  Input,
  Select,
  Space,
  Statistic,
  Typography,
} from "antd";
import type { ColumnsType } from "antd/es/table";
import dayjs, { type Dayjs } from "dayjs";
import { type Key, useEffect, useState } from "react";
import type { StoredFile } from "../../app/api-client";
import { api } from "../../app/api-client";
import { formatDate, formatDateTime } from "../../app/format";
import { notifySuccess } from "../../app/notify";
import type { StatusTag } from "../../app/status";
import { labelFilters, textSorter, totalText } from "../../app/table";
import { useAction, useRequest } from "../../app/use-request";
import { DataTable } from "../../components/data-table";
import { EllipsisText } from "../../components/ellipsis-text";
import { ExportButton } from "../../components/export-button";
import { FileUpload } from "../../components/file-upload";
import { FormDrawer } from "../../components/form-drawer";
import { LoadError } from "../../components/load-error";
import { PageContainer } from "../../components/page-container";
import { StatusTagView } from "../../components/status-tag";
import { TableToolbar } from "../../components/table-toolbar";
import { useDrawerWidth } from "../../components/use-drawer-width";
import { useGuardedClose } from "../../components/use-guarded-close";
import { useUnsavedPrompt } from "../../components/use-unsaved-prompt";
import { type FieldworkCounts, type Interview, type InterviewDetail, interviewFileUrl } from "./api";
import { AttachmentLinks, idFilters, RoundSelect, useRoundPick } from "./shared";
import { useMyGroups } from "./use-group-context";

const STATUS_TAGS: Record<InterviewStatus, StatusTag> = {
  scheduled: { tone: "progress", label: "已安排" },
  held: { tone: "done", label: "已谈话" },
  cancelled: { tone: "neutral", label: "已取消" },
};

interface ScheduleForm {
  targetId: string;
  scheduledOn: Dayjs;
  scheduledAt?: string;
  place?: string;
  intervieweeName: string;
  intervieweePost?: string;
  principal?: boolean;
  inspectorIds: string[];
}

function ScheduleDrawer({
  roundId,
  editing,
  targets,
  membersOf,
  onClose,
  onSaved,
}: {
  roundId: string;
  editing: Interview | "new" | null;
  targets: { id: string; name: string }[];
  membersOf: (targetId: string | undefined) => { personId: string; name: string }[];
  onClose: () => void;
  onSaved: () => void;
}) {
  const [form] = Form.useForm<ScheduleForm>();
  const { run, pending } = useAction();
  const close = useGuardedClose(form, onClose);
  const targetId = Form.useWatch("targetId", form);
  useEffect(() => {
    if (editing === null) return;
    form.resetFields();
    if (editing === "new") form.setFieldsValue({ targetId: targets[0]?.id, inspectorIds: [] });
    else
      form.setFieldsValue({
        targetId: editing.targetId,
        scheduledOn: dayjs(editing.scheduledOn),
        scheduledAt: editing.scheduledAt,
        place: editing.place,
        intervieweeName: editing.intervieweeName,
        intervieweePost: editing.intervieweePost,
        principal: editing.principal,
        inspectorIds: editing.inspectors.map((p) => p.personId),
      });
  }, [editing, form, targets]);
  const submit = async (v: ScheduleForm) => {
    const fields = {
      scheduledOn: v.scheduledOn.format("YYYY-MM-DD"),
      scheduledAt: v.scheduledAt?.trim() ?? "",
      place: v.place?.trim() ?? "",
      intervieweeName: v.intervieweeName.trim(),
      intervieweePost: v.intervieweePost?.trim() ?? "",
      principal: v.principal ?? false,
      inspectorIds: v.inspectorIds,
    };
    const result = await run(() =>
      editing === "new" || editing === null
        ? api.post("/interviews", { roundId, targetId: v.targetId, ...fields })
        : api.patch(`/interviews/${editing.id}`, fields),
    );
    if (result.ok) {
      notifySuccess(editing === "new" ? "已安排谈话" : "已保存");
      onSaved();
    }
  };
  return (
    <FormDrawer
      open={editing !== null}
      onClose={close}
      title={editing === "new" ? "安排个别谈话" : "修改谈话安排"}
      width={560}
      submitText="保存"
      pending={pending}
      onSubmit={() => form.submit()}
    >
      <Form<ScheduleForm> form={form} layout="vertical" onFinish={submit}>
        <Form.Item
          name="targetId"
          label="被巡察对象"
          rules={[{ required: true, message: "请选择被巡察对象" }]}
        >
          <Select
            disabled={editing !== "new"}
            options={targets.map((t) => ({ value: t.id, label: t.name }))}
          />
        </Form.Item>
        <Space wrap>
          <Form.Item name="scheduledOn" label="谈话日期" rules={[{ required: true, message: "请选择日期" }]}>
            <DatePicker />
          </Form.Item>
          <Form.Item
            name="scheduledAt"
            label="时间"
            rules={[{ pattern: /^([01]\d|2[0-3]):[0-5]\d$/, message: "格式如 09:30" }]}
          >
            <Input placeholder="09:30" style={{ width: 120 }} />
          </Form.Item>
        </Space>
        <Form.Item name="place" label="地点">
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item
          name="intervieweeName"
          label="谈话对象"
          rules={[{ required: true, whitespace: true, message: "请填写谈话对象姓名" }, { max: 50 }]}
        >
          <Input />
        </Form.Item>
        <Form.Item name="intervieweePost" label="职务">
          <Input maxLength={200} placeholder="如：党组书记、局长" />
        </Form.Item>
        <Form.Item name="principal" valuePropName="checked">
          <Checkbox>谈话对象是该单位主要负责人</Checkbox>
        </Form.Item>
        <Form.Item
          name="inspectorIds"
          label="在场巡察人员"
          rules={[{ required: true, type: "array", min: 2, message: "个别谈话须有至少两名本组人员在场" }]}
        >
          <Select
            mode="multiple"
            options={membersOf(targetId).map((m) => ({ value: m.personId, label: m.name }))}
            placeholder="选择至少两名本组人员"
          />
        </Form.Item>
      </Form>
    </FormDrawer>
  );
}

/** The interview record: opening it is a read of the confidential record, written to the audit log. */
function RecordDrawer({
  id,
  onClose,
  onSaved,
}: {
  id: string | null;
  onClose: () => void;
  onSaved: () => void;
}) {
  const detail = useRequest<InterviewDetail>(id ? `/interviews/${id}` : null);
  const size = useDrawerWidth(760);
  const [form] = Form.useForm<{ record: string; files?: StoredFile[] }>();
  const { run, pending } = useAction();
  const [dirty, setDirty] = useState(false);
  useUnsavedPrompt(dirty);
  const i = detail.data;
  useEffect(() => {
    if (i) {
      form.setFieldsValue({ record: i.record, files: [] });
      setDirty(false);
    }
  }, [i, form]);
  const save = async (v: { record: string; files?: StoredFile[] }) => {
    if (!i) return;
    const result = await run(() =>
      api.patch(`/interviews/${i.id}`, { record: v.record, fileIds: (v.files ?? []).map((f) => f.id) }),
    );
    if (result.ok) {
      notifySuccess("谈话记录已保存");
      setDirty(false);
      detail.reload();
      onSaved();
    }
  };
  const close = () => {
    if (dirty && !window.confirm("谈话记录尚未保存，确定关闭吗？")) return;
    setDirty(false);
    onClose();
  };
  return (
    <Drawer
      open={id !== null}
      onClose={close}
      title={
        <Space>
          <LockOutlined />
          {i ? `谈话记录：${i.intervieweeName}` : "谈话记录"}
        </Space>
      }
      size={size}
      destroyOnHidden
      footer={
        i?.abilities.edit && (
          <Space>
            <Button onClick={close}>关闭</Button>
            <Button type="primary" loading={pending} onClick={() => form.submit()}>
              保存记录
            </Button>
          </Space>
        )
      }
    >
      {detail.error ? (
        <LoadError error={detail.error} onRetry={detail.reload} />
      ) : !i ? (
        <Typography.Text type="secondary">加载中…</Typography.Text>
      ) : (
        <>
          <Alert
            type="warning"
            showIcon
            style={{ marginBottom: 12 }}
            title="谈话记录属机密内容，本次查看已记入审计日志。"
          />
          <Descriptions
            size="small"
            column={{ xs: 1, sm: 2 }}
            items={[
              { key: "target", label: "被巡察对象", children: i.targetName },
              {
                key: "who",
                label: "谈话对象",
                children: `${i.intervieweeName}${i.intervieweePost ? `（${i.intervieweePost}）` : ""}`,
              },
              { key: "when", label: "时间", children: `${formatDate(i.scheduledOn)} ${i.scheduledAt}` },
              { key: "where", label: "地点", children: i.place || "—" },
              { key: "inspectors", label: "在场人员", children: i.inspectors.map((p) => p.name).join("、") },
              { key: "status", label: "状态", children: <StatusTagView tag={STATUS_TAGS[i.status]} /> },
              { key: "updated", label: "最后修改", children: formatDateTime(i.updatedAt) },
            ]}
          />
          <Typography.Title level={5}>附件</Typography.Title>
          <AttachmentLinks files={i.files} url={(f) => interviewFileUrl(i.id, f)} />
          <Typography.Title level={5} style={{ marginTop: 16 }}>
            谈话记录
          </Typography.Title>
          {i.abilities.edit ? (
            <Form form={form} layout="vertical" onFinish={save} onValuesChange={() => setDirty(true)}>
              <Form.Item name="record" rules={[{ max: 100000, message: "不能超过 100000 个字" }]}>
                <Input.TextArea autoSize={{ minRows: 12, maxRows: 40 }} maxLength={100000} showCount />
              </Form.Item>
              <Form.Item name="files" label="添加附件">
                <FileUpload buttonText="上传谈话笔录或录音" />
              </Form.Item>
            </Form>
          ) : (
            <Typography.Paragraph className="xc-pre">{i.record || "（尚无记录）"}</Typography.Paragraph>
          )}
        </>
      )}
    </Drawer>
  );
}

/** The filters of the list that the export follows: one target, one status (table filters). */
interface InterviewFilters {
  targetId?: string;
  status?: InterviewStatus;
}

const recordText = (i: Interview) =>
  i.hasRecord ? `已记录${i.fileCount ? `（附件 ${i.fileCount}）` : ""}` : "未记录";

/** One interview as a phone sees it: who, when and where, which target, who was present. */
function InterviewSummary({ i }: { i: Interview }) {
  return (
    <Space orientation="vertical" size={0} style={{ width: "100%" }}>
      <Typography.Text strong>
        {i.intervieweeName}
        {i.principal && <Typography.Text type="secondary">（主要负责人）</Typography.Text>}
      </Typography.Text>
      {i.intervieweePost && <Typography.Text type="secondary">{i.intervieweePost}</Typography.Text>}
      <span>
        {formatDate(i.scheduledOn)} {i.scheduledAt}
        {i.place ? ` · ${i.place}` : ""}
      </span>
      <span>{i.targetName}</span>
      <Typography.Text type="secondary">在场：{i.inspectors.map((p) => p.name).join("、")}</Typography.Text>
    </Space>
  );
}

/** 个别谈话: the group's schedule and records; the office head and the leading group read them. */
export function InterviewsPage() {
  const [roundId, setRoundId] = useState<string>();
  const { rounds, detail } = useRoundPick(roundId, setRoundId);
  const mine = useMyGroups(detail.data);
  const interviews = useRequest<Interview[]>(roundId ? "/interviews" : null, { roundId });
  const counts = useRequest<FieldworkCounts>(roundId ? "/fieldwork/counts" : null, { roundId });
  const [editing, setEditing] = useState<Interview | "new" | null>(null);
  const [opened, setOpened] = useState<string | null>(null);
  const [shown, setShown] = useState<number>();
  const [filters, setFilters] = useState<InterviewFilters>({});
  const items = interviews.data ?? [];
  const reload = () => {
    interviews.reload();
    counts.reload();
  };
  useEffect(() => {
    if (roundId) setFilters({});
  }, [roundId]);

  const targetFilter = {
    filters: idFilters(
      items,
      (i) => i.targetId,
      (i) => i.targetName,
    ),
    filterMultiple: false,
    filteredValue: filters.targetId ? [filters.targetId] : null,
    onFilter: (v: boolean | Key, i: Interview) => i.targetId === v,
  };
  const statusFilter = {
    filters: labelFilters(INTERVIEW_STATUSES.labels),
    filterMultiple: false,
    filteredValue: filters.status ? [filters.status] : null,
    onFilter: (v: boolean | Key, i: Interview) => i.status === v,
  };
  const dateSorter = textSorter<Interview>((i) => `${i.scheduledOn} ${i.scheduledAt}`);
  /** 记录/查看 and 修改: small links in the desktop table, full-height buttons stacked on a phone. */
  const actions = (i: Interview, phone = false) => (
    <Space size={phone ? 4 : 0} orientation={phone ? "vertical" : "horizontal"}>
      <Button
        type="link"
        size={phone ? "middle" : "small"}
        icon={phone ? undefined : <EyeOutlined />}
        onClick={() => setOpened(i.id)}
      >
        {i.abilities.edit ? "记录" : "查看"}
      </Button>
      {i.abilities.edit && (
        <Button type="link" size={phone ? "middle" : "small"} onClick={() => setEditing(i)}>
          修改
        </Button>
      )}
    </Space>
  );

  const columns: ColumnsType<Interview> = [
    {
      title: "日期",
      key: "when",
      sorter: dateSorter,
      render: (_, i) => `${formatDate(i.scheduledOn)} ${i.scheduledAt}`,
    },
    {
      title: "被巡察对象",
      key: "target",
      ...targetFilter,
      render: (_, i) => <EllipsisText text={i.targetName} width={160} />,
    },
    {
      title: "谈话对象",
      key: "who",
      sorter: textSorter((i) => i.intervieweeName),
      render: (_, i) => (
        <span>
          {i.intervieweeName}
          {i.principal && <Typography.Text type="secondary">（主要负责人）</Typography.Text>}
        </span>
      ),
    },
    {
      title: "职务",
      dataIndex: "intervieweePost",
      render: (t: string) => <EllipsisText text={t} width={120} />,
    },
    { title: "地点", dataIndex: "place", render: (t: string) => <EllipsisText text={t} width={100} /> },
    {
      title: "在场人员",
      key: "inspectors",
      render: (_, i) => <EllipsisText text={i.inspectors.map((p) => p.name).join("、")} width={120} />,
    },
    {
      title: "状态",
      key: "status",
      ...statusFilter,
      render: (_, i) => (
        <Space orientation="vertical" size={0}>
          <StatusTagView tag={STATUS_TAGS[i.status]} />
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {recordText(i)}
          </Typography.Text>
        </Space>
      ),
    },
    { title: "操作", key: "actions", fixed: "right", render: (_, i) => actions(i) },
  ];
  const phoneColumns: ColumnsType<Interview> = [
    {
      title: "谈话对象",
      key: "summary",
      ...targetFilter,
      sorter: dateSorter,
      render: (_, i) => <InterviewSummary i={i} />,
    },
    {
      title: "状态",
      key: "status",
      width: 96,
      ...statusFilter,
      render: (_, i) => (
        <Space orientation="vertical" size={4} align="center">
          <StatusTagView tag={STATUS_TAGS[i.status]} />
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {recordText(i)}
          </Typography.Text>
          {actions(i, true)}
        </Space>
      ),
    },
  ];

  const t = counts.data?.totals;
  return (
    <PageContainer title="个别谈话">
      <search className="xc-filters">
        <RoundSelect rounds={rounds.data} value={roundId} onChange={setRoundId} />
      </search>
      {t && (
        <Space wrap size="large" style={{ marginBottom: 12 }}>
          <Statistic title="已谈话" value={t.interviewsHeld} suffix="人次" />
          <Statistic title="其中主要负责人" value={t.principalInterviews} suffix="人次" />
          <Statistic title="待谈话" value={t.interviewsScheduled} suffix="人次" />
        </Space>
      )}
      {interviews.error ? (
        <LoadError error={interviews.error} onRetry={interviews.reload} />
      ) : (
        <>
          <TableToolbar countText={`共 ${shown ?? items.length} 人次`}>
            {roundId && (
              <ExportButton
                path="/interviews/export"
                query={{ roundId, ...filters }}
                fileName="个别谈话登记表.xlsx"
              />
            )}
            {mine.canWrite && (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing("new")}>
                安排谈话
              </Button>
            )}
          </TableToolbar>
          <DataTable<Interview>
            rowKey="id"
            loading={interviews.loading}
            columns={columns}
            phoneColumns={phoneColumns}
            dataSource={items}
            onChange={(_p, f, _s, extra) => {
              setShown(extra.currentDataSource.length);
              const first = (v: unknown) => (Array.isArray(v) && v.length ? String(v[0]) : undefined);
              setFilters({
                targetId: first(f.target ?? f.summary),
                status: first(f.status) as InterviewStatus | undefined,
              });
            }}
            pagination={{ pageSize: 50, showTotal: totalText("人次"), hideOnSinglePage: true }}
            locale={{ emptyText: "暂无个别谈话" }}
          />
        </>
      )}
      {roundId && (
        <ScheduleDrawer
          roundId={roundId}
          editing={editing}
          targets={mine.targets}
          membersOf={mine.membersOf}
          onClose={() => setEditing(null)}
          onSaved={() => {
            setEditing(null);
            reload();
          }}
        />
      )}
      <RecordDrawer id={opened} onClose={() => setOpened(null)} onSaved={reload} />
    </PageContainer>
  );
}
