import {
  TIP_CHANNEL_LABELS,
  TIP_STATUS_LABELS,
  TIP_STATUSES,
  type TipChannel,
  type TipStatus,
} from "@xuncha/domain/model";
import {
  Button,
  Card,
  Col,
  Form,
  Input,
  Modal,
  Radio,
  Row,
  Select,
  Space,
  Statistic,
  Table,
  Tabs,
  Typography,
} from "antd";
import type { ColumnsType } from "antd/es/table";
import { useState } from "react";
import { api } from "../../app/api-client";
import { useAuth } from "../../app/auth";
import { formatDate, formatDateTime } from "../../app/format";
import { notifyError, notifySuccess } from "../../app/notify";
import { hasRole } from "../../app/session";
import { useRequest } from "../../app/use-request";
import { FormDrawer } from "../../components/form-drawer";
import { LoadError } from "../../components/load-error";
import { PageContainer } from "../../components/page-container";
import type { RoundDetail, RoundSummary } from "../rounds/api";
import { postTipForm, REVEAL_STATUS_LABELS, type RevealRequest, type TipCounts, type TipRow } from "./api";
import { FilePicker } from "./public-layout";
import { TipDrawer } from "./tip-drawer";
import { tipStatusTag } from "./tip-status";

/** 信访举报: the tips register of the office and the groups, and the custodian's reveal requests. */
export function TipsPage() {
  const { state } = useAuth();
  const me = state.status === "authenticated" ? state.me : null;
  const handler = hasRole(me, "officeStaff", "leadership", "groupLeader", "groupDeputy", "groupMember");
  const custodian = hasRole(me, "tipCustodian");
  return (
    <PageContainer title="信访举报">
      {handler && custodian ? (
        <Tabs
          items={[
            { key: "register", label: "举报登记", children: <TipsRegister /> },
            { key: "reveals", label: "举报人信息查看申请", children: <RevealRequests /> },
          ]}
        />
      ) : custodian ? (
        <RevealRequests />
      ) : (
        <TipsRegister />
      )}
    </PageContainer>
  );
}

function TipsRegister() {
  const { state } = useAuth();
  const me = state.status === "authenticated" ? state.me : null;
  const office = hasRole(me, "officeStaff");
  const rounds = useRequest<RoundSummary[]>("/rounds");
  const [roundId, setRoundId] = useState<string>();
  const [status, setStatus] = useState<TipStatus>();
  const [channel, setChannel] = useState<TipChannel>();
  const query = { roundId, status, channel };
  const list = useRequest<TipRow[]>("/tips", query);
  const counts = useRequest<TipCounts>("/tips/counts", { roundId });
  const [openId, setOpenId] = useState<string | null>(null);
  const [registering, setRegistering] = useState(false);
  const reload = () => {
    list.reload();
    counts.reload();
  };

  const columns: ColumnsType<TipRow> = [
    { title: "编号", dataIndex: "number", width: 70, sorter: (a, b) => a.number - b.number },
    {
      title: "收到日期",
      dataIndex: "receivedOn",
      width: 110,
      render: formatDate,
      sorter: (a, b) => a.receivedOn.localeCompare(b.receivedOn),
    },
    { title: "渠道", dataIndex: "channelLabel", width: 90 },
    { title: "反映对象", dataIndex: "targetName", ellipsis: true, render: (v: string | null) => v ?? "其他" },
    { title: "类别", dataIndex: "categoryName", width: 100 },
    { title: "巡察组", dataIndex: "groupName", width: 120, render: (v: string | null) => v ?? "待分送" },
    { title: "实名", dataIndex: "named", width: 70, render: (v: boolean) => (v ? "实名" : "匿名") },
    {
      title: "状态",
      dataIndex: "status",
      width: 110,
      render: (_: unknown, r) => tipStatusTag(r.status, r.statusLabel),
    },
    {
      title: "操作",
      key: "op",
      width: 80,
      render: (_: unknown, r) => (
        <Button type="link" onClick={() => setOpenId(r.id)}>
          查看
        </Button>
      ),
    },
  ];

  return (
    <>
      <Space wrap style={{ marginBottom: 12 }}>
        <Select
          allowClear
          placeholder="全部轮次"
          style={{ minWidth: 220 }}
          value={roundId}
          onChange={setRoundId}
          options={(rounds.data ?? []).map((r) => ({ value: r.id, label: r.name }))}
          aria-label="轮次"
        />
        <Select
          allowClear
          placeholder="全部状态"
          style={{ minWidth: 130 }}
          value={status}
          onChange={setStatus}
          options={TIP_STATUSES.map((s) => ({ value: s, label: TIP_STATUS_LABELS[s] }))}
          aria-label="状态"
        />
        <Select
          allowClear
          placeholder="全部渠道"
          style={{ minWidth: 130 }}
          value={channel}
          onChange={setChannel}
          options={Object.entries(TIP_CHANNEL_LABELS).map(([value, label]) => ({ value, label }))}
          aria-label="渠道"
        />
        {office && (
          <Button type="primary" onClick={() => setRegistering(true)}>
            登记来信来访
          </Button>
        )}
      </Space>
      {counts.data && counts.data.total > 0 && (
        <Row gutter={[12, 12]} style={{ marginBottom: 12 }}>
          <Col xs={12} md={6}>
            <Card size="small">
              <Statistic title="举报总数" value={counts.data.total} suffix="件" />
            </Card>
          </Col>
          <Col xs={24} md={18}>
            <Card size="small">
              <Typography.Text type="secondary">按渠道：</Typography.Text>
              {counts.data.byChannel.map((c) => `${c.label} ${c.count} 件`).join("，")}
              <br />
              <Typography.Text type="secondary">按处理结果：</Typography.Text>
              {counts.data.byOutcome.map((c) => `${c.label} ${c.count} 件`).join("，")}
              <br />
              <Typography.Text type="secondary">按对象：</Typography.Text>
              {counts.data.byTarget
                .slice(0, 8)
                .map((c) => `${c.label} ${c.count} 件`)
                .join("，")}
            </Card>
          </Col>
        </Row>
      )}
      {list.error ? (
        <LoadError error={list.error} onRetry={list.reload} />
      ) : (
        <Table<TipRow>
          rowKey="id"
          size="middle"
          loading={list.loading}
          columns={columns}
          dataSource={list.data ?? []}
          scroll={{ x: 900 }}
          pagination={{ pageSize: 20, showTotal: (n) => `共 ${n} 件` }}
          locale={{ emptyText: "暂无举报" }}
          onRow={(r) => ({ onDoubleClick: () => setOpenId(r.id) })}
        />
      )}
      <TipDrawer tipId={openId} onClose={() => setOpenId(null)} onChanged={reload} />
      {office && (
        <RegisterTipDrawer
          open={registering}
          rounds={(rounds.data ?? []).filter((r) => r.status === "open")}
          csrfToken={me?.csrfToken ?? ""}
          onClose={() => setRegistering(false)}
          onDone={reload}
        />
      )}
    </>
  );
}

interface RegisterValues {
  roundId: string;
  channel: Exclude<TipChannel, "web">;
  targetId: string;
  otherTarget?: string;
  category: string;
  text: string;
  named: boolean;
  name?: string;
  phone?: string;
}

const CATEGORY_OPTIONS = [
  { value: "sixDisciplines.1", label: "政治纪律" },
  { value: "sixDisciplines.2", label: "组织纪律" },
  { value: "sixDisciplines.3", label: "廉洁纪律" },
  { value: "sixDisciplines.4", label: "群众纪律" },
  { value: "sixDisciplines.5", label: "工作纪律" },
  { value: "sixDisciplines.6", label: "生活纪律" },
  { value: "other", label: "其他" },
];

/** The office registers a tip received by letter, phone, visit or email; shows the receipt to pass on. */
function RegisterTipDrawer({
  open,
  rounds,
  csrfToken,
  onClose,
  onDone,
}: {
  open: boolean;
  rounds: RoundSummary[];
  csrfToken: string;
  onClose: () => void;
  onDone: () => void;
}) {
  const [form] = Form.useForm<RegisterValues>();
  const [files, setFiles] = useState<File[]>([]);
  const [pending, setPending] = useState(false);
  const roundId = Form.useWatch("roundId", form);
  const named = Form.useWatch("named", form);
  const round = useRequest<RoundDetail>(roundId ? `/rounds/${roundId}` : null);
  const targets = (round.data?.groups ?? []).flatMap((g) => g.targets);
  // The committee's attachment limits (信访举报 setting), which the server applies to this form too.
  const settings = useRequest<{ value: { maxFiles: number; maxFileMb: number } }>("/committee-settings/tips");
  const limits = settings.data?.value ?? { maxFiles: 9, maxFileMb: 20 };

  const submit = async (v: RegisterValues) => {
    setPending(true);
    try {
      const result = await postTipForm<{ number: number; receipt: string }>(
        "/tips",
        {
          roundId: v.roundId,
          channel: v.channel,
          targetId: v.targetId === "other" ? null : v.targetId,
          ...(v.targetId === "other" && v.otherTarget ? { otherTarget: v.otherTarget } : {}),
          category: v.category,
          text: v.text,
          named: !!v.named,
          ...(v.named ? { name: v.name, ...(v.phone ? { phone: v.phone } : {}) } : {}),
        },
        files,
        csrfToken,
      );
      notifySuccess(`已登记第 ${result.number} 号举报`);
      Modal.info({
        title: "查询码（只显示一次）",
        content: (
          <div>
            <Typography.Paragraph copyable style={{ fontSize: 20, fontFamily: "monospace" }}>
              {result.receipt}
            </Typography.Paragraph>
            如举报人需要，请将查询码告知本人，凭码可在“码上巡察”页面查询办理情况。
          </div>
        ),
      });
      form.resetFields();
      setFiles([]);
      onClose();
      onDone();
    } catch (e) {
      notifyError(e);
    } finally {
      setPending(false);
    }
  };

  return (
    <FormDrawer
      open={open}
      onClose={onClose}
      title="登记来信来访"
      width={560}
      submitText="登记"
      pending={pending}
      onSubmit={() => form.submit()}
    >
      <Form
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={{ channel: "letter", named: false }}
      >
        <Form.Item name="roundId" label="轮次" rules={[{ required: true, message: "请选择轮次" }]}>
          <Select options={rounds.map((r) => ({ value: r.id, label: r.name }))} />
        </Form.Item>
        <Form.Item name="channel" label="渠道">
          <Radio.Group
            options={(["letter", "phone", "visit", "email"] as const).map((c) => ({
              value: c,
              label: TIP_CHANNEL_LABELS[c],
            }))}
          />
        </Form.Item>
        <Form.Item name="targetId" label="反映对象" rules={[{ required: true, message: "请选择反映对象" }]}>
          <Select
            showSearch={{ optionFilterProp: "label" }}
            options={[
              ...targets.map((t) => ({ value: t.id, label: t.name })),
              { value: "other", label: "其他单位" },
            ]}
          />
        </Form.Item>
        <Form.Item noStyle shouldUpdate={(a, b) => a.targetId !== b.targetId}>
          {({ getFieldValue }) =>
            getFieldValue("targetId") === "other" && (
              <Form.Item name="otherTarget" label="单位名称">
                <Input maxLength={200} />
              </Form.Item>
            )
          }
        </Form.Item>
        <Form.Item name="category" label="问题类别" rules={[{ required: true, message: "请选择问题类别" }]}>
          <Select options={CATEGORY_OPTIONS} />
        </Form.Item>
        <Form.Item
          name="text"
          label="反映内容"
          rules={[{ required: true, whitespace: true, message: "请填写反映内容" }]}
        >
          <Input.TextArea rows={6} maxLength={20000} showCount />
        </Form.Item>
        <Form.Item name="named" label="是否实名">
          <Radio.Group
            options={[
              { value: false, label: "匿名" },
              { value: true, label: "实名" },
            ]}
          />
        </Form.Item>
        {named && (
          <>
            <Form.Item
              name="name"
              label="姓名"
              rules={[{ required: true, whitespace: true, message: "请填写姓名" }]}
            >
              <Input maxLength={50} />
            </Form.Item>
            <Form.Item name="phone" label="联系电话">
              <Input maxLength={50} />
            </Form.Item>
          </>
        )}
        {limits.maxFiles > 0 && (
          <Form.Item label="附件（扫描件、照片等）">
            <FilePicker
              files={files}
              onChange={setFiles}
              maxFiles={limits.maxFiles}
              maxFileMb={limits.maxFileMb}
            />
          </Form.Item>
        )}
      </Form>
    </FormDrawer>
  );
}

/** The tip custodian's list: requests to reveal a named submitter, approved or rejected here. */
function RevealRequests() {
  const list = useRequest<RevealRequest[]>("/tip-reveals");
  const [pending, setPending] = useState(false);
  const decide = async (r: RevealRequest, approve: boolean) => {
    setPending(true);
    try {
      await api.post(`/tip-reveals/${r.id}/decision`, { approve });
      notifySuccess(approve ? "已同意" : "已不同意");
      list.reload();
    } catch (e) {
      notifyError(e);
    } finally {
      setPending(false);
    }
  };
  if (list.error) return <LoadError error={list.error} onRetry={list.reload} />;
  return (
    <Table<RevealRequest>
      rowKey="id"
      loading={list.loading}
      dataSource={list.data ?? []}
      scroll={{ x: 800 }}
      locale={{ emptyText: "暂无查看申请" }}
      columns={[
        { title: "申请时间", dataIndex: "createdAt", width: 160, render: formatDateTime },
        {
          title: "举报",
          key: "tip",
          render: (_: unknown, r) => `${r.roundName} 第 ${r.tipNumber} 号（${r.categoryName}）`,
        },
        { title: "申请人", dataIndex: "requesterName", width: 110 },
        { title: "理由", dataIndex: "reason" },
        {
          title: "状态",
          dataIndex: "status",
          width: 90,
          render: (s: RevealRequest["status"]) => REVEAL_STATUS_LABELS[s],
        },
        {
          title: "操作",
          key: "op",
          width: 150,
          render: (_: unknown, r) =>
            r.abilities.decide ? (
              <Space>
                <Button size="small" type="primary" loading={pending} onClick={() => decide(r, true)}>
                  同意
                </Button>
                <Button size="small" loading={pending} onClick={() => decide(r, false)}>
                  不同意
                </Button>
              </Space>
            ) : null,
        },
      ]}
    />
  );
}
