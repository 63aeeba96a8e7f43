import { PlusOutlined } from "@ant-design/icons";
import { FIELDWORK_RECORD_KINDS, type FieldworkRecordKind } from "@xuncha/domain/model";
import { Button, DatePicker, Form, Input, Select, Space, Table, Tabs, Typography } from "antd";
import type { ColumnsType } from "antd/es/table";
import dayjs, { type Dayjs } from "dayjs";
import { type Key, useEffect, useState } from "react";
import type { StoredFile } from "../../app/api-client";
import { api } from "../../app/api-client";
import { formatDate } from "../../app/format";
import { notifySuccess } from "../../app/notify";
import { numberSorter, textSorter, totalText, valueFilters } from "../../app/table";
import { useAction, useRequest } from "../../app/use-request";
import { DataTable } from "../../components/data-table";
import { EllipsisText } from "../../components/ellipsis-text";
import { ExportButton } from "../../components/export-button";
import { FileUpload } from "../../components/file-upload";
import { FormDrawer } from "../../components/form-drawer";
import { LoadError } from "../../components/load-error";
import { PageContainer } from "../../components/page-container";
import { TableToolbar } from "../../components/table-toolbar";
import { useGuardedClose } from "../../components/use-guarded-close";
import { useIsPhone } from "../../components/use-is-phone";
import { type FieldworkCounts, type FieldworkRecord, recordFileUrl } from "./api";
import { AttachmentLinks, idFilters, RoundSelect, useRoundPick } from "./shared";
import { useMyGroups } from "./use-group-context";

const SUBJECT_LABEL: Record<FieldworkRecordKind, string> = { docReview: "查阅内容", visit: "走访地点" };

interface RecordForm {
  targetId: string;
  heldOn: Dayjs;
  subject: string;
  notes?: string;
  inspectorIds: string[];
  files?: StoredFile[];
}

function RecordDrawer({
  roundId,
  kind,
  editing,
  targets,
  membersOf,
  onClose,
  onSaved,
}: {
  roundId: string;
  kind: FieldworkRecordKind;
  editing: FieldworkRecord | "new" | null;
  targets: { id: string; name: string }[];
  membersOf: (targetId: string | undefined) => { personId: string; name: string }[];
  onClose: () => void;
  onSaved: () => void;
}) {
  const [form] = Form.useForm<RecordForm>();
  const { run, pending } = useAction();
  const close = useGuardedClose(form, onClose);
  const targetId = Form.useWatch("targetId", form);
  useEffect(() => {
    if (editing === null) return;
    form.resetFields();
    if (editing === "new")
      form.setFieldsValue({ targetId: targets[0]?.id, heldOn: dayjs(), inspectorIds: [] });
    else
      form.setFieldsValue({
        targetId: editing.targetId,
        heldOn: dayjs(editing.heldOn),
        subject: editing.subject,
        notes: editing.notes,
        inspectorIds: editing.inspectors.map((p) => p.personId),
      });
  }, [editing, form, targets]);
  const submit = async (v: RecordForm) => {
    const fields = {
      heldOn: v.heldOn.format("YYYY-MM-DD"),
      subject: v.subject.trim(),
      notes: v.notes?.trim() ?? "",
      inspectorIds: v.inspectorIds,
      fileIds: (v.files ?? []).map((f) => f.id),
    };
    const result = await run(() =>
      editing === "new" || editing === null
        ? api.post("/fieldwork-records", { roundId, targetId: v.targetId, kind, ...fields })
        : api.patch(`/fieldwork-records/${editing.id}`, fields),
    );
    if (result.ok) {
      notifySuccess("已保存");
      onSaved();
    }
  };
  const label = FIELDWORK_RECORD_KINDS.labels[kind];
  return (
    <FormDrawer
      open={editing !== null}
      onClose={close}
      title={editing === "new" ? `新建${label}记录` : `修改${label}记录`}
      width={600}
      submitText="保存"
      pending={pending}
      onSubmit={() => form.submit()}
    >
      <Form<RecordForm> form={form} layout="vertical" onFinish={submit}>
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
        <Form.Item name="heldOn" label="日期" rules={[{ required: true, message: "请选择日期" }]}>
          <DatePicker />
        </Form.Item>
        <Form.Item
          name="subject"
          label={SUBJECT_LABEL[kind]}
          rules={[
            { required: true, whitespace: true, message: `请填写${SUBJECT_LABEL[kind]}` },
            { max: 500 },
          ]}
        >
          <Input
            placeholder={
              kind === "docReview" ? "如：2024 年度会计凭证、党组会议记录" : "如：某村便民服务中心"
            }
          />
        </Form.Item>
        <Form.Item name="notes" label="情况记录">
          <Input.TextArea autoSize={{ minRows: 6, maxRows: 20 }} maxLength={20000} showCount />
        </Form.Item>
        <Form.Item
          name="inspectorIds"
          label="参加人员"
          rules={[{ required: true, type: "array", min: 1, message: "请选择参加人员" }]}
        >
          <Select
            mode="multiple"
            options={membersOf(targetId).map((m) => ({ value: m.personId, label: m.name }))}
          />
        </Form.Item>
        <Form.Item name="files" label={editing === "new" ? "附件" : "添加附件"}>
          <FileUpload buttonText="上传附件" />
        </Form.Item>
      </Form>
    </FormDrawer>
  );
}

/** One record as a phone sees it: when and where, what was read or visited, notes, people, files. */
function RecordSummary({ r }: { r: FieldworkRecord }) {
  return (
    <Space orientation="vertical" size={0} style={{ width: "100%" }}>
      <Typography.Text type="secondary">
        {formatDate(r.heldOn)} · {r.targetName}
      </Typography.Text>
      <Typography.Text strong>{r.subject}</Typography.Text>
      {r.notes && (
        <Typography.Paragraph
          className="xc-pre"
          style={{ marginBottom: 0 }}
          ellipsis={{ rows: 3, expandable: "collapsible", symbol: (open) => (open ? "收起" : "展开") }}
        >
          {r.notes}
        </Typography.Paragraph>
      )}
      <Typography.Text type="secondary">
        参加：{r.inspectors.map((p) => p.name).join("、")}
        {r.groupName ? `（${r.groupName}）` : ""}
      </Typography.Text>
      {r.files.length > 0 && <AttachmentLinks files={r.files} url={(f) => recordFileUrl(r.id, f)} />}
    </Space>
  );
}

function RecordsTab({
  roundId,
  kind,
  mine,
  onChanged,
}: {
  roundId: string;
  kind: FieldworkRecordKind;
  mine: ReturnType<typeof useMyGroups>;
  onChanged: () => void;
}) {
  const records = useRequest<FieldworkRecord[]>("/fieldwork-records", { roundId, kind });
  const [editing, setEditing] = useState<FieldworkRecord | "new" | null>(null);
  const [shown, setShown] = useState<number>();
  const [targetId, setTargetId] = useState<string>();
  const phone = useIsPhone();
  const items = records.data ?? [];
  // The group column for readers of several groups (the office, the leading group), not a group's own list.
  const manyGroups = new Set(items.map((r) => r.groupId)).size > 1 || mine.groups.length === 0;
  const editable = items.some((r) => r.abilities.edit);
  const targetFilter = {
    filters: idFilters(
      items,
      (r) => r.targetId,
      (r) => r.targetName,
    ),
    filterMultiple: false,
    filteredValue: targetId ? [targetId] : null,
    onFilter: (v: boolean | Key, r: FieldworkRecord) => r.targetId === v,
  };
  const edit = (r: FieldworkRecord) =>
    r.abilities.edit && (
      <Button type="link" size="small" onClick={() => setEditing(r)}>
        修改
      </Button>
    );
  const columns: ColumnsType<FieldworkRecord> = [
    { title: "日期", dataIndex: "heldOn", sorter: textSorter((r) => r.heldOn), render: formatDate },
    {
      title: "被巡察对象",
      key: "target",
      ...targetFilter,
      render: (_, r) => <EllipsisText text={r.targetName} width={160} />,
    },
    {
      title: SUBJECT_LABEL[kind],
      dataIndex: "subject",
      render: (t: string) => <EllipsisText text={t} width={220} />,
    },
    {
      title: "参加人员",
      key: "inspectors",
      render: (_, r) => <EllipsisText text={r.inspectors.map((p) => p.name).join("、")} width={120} />,
    },
    {
      title: "附件",
      key: "files",
      sorter: numberSorter((r) => r.files.length),
      render: (_, r) => (
        <AttachmentLinks files={r.files} url={(f) => recordFileUrl(r.id, f)} maxWidth={200} />
      ),
    },
    ...(manyGroups
      ? [
          {
            title: "巡察组",
            dataIndex: "groupName",
            filters: valueFilters(items, (r) => r.groupName),
            onFilter: (v: boolean | Key, r: FieldworkRecord) => r.groupName === v,
          },
        ]
      : []),
    ...(editable
      ? [
          {
            title: "操作",
            key: "actions",
            fixed: "right" as const,
            render: (_: unknown, r: FieldworkRecord) => edit(r),
          },
        ]
      : []),
  ];
  const phoneColumns: ColumnsType<FieldworkRecord> = [
    {
      title: FIELDWORK_RECORD_KINDS.labels[kind],
      key: "summary",
      ...targetFilter,
      sorter: textSorter((r) => r.heldOn),
      render: (_, r) => <RecordSummary r={{ ...r, groupName: manyGroups ? r.groupName : "" }} />,
    },
    ...(editable
      ? [{ title: "", key: "actions", width: 64, render: (_: unknown, r: FieldworkRecord) => edit(r) }]
      : []),
  ];
  if (records.error) return <LoadError error={records.error} onRetry={records.reload} />;
  return (
    <>
      <TableToolbar countText={`共 ${shown ?? items.length} 次`}>
        <ExportButton
          path="/fieldwork-records/export"
          query={{ roundId, kind, targetId }}
          fileName={`${FIELDWORK_RECORD_KINDS.labels[kind]}登记表.xlsx`}
        />
        {mine.canWrite && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing("new")}>
            新建记录
          </Button>
        )}
      </TableToolbar>
      <DataTable<FieldworkRecord>
        rowKey="id"
        loading={records.loading}
        columns={columns}
        phoneColumns={phoneColumns}
        dataSource={items}
        expandable={
          phone
            ? undefined
            : {
                expandedRowRender: (r) => (
                  <Typography.Paragraph className="xc-pre">
                    {r.notes || "（无情况记录）"}
                  </Typography.Paragraph>
                ),
              }
        }
        onChange={(_p, f, _s, extra) => {
          setShown(extra.currentDataSource.length);
          const v = f.target ?? f.summary;
          setTargetId(Array.isArray(v) && v.length ? String(v[0]) : undefined);
        }}
        pagination={{ pageSize: 20, showTotal: totalText("次"), hideOnSinglePage: true }}
        locale={{ emptyText: `暂无${FIELDWORK_RECORD_KINDS.labels[kind]}记录` }}
      />
      <RecordDrawer
        roundId={roundId}
        kind={kind}
        editing={editing}
        targets={mine.targets}
        membersOf={mine.membersOf}
        onClose={() => setEditing(null)}
        onSaved={() => {
          setEditing(null);
          records.reload();
          onChanged();
        }}
      />
    </>
  );
}

type CountRow = FieldworkCounts["rows"][number];

/** The figures of one target (or the totals) in a line a phone can read. */
const countsLine = (c: FieldworkCounts["totals"]) =>
  `谈话 ${c.interviewsHeld} 人次（主要负责人 ${c.principalInterviews}），待谈话 ${c.interviewsScheduled} 人次；查阅资料 ${c.docReviews} 次，调研走访 ${c.visits} 次`;

function CountsTab({ counts }: { counts: FieldworkCounts | undefined }) {
  const rows = counts?.rows ?? [];
  const phone = useIsPhone();
  return (
    <DataTable<CountRow>
      rowKey={(r) => `${r.groupId}-${r.targetId}`}
      dataSource={rows}
      pagination={false}
      locale={{ emptyText: "暂无数据" }}
      columns={[
        { title: "巡察组", dataIndex: "groupName" },
        {
          title: "被巡察对象",
          dataIndex: "targetName",
          render: (t: string) => <EllipsisText text={t} width={180} />,
        },
        { title: "个别谈话（人次）", dataIndex: "interviewsHeld", align: "right" },
        { title: "其中主要负责人", dataIndex: "principalInterviews", align: "right" },
        { title: "待谈话", dataIndex: "interviewsScheduled", align: "right" },
        { title: "查阅资料（次）", dataIndex: "docReviews", align: "right" },
        { title: "调研走访（次）", dataIndex: "visits", align: "right" },
      ]}
      phoneColumns={[
        {
          title: "被巡察对象",
          key: "summary",
          render: (_, r) => (
            <Space orientation="vertical" size={0}>
              <Typography.Text strong>{r.targetName}</Typography.Text>
              <Typography.Text type="secondary">{r.groupName}</Typography.Text>
              <span>{countsLine(r)}</span>
            </Space>
          ),
        },
      ]}
      summary={() =>
        counts && rows.length > 1 ? (
          phone ? (
            <Table.Summary.Row>
              <Table.Summary.Cell index={0}>
                <Typography.Text strong>合计</Typography.Text>：{countsLine(counts.totals)}
              </Table.Summary.Cell>
            </Table.Summary.Row>
          ) : (
            <Table.Summary.Row>
              <Table.Summary.Cell index={0} colSpan={2}>
                合计
              </Table.Summary.Cell>
              <Table.Summary.Cell index={2} align="right">
                {counts.totals.interviewsHeld}
              </Table.Summary.Cell>
              <Table.Summary.Cell index={3} align="right">
                {counts.totals.principalInterviews}
              </Table.Summary.Cell>
              <Table.Summary.Cell index={4} align="right">
                {counts.totals.interviewsScheduled}
              </Table.Summary.Cell>
              <Table.Summary.Cell index={5} align="right">
                {counts.totals.docReviews}
              </Table.Summary.Cell>
              <Table.Summary.Cell index={6} align="right">
                {counts.totals.visits}
              </Table.Summary.Cell>
            </Table.Summary.Row>
          )
        ) : null
      }
    />
  );
}

/** 查阅资料与调研走访: dated records of the groups, and the round's fieldwork figures. */
export function FieldworkRecordsPage() {
  const [roundId, setRoundId] = useState<string>();
  const { rounds, detail } = useRoundPick(roundId, setRoundId);
  const mine = useMyGroups(detail.data);
  const counts = useRequest<FieldworkCounts>(roundId ? "/fieldwork/counts" : null, { roundId });
  return (
    <PageContainer title="查阅资料与调研走访">
      <search className="xc-filters">
        <RoundSelect rounds={rounds.data} value={roundId} onChange={setRoundId} />
      </search>
      {roundId && (
        <Tabs
          destroyOnHidden
          items={[
            ...FIELDWORK_RECORD_KINDS.keys.map((kind) => ({
              key: kind,
              label: FIELDWORK_RECORD_KINDS.labels[kind],
              children: <RecordsTab roundId={roundId} kind={kind} mine={mine} onChanged={counts.reload} />,
            })),
            { key: "counts", label: "统计", children: <CountsTab counts={counts.data} /> },
          ]}
        />
      )}
    </PageContainer>
  );
}
