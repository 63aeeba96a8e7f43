import { PlusOutlined } from "@ant-design/icons";
import { REPORT_KINDS, REPORT_STATUSES, TAXONOMY } from "@xuncha/domain/model";
import { Button, Form, Radio, Select, Tag, Typography } from "antd";
import type { ColumnsType } from "antd/es/table";
import { useState } from "react";
import { Link, useNavigate, useSearchParams } from "react-router-dom";
import { api } from "../../app/api-client";
import { useMe } from "../../app/auth";
import { formatDate } from "../../app/format";
import { notifySuccess } from "../../app/notify";
import { groupGrants } from "../../app/session";
import { useAction, useRequest } from "../../app/use-request";
import { DataTable } from "../../components/data-table";
import { FormDrawer } from "../../components/form-drawer";
import { LoadError } from "../../components/load-error";
import { PageContainer } from "../../components/page-container";
import type { RoundDetail, RoundSummary } from "../rounds/api";
import { RoundFilter } from "../rounds/round-filter";
import { REPORT_STATUS_COLORS, type ReportDetail, type ReportItem } from "./api";

interface NewReportForm {
  groupId: string;
  targetId?: string;
  kind: string;
  scheme?: string;
}

/** A group member assembles a report of the group from its approved findings. */
function NewReportDrawer({ open, onClose }: { open: boolean; onClose: () => void }) {
  const me = useMe();
  const navigate = useNavigate();
  const groups = groupGrants(me);
  const [form] = Form.useForm<NewReportForm>();
  const groupId = (Form.useWatch("groupId", form) as string | undefined) ?? groups[0]?.groupId;
  const grant = groups.find((g) => g.groupId === groupId);
  const round = useRequest<RoundDetail>(open && grant?.roundId ? `/rounds/${grant.roundId}` : null);
  const group = round.data?.groups.find((g) => g.id === groupId);
  const { run, pending } = useAction();
  const submit = async (v: NewReportForm) => {
    if (!grant?.roundId) return;
    const result = await run(() =>
      api.post<ReportDetail>("/reports", {
        roundId: grant.roundId,
        groupId: v.groupId,
        kind: v.kind,
        ...(v.targetId ? { targetId: v.targetId } : {}),
        ...(v.scheme ? { scheme: v.scheme } : {}),
      }),
    );
    if (result.ok) {
      notifySuccess("报告已根据已审批的问题生成，请编辑完善");
      navigate(`/reports/${result.value.id}`);
    }
  };
  return (
    <FormDrawer
      open={open}
      onClose={onClose}
      title="生成报告"
      width={520}
      submitText="生成"
      pending={pending}
      onSubmit={() => form.submit()}
    >
      <Typography.Paragraph type="secondary">
        报告按标准章节生成，“发现的主要问题”由本组已审批的问题按分类体系汇总；生成后可逐节编辑，再生成 Word
        文档。
      </Typography.Paragraph>
      <Form<NewReportForm>
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={{ groupId: groups[0]?.groupId, kind: "midterm" }}
      >
        <Form.Item name="groupId" label="巡察组" rules={[{ required: true }]} hidden={groups.length < 2}>
          <Select options={groups.map((g) => ({ value: g.groupId, label: g.label }))} />
        </Form.Item>
        <Form.Item name="kind" label="报告类型" rules={[{ required: true }]}>
          <Radio.Group
            options={REPORT_KINDS.keys.map((k) => ({ value: k, label: REPORT_KINDS.labels[k] }))}
          />
        </Form.Item>
        <Form.Item name="targetId" label="被巡察对象" extra="不选则汇总本组全部巡察对象。">
          <Select
            allowClear
            placeholder="本组全部对象"
            loading={round.loading}
            options={(group?.targets ?? []).map((t) => ({ value: t.id, label: t.name }))}
          />
        </Form.Item>
        <Form.Item name="scheme" label="问题分类体系" extra="不选则按多数问题所用的分类体系。">
          <Select
            allowClear
            placeholder="自动"
            options={TAXONOMY.map((s) => ({ value: s.key, label: s.name }))}
          />
        </Form.Item>
      </Form>
    </FormDrawer>
  );
}

/** The group's reports; the office's 组办联审 queue; the reports with the leading group. */
export function ReportsPage() {
  const me = useMe();
  const [params, setParams] = useSearchParams();
  const roundId = params.get("roundId") ?? undefined;
  const status = params.get("status") ?? undefined;
  const [creating, setCreating] = useState(false);
  const rounds = useRequest<RoundSummary[]>("/rounds");
  const list = useRequest<{ items: ReportItem[] }>("/reports", { roundId, status });
  const canCreate = groupGrants(me).length > 0;
  const setParam = (key: string, value: string | undefined) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next, { replace: true });
  };
  const columns: ColumnsType<ReportItem> = [
    {
      title: "报告",
      dataIndex: "title",
      render: (t: string, r) => <Link to={`/reports/${r.id}`}>{t}</Link>,
    },
    { title: "类型", dataIndex: "kindLabel" },
    { title: "巡察组", key: "group", render: (_, r) => r.group.name },
    { title: "对象", key: "target", render: (_, r) => r.target?.name ?? "本组全部对象" },
    {
      title: "状态",
      dataIndex: "status",
      render: (_, r) => <Tag color={REPORT_STATUS_COLORS[r.status]}>{r.statusLabel}</Tag>,
    },
    { title: "更新日期", dataIndex: "updatedAt", render: formatDate },
  ];
  return (
    <PageContainer
      title="巡察报告"
      extra={
        canCreate && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
            生成报告
          </Button>
        )
      }
    >
      <search className="xc-filters">
        <RoundFilter rounds={rounds} value={roundId} onChange={(id) => setParam("roundId", id)} />
        <Select
          allowClear
          placeholder="全部状态"
          aria-label="状态"
          value={status}
          onChange={(v?: string) => setParam("status", v)}
          options={REPORT_STATUSES.keys.map((k) => ({ value: k, label: REPORT_STATUSES.labels[k] }))}
        />
      </search>
      {list.error ? (
        <LoadError error={list.error} onRetry={list.reload} />
      ) : (
        <DataTable<ReportItem>
          rowKey="id"
          size="middle"
          loading={list.loading}
          columns={columns}
          dataSource={list.data?.items ?? []}
          scroll={{ x: "max-content" }}
          pagination={false}
          locale={{ emptyText: "暂无报告" }}
        />
      )}
      <NewReportDrawer open={creating} onClose={() => setCreating(false)} />
    </PageContainer>
  );
}
