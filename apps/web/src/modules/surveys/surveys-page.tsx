import { BookOutlined, PlusOutlined } from "@ant-design/icons";
import { Button, Empty, Form, Input, InputNumber, Modal, Select, Space, Tag, Typography } from "antd";
import type { ColumnsType } from "antd/es/table";
import dayjs from "dayjs";
import { useMemo, useState } from "react";
import { Link, useSearchParams } from "react-router-dom";
import { api } from "../../app/api-client";
import { PageLoading } from "../../app/app-layout";
import { notifySuccess } from "../../app/notify";
import { useAction, useRequest } from "../../app/use-request";
import { DataTable } from "../../components/data-table";
import { type DateRange, DateRangeField } from "../../components/date-range-field";
import { FormDrawer } from "../../components/form-drawer";
import { LoadError } from "../../components/load-error";
import { PageContainer } from "../../components/page-container";
import { TableToolbar } from "../../components/table-toolbar";
import {
  type IssuedSurveyCodes,
  PHASE_LABELS,
  percentText,
  type QuestionnaireList,
  type SurveyList,
} from "./api";
import { IssuedCodesView } from "./issue-codes-modal";

type Row = SurveyList["items"][number];

interface CreateValues {
  groupId: string;
  targetId: string;
  source: string;
  title?: string;
  /** Both set once the form validates. */
  dates: DateRange;
  codeCount?: number | null;
}

/** Starts a survey: group and target, questionnaire, dates, and optionally the codes at once. */
function CreateSurveyDrawer({
  open,
  list,
  onClose,
  onCreated,
}: {
  open: boolean;
  list: SurveyList;
  onClose: () => void;
  onCreated: (id: string, codes: IssuedSurveyCodes | null) => void;
}) {
  const [form] = Form.useForm<CreateValues>();
  const questionnaires = useRequest<QuestionnaireList>(open ? "/survey-questionnaires" : null);
  const { run, pending } = useAction();
  const groupId = Form.useWatch("groupId", form);
  const group = list.groups.find((g) => g.groupId === groupId);
  const sources = useMemo(() => {
    const q = questionnaires.data;
    if (!q) return [];
    return [
      {
        label: "内置问卷",
        options: q.builtIn.map((b) => ({ value: `builtIn:${b.key}`, label: b.title })),
      },
      {
        label: "巡察办模板与本组问卷",
        options: q.items
          .filter((i) => i.groupId === null || i.groupId === groupId)
          .map((i) => ({
            value: `id:${i.id}`,
            label: i.groupName ? `${i.title}（${i.groupName}）` : i.title,
          })),
      },
    ];
  }, [questionnaires.data, groupId]);

  const submit = async (v: CreateValues) => {
    const [kind, ref] = v.source.split(/:(.*)/s) as [string, string];
    const result = await run(() =>
      api.post<{ id: string; codes: IssuedSurveyCodes | null }>("/surveys", {
        groupId: v.groupId,
        targetId: v.targetId,
        ...(kind === "builtIn" ? { builtIn: ref } : { questionnaireId: ref }),
        ...(v.title?.trim() ? { title: v.title.trim() } : {}),
        opensOn: v.dates[0]!.format("YYYY-MM-DD"),
        closesOn: v.dates[1]!.format("YYYY-MM-DD"),
        ...(v.codeCount ? { codeCount: v.codeCount } : {}),
      }),
    );
    if (result.ok) {
      form.resetFields();
      onCreated(result.value.id, result.value.codes);
    }
  };

  return (
    <FormDrawer
      open={open}
      onClose={onClose}
      title="发起问卷测评"
      width={560}
      submitText="发起"
      pending={pending}
      onSubmit={() => form.submit()}
    >
      <Form
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={{
          groupId: list.groups.length === 1 ? list.groups[0]!.groupId : undefined,
          dates: [dayjs(), dayjs().add(7, "day")],
          codeCount: 50,
        }}
      >
        <Form.Item name="groupId" label="巡察组" rules={[{ required: true, message: "请选择巡察组" }]}>
          <Select
            options={list.groups.map((g) => ({ value: g.groupId, label: `${g.roundName} ${g.groupName}` }))}
            onChange={() => form.setFieldValue("targetId", undefined)}
          />
        </Form.Item>
        <Form.Item
          name="targetId"
          label="被巡察单位"
          rules={[{ required: true, message: "请选择被巡察单位" }]}
        >
          <Select
            disabled={!group}
            options={(group?.targets ?? []).map((t) => ({ value: t.id, label: t.name }))}
          />
        </Form.Item>
        <Form.Item
          name="source"
          label="问卷"
          rules={[{ required: true, message: "请选择问卷" }]}
          extra={
            <Link to="/surveys/questionnaires" target="_blank">
              到问卷库制作或修改问卷
            </Link>
          }
        >
          <Select loading={questionnaires.loading} options={sources} />
        </Form.Item>
        <Form.Item name="title" label="测评名称" extra="不填则用问卷名称">
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item
          name="dates"
          label="填写时间"
          required
          rules={[
            {
              validator: (_, v?: DateRange | null) =>
                v?.[0] && v[1] ? Promise.resolve() : Promise.reject(new Error("请选择开始和截止日期")),
            },
          ]}
        >
          <DateRangeField />
        </Form.Item>
        <Form.Item name="codeCount" label="同时生成测评码" extra="可以不生成，之后在测评页面按需生成">
          <InputNumber min={0} max={500} precision={0} addonAfter="个" style={{ width: 160 }} />
        </Form.Item>
      </Form>
    </FormDrawer>
  );
}

/** 问卷测评: the surveys of the rounds the account works in, per round and group. */
export function SurveysPage() {
  const [params, setParams] = useSearchParams();
  const roundId = params.get("roundId") ?? undefined;
  const groupId = params.get("groupId") ?? undefined;
  const list = useRequest<SurveyList>("/surveys", { roundId, groupId });
  const all = useRequest<SurveyList>("/surveys");
  const [creating, setCreating] = useState(false);
  const [issued, setIssued] = useState<{ id: string; codes: IssuedSurveyCodes } | null>(null);

  const rounds = useMemo(() => {
    const seen = new Map<string, string>();
    for (const i of all.data?.items ?? []) seen.set(i.roundId, i.roundName);
    for (const g of all.data?.groups ?? []) seen.set(g.roundId, g.roundName);
    return [...seen.entries()].map(([value, label]) => ({ value, label }));
  }, [all.data]);
  const groupOptions = useMemo(() => {
    const seen = new Map<string, string>();
    for (const i of all.data?.items ?? [])
      if (!roundId || i.roundId === roundId) seen.set(i.groupId, i.groupName);
    for (const g of all.data?.groups ?? [])
      if (!roundId || g.roundId === roundId) seen.set(g.groupId, g.groupName);
    return [...seen.entries()].map(([value, label]) => ({ value, label }));
  }, [all.data, roundId]);

  const setFilter = (key: string, value: string | undefined) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    if (key === "roundId") next.delete("groupId");
    setParams(next, { replace: true });
  };

  const columns: ColumnsType<Row> = [
    {
      title: "测评",
      dataIndex: "title",
      render: (t: string, r) => <Link to={`/surveys/${r.id}`}>{t}</Link>,
    },
    { title: "被巡察单位", dataIndex: "targetName" },
    { title: "巡察组", dataIndex: "groupName", responsive: ["md"] },
    { title: "轮次", dataIndex: "roundName", responsive: ["lg"] },
    {
      title: "填写时间",
      key: "dates",
      render: (_, r) => `${r.opensOn} 至 ${r.closesOn}`,
      responsive: ["md"],
    },
    {
      title: "状态",
      dataIndex: "phase",
      render: (p: Row["phase"]) => <Tag color={PHASE_LABELS[p].color}>{PHASE_LABELS[p].text}</Tag>,
    },
    { title: "测评码", dataIndex: "codesIssued", align: "right" },
    { title: "答卷", dataIndex: "responses", align: "right" },
    { title: "回收率", dataIndex: "responseRate", align: "right", render: percentText },
  ];

  const phoneColumns: ColumnsType<Row> = [
    {
      title: "测评",
      key: "summary",
      render: (_, r) => (
        <Space orientation="vertical" size={0} style={{ width: "100%" }}>
          <Link to={`/surveys/${r.id}`}>{r.title}</Link>
          <span>{r.targetName}</span>
          <Typography.Text type="secondary">
            {r.groupName} · {r.opensOn} 至 {r.closesOn}
          </Typography.Text>
          <span>
            测评码 {r.codesIssued} 个，答卷 {r.responses} 份，回收率 {percentText(r.responseRate)}
          </span>
        </Space>
      ),
    },
    {
      title: "状态",
      key: "phase",
      width: 80,
      render: (_, r) => <Tag color={PHASE_LABELS[r.phase].color}>{PHASE_LABELS[r.phase].text}</Tag>,
    },
  ];

  if (list.error) return <LoadError error={list.error} onRetry={list.reload} />;
  return (
    <PageContainer
      title="问卷测评"
      extra={
        <>
          <Link to="/surveys/questionnaires">
            <Button icon={<BookOutlined />}>问卷库</Button>
          </Link>
          {(list.data?.groups.length ?? 0) > 0 && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
              发起测评
            </Button>
          )}
        </>
      }
    >
      <search className="xc-filters">
        <Select
          allowClear
          placeholder="全部轮次"
          style={{ minWidth: 220 }}
          value={roundId}
          options={rounds}
          onChange={(v?: string) => setFilter("roundId", v)}
          aria-label="轮次"
        />
        <Select
          allowClear
          placeholder="全部巡察组"
          style={{ minWidth: 160 }}
          value={groupId}
          options={groupOptions}
          onChange={(v?: string) => setFilter("groupId", v)}
          aria-label="巡察组"
        />
      </search>
      {!list.data ? (
        <PageLoading />
      ) : (
        <>
          <TableToolbar countText={`共 ${list.data.items.length} 项测评`} />
          <DataTable<Row>
            rowKey="id"
            loading={list.loading}
            columns={columns}
            phoneColumns={phoneColumns}
            dataSource={list.data.items}
            pagination={{ pageSize: 20, hideOnSinglePage: true }}
            locale={{ emptyText: <Empty description="还没有问卷测评" /> }}
          />
        </>
      )}
      {list.data && (
        <CreateSurveyDrawer
          open={creating}
          list={list.data}
          onClose={() => setCreating(false)}
          onCreated={(id, codes) => {
            setCreating(false);
            notifySuccess("问卷测评已发起");
            list.reload();
            all.reload();
            if (codes) setIssued({ id, codes });
          }}
        />
      )}
      <Modal
        open={issued !== null}
        title="测评码"
        width={720}
        maskClosable={false}
        onCancel={() => setIssued(null)}
        footer={
          <Space>
            {issued && (
              <Link to={`/surveys/${issued.id}`}>
                <Button>查看测评</Button>
              </Link>
            )}
            <Button type="primary" onClick={() => setIssued(null)}>
              我已保存，关闭
            </Button>
          </Space>
        }
      >
        {issued && <IssuedCodesView issued={issued.codes} />}
      </Modal>
      <Typography.Paragraph type="secondary" style={{ marginTop: 12 }}>
        答卷匿名保存：只记录所属测评、答案和日期，不与测评码关联。回收率 = 答卷数 ÷ 已发放测评码数。
      </Typography.Paragraph>
    </PageContainer>
  );
}
