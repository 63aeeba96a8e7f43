import { PlusOutlined } from "@ant-design/icons";
import { FEEDBACK_FORMS, type FeedbackForm } from "@xuncha/domain/model";
import { Alert, Button, DatePicker, Form, Input, Radio, Select, Tag, Typography } from "antd";
import type { ColumnsType } from "antd/es/table";
import dayjs, { type Dayjs } from "dayjs";
import { useState } from "react";
import { useSearchParams } from "react-router-dom";
import { api } from "../../app/api-client";
import { useMe } from "../../app/auth";
import { formatDate } from "../../app/format";
import { notifySuccess } from "../../app/notify";
import { hasRole } from "../../app/session";
import { labelFilters, numberSorter, textSorter, totalText } from "../../app/table";
import { useAction, useRequest } from "../../app/use-request";
import { DataTable } from "../../components/data-table";
import { EllipsisText } from "../../components/ellipsis-text";
import { FormDrawer } from "../../components/form-drawer";
import { LoadError } from "../../components/load-error";
import { PageContainer } from "../../components/page-container";
import { TableToolbar } from "../../components/table-toolbar";
import { useGuardedClose } from "../../components/use-guarded-close";
import type { RoundDetail, RoundSummary } from "../rounds/api";

/** GET /api/feedbacks items */
interface Feedback {
  id: string;
  roundId: string;
  targetId: string;
  targetName: string;
  givenOn: string;
  form: FeedbackForm;
  requirements: string;
  findingCount: number;
}

interface FeedbackFormValues {
  targetId: string;
  givenOn: Dayjs;
  form: FeedbackForm;
  requirements?: string;
}

function FeedbackDrawer({
  round,
  open,
  given,
  onClose,
  onGiven,
}: {
  round: RoundDetail | undefined;
  open: boolean;
  given: string[];
  onClose: () => void;
  onGiven: () => void;
}) {
  const [form] = Form.useForm<FeedbackFormValues>();
  const { run, pending } = useAction();
  const close = useGuardedClose(form, onClose);
  const targets = (round?.groups ?? []).flatMap((g) => g.targets.map((t) => ({ ...t, groupName: g.name })));

  const submit = async (v: FeedbackFormValues) => {
    if (!round) return;
    const result = await run(() =>
      api.post<Feedback>("/feedbacks", {
        roundId: round.id,
        targetId: v.targetId,
        givenOn: v.givenOn.format("YYYY-MM-DD"),
        form: v.form,
        requirements: v.requirements?.trim() ?? "",
      }),
    );
    if (result.ok) {
      notifySuccess(`已反馈 ${result.value.findingCount} 个问题`);
      form.resetFields();
      onGiven();
    }
  };

  return (
    <FormDrawer
      open={open}
      onClose={close}
      title="登记巡察反馈"
      width={560}
      submitText="确认反馈"
      pending={pending}
      onSubmit={() => form.submit()}
    >
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 16 }}
        title="反馈时，本轮对该对象已审批、且领导小组决定交单位整改或移交职能部门的问题将一并反馈；问题线索不反馈。"
      />
      <Form<FeedbackFormValues>
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={{ givenOn: dayjs(), form: "meeting" }}
      >
        <Form.Item label="巡察轮次">
          <Typography.Text>{round?.name ?? "—"}</Typography.Text>
        </Form.Item>
        <Form.Item
          name="targetId"
          label="被巡察对象"
          rules={[{ required: true, message: "请选择被巡察对象" }]}
        >
          <Select
            showSearch={{ optionFilterProp: "label" }}
            placeholder="选择对象"
            options={targets.map((t) => ({
              value: t.id,
              label: `${t.name}（${t.groupName}）${given.includes(t.id) ? " · 已反馈过" : ""}`,
            }))}
          />
        </Form.Item>
        <Form.Item name="givenOn" label="反馈日期" rules={[{ required: true, message: "请选择反馈日期" }]}>
          <DatePicker style={{ width: "100%" }} />
        </Form.Item>
        <Form.Item name="form" label="反馈形式" rules={[{ required: true }]}>
          <Radio.Group
            optionType="button"
            options={FEEDBACK_FORMS.keys.map((k) => ({ value: k, label: FEEDBACK_FORMS.labels[k] }))}
          />
        </Form.Item>
        <Form.Item
          name="requirements"
          label="整改要求"
          extra="领导小组提出的整改要求，将随反馈意见送达被巡察单位。"
        >
          <Input.TextArea autoSize={{ minRows: 6, maxRows: 16 }} maxLength={20000} showCount />
        </Form.Item>
      </Form>
    </FormDrawer>
  );
}

/** Office: feedback given per round and target; give feedback (反馈) to a target. */
export function FeedbackPage() {
  const me = useMe();
  const [params, setParams] = useSearchParams();
  const rounds = useRequest<RoundSummary[]>("/rounds");
  const roundId =
    params.get("roundId") ?? rounds.data?.find((r) => r.status === "open")?.id ?? rounds.data?.[0]?.id;
  const feedbacks = useRequest<Feedback[]>(roundId ? "/feedbacks" : null, { roundId });
  const round = useRequest<RoundDetail>(roundId ? `/rounds/${roundId}` : null);
  const [giving, setGiving] = useState(false);
  const canGive = hasRole(me, "officeStaff") && round.data?.status === "open";
  const list = feedbacks.data ?? [];

  const columns: ColumnsType<Feedback> = [
    {
      title: "被巡察对象",
      dataIndex: "targetName",
      sorter: textSorter((f) => f.targetName),
      render: (n: string) => <EllipsisText text={n} width={260} />,
    },
    {
      title: "反馈日期",
      dataIndex: "givenOn",
      sorter: textSorter((f) => f.givenOn),
      defaultSortOrder: "descend",
      render: formatDate,
    },
    {
      title: "反馈形式",
      dataIndex: "form",
      filters: labelFilters(FEEDBACK_FORMS.labels),
      onFilter: (v, f) => f.form === v,
      render: (f: FeedbackForm) => <Tag>{FEEDBACK_FORMS.labels[f] ?? f}</Tag>,
    },
    {
      title: "反馈问题数",
      dataIndex: "findingCount",
      align: "right",
      sorter: numberSorter((f) => f.findingCount),
      render: (n: number) => `${n} 个`,
    },
    {
      title: "整改要求",
      dataIndex: "requirements",
      render: (t: string) => <EllipsisText text={t} width={320} />,
    },
  ];

  return (
    <PageContainer
      title="巡察反馈"
      extra={
        canGive && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setGiving(true)}>
            登记反馈
          </Button>
        )
      }
    >
      <search className="xc-filters">
        <Select
          placeholder="选择巡察轮次"
          aria-label="巡察轮次"
          value={roundId}
          loading={rounds.loading}
          onChange={(v: string) => setParams({ roundId: v }, { replace: true })}
          options={(rounds.data ?? []).map((r) => ({ value: r.id, label: r.name }))}
          style={{ minWidth: 280 }}
          popupMatchSelectWidth={false}
        />
      </search>
      {rounds.error && <LoadError error={rounds.error} onRetry={rounds.reload} />}
      {feedbacks.error ? (
        <LoadError error={feedbacks.error} onRetry={feedbacks.reload} />
      ) : (
        <>
          <TableToolbar
            countText={`共 ${list.length} 次反馈，反馈问题 ${list.reduce((n, f) => n + f.findingCount, 0)} 个`}
          />
          <DataTable<Feedback>
            rowKey="id"
            size="middle"
            loading={feedbacks.loading || rounds.loading}
            columns={columns}
            dataSource={list}
            scroll={{ x: "max-content" }}
            pagination={{ pageSize: 20, hideOnSinglePage: true, showTotal: totalText("次反馈") }}
            locale={{ emptyText: roundId ? "本轮尚未反馈" : "请先选择巡察轮次" }}
          />
        </>
      )}
      <FeedbackDrawer
        round={round.data}
        open={giving}
        given={list.map((f) => f.targetId)}
        onClose={() => setGiving(false)}
        onGiven={() => {
          setGiving(false);
          feedbacks.reload();
        }}
      />
    </PageContainer>
  );
}
