import { EditOutlined } from "@ant-design/icons";
import {
  CLUE_DISPOSITIONS,
  CLUE_RECEIVERS,
  type ClueDisposition,
  type ClueReceiver,
} from "@xuncha/domain/model";
import {
  Alert,
  Button,
  DatePicker,
  Descriptions,
  Form,
  Input,
  InputNumber,
  Select,
  Switch,
  Typography,
} from "antd";
import type { ColumnsType } from "antd/es/table";
import dayjs, { type Dayjs } from "dayjs";
import { useEffect, useState } from "react";
import { api } from "../../app/api-client";
import { formatDate } from "../../app/format";
import { notifySuccess } from "../../app/notify";
import { clueTag } from "../../app/status";
import { labelFilters, numberSorter, textSorter, totalText, valueFilters } from "../../app/table";
import { useAction, useRequest } from "../../app/use-request";
import { DataTable } from "../../components/data-table";
import { EllipsisText } from "../../components/ellipsis-text";
import { FormDrawer } from "../../components/form-drawer";
import { LoadError } from "../../components/load-error";
import { PageContainer } from "../../components/page-container";
import { StatusTagView } from "../../components/status-tag";
import { TableToolbar } from "../../components/table-toolbar";
import { useGuardedClose } from "../../components/use-guarded-close";
import type { RoundSummary } from "../rounds/api";
import { RoundFilter } from "../rounds/round-filter";

/** GET /api/clues items */
interface Clue {
  id: string;
  roundId: string;
  targetId: string;
  findingId: string;
  number: string;
  receiver: ClueReceiver;
  transferredOn: string;
  disposition: ClueDisposition | null;
  caseFiled: boolean;
  sanctionedPersons: number;
  orgHandledPersons: number;
  judicialReferral: boolean;
  result: string;
  concludedOn: string | null;
  title: string;
  description: string;
  targetName: string;
  roundName: string;
  abilities: { dispose: boolean };
}

interface DispositionForm {
  disposition?: ClueDisposition | null;
  caseFiled: boolean;
  sanctionedPersons: number;
  orgHandledPersons: number;
  judicialReferral: boolean;
  result?: string;
  concludedOn?: Dayjs | null;
}

function DispositionDrawer({
  clue,
  onClose,
  onSaved,
}: {
  clue: Clue | null;
  onClose: () => void;
  onSaved: () => void;
}) {
  const [form] = Form.useForm<DispositionForm>();
  const { run, pending } = useAction();
  const close = useGuardedClose(form, onClose);

  useEffect(() => {
    if (!clue) return;
    form.setFieldsValue({
      disposition: clue.disposition,
      caseFiled: clue.caseFiled,
      sanctionedPersons: clue.sanctionedPersons,
      orgHandledPersons: clue.orgHandledPersons,
      judicialReferral: clue.judicialReferral,
      result: clue.result,
      concludedOn: clue.concludedOn ? dayjs(clue.concludedOn) : null,
    });
  }, [clue, form]);

  const submit = async (v: DispositionForm) => {
    if (!clue) return;
    const result = await run(() =>
      api.patch(`/clues/${clue.id}`, {
        disposition: v.disposition ?? null,
        caseFiled: v.caseFiled,
        sanctionedPersons: v.sanctionedPersons ?? 0,
        orgHandledPersons: v.orgHandledPersons ?? 0,
        judicialReferral: v.judicialReferral,
        result: v.result?.trim() ?? "",
        concludedOn: v.concludedOn ? v.concludedOn.format("YYYY-MM-DD") : null,
      }),
    );
    if (result.ok) {
      notifySuccess(`线索 ${clue.number} 的处置情况已保存`);
      onSaved();
    }
  };

  return (
    <FormDrawer
      open={clue !== null}
      onClose={close}
      title={clue ? `线索处置：${clue.number}` : ""}
      width={560}
      submitText="保存"
      pending={pending}
      onSubmit={() => form.submit()}
    >
      {clue && (
        <>
          <Descriptions
            size="small"
            column={1}
            items={[
              { key: "target", label: "被巡察单位", children: clue.targetName },
              { key: "round", label: "巡察轮次", children: clue.roundName },
              { key: "title", label: "问题摘要", children: clue.title },
              { key: "on", label: "移交日期", children: formatDate(clue.transferredOn) },
            ]}
          />
          <Typography.Paragraph
            className="xc-pre"
            type="secondary"
            style={{ maxHeight: 200, overflow: "auto" }}
          >
            {clue.description}
          </Typography.Paragraph>
        </>
      )}
      <Form<DispositionForm> form={form} layout="vertical" onFinish={submit}>
        <Form.Item name="disposition" label="处置方式">
          <Select
            allowClear
            placeholder="待处置"
            options={CLUE_DISPOSITIONS.keys.map((k) => ({ value: k, label: CLUE_DISPOSITIONS.labels[k] }))}
          />
        </Form.Item>
        <Form.Item name="caseFiled" label="是否立案" valuePropName="checked">
          <Switch checkedChildren="已立案" unCheckedChildren="未立案" />
        </Form.Item>
        <Form.Item name="sanctionedPersons" label="党纪政务处分（人）">
          <InputNumber min={0} max={1000} precision={0} style={{ width: "100%" }} />
        </Form.Item>
        <Form.Item name="orgHandledPersons" label="组织处理（人）">
          <InputNumber min={0} max={1000} precision={0} style={{ width: "100%" }} />
        </Form.Item>
        <Form.Item name="judicialReferral" label="是否移送司法" valuePropName="checked">
          <Switch checkedChildren="已移送" unCheckedChildren="未移送" />
        </Form.Item>
        <Form.Item name="result" label="办理结果">
          <Input.TextArea autoSize={{ minRows: 3, maxRows: 10 }} maxLength={5000} showCount />
        </Form.Item>
        <Form.Item name="concludedOn" label="办结日期" extra="填写办结日期后，线索计为已办结。">
          <DatePicker style={{ width: "100%" }} />
        </Form.Item>
      </Form>
    </FormDrawer>
  );
}

/** 问题线索台账: the leading group, the office head and the receiving commission. Reading is audited. */
export function CluesPage() {
  const rounds = useRequest<RoundSummary[]>("/rounds");
  const [roundId, setRoundId] = useState<string>();
  const clues = useRequest<Clue[]>("/clues", { roundId });
  const [editing, setEditing] = useState<Clue | null>(null);
  const [shown, setShown] = useState<number>();
  const items = clues.data ?? [];

  const columns: ColumnsType<Clue> = [
    { title: "线索编号", dataIndex: "number", fixed: "left", sorter: textSorter((c) => c.number) },
    {
      title: "巡察轮次",
      dataIndex: "roundName",
      filters: valueFilters(items, (c) => c.roundName),
      onFilter: (v, c) => c.roundName === v,
      render: (t: string) => <EllipsisText text={t} width={180} />,
    },
    {
      title: "被巡察单位",
      dataIndex: "targetName",
      sorter: textSorter((c) => c.targetName),
      filters: valueFilters(items, (c) => c.targetName),
      filterSearch: true,
      onFilter: (v, c) => c.targetName === v,
      render: (t: string) => <EllipsisText text={t} width={200} />,
    },
    { title: "问题摘要", dataIndex: "title", render: (t: string) => <EllipsisText text={t} width={240} /> },
    {
      title: "移交日期",
      dataIndex: "transferredOn",
      sorter: textSorter((c) => c.transferredOn),
      render: formatDate,
    },
    {
      title: "移交单位",
      dataIndex: "receiver",
      filters: labelFilters(CLUE_RECEIVERS.labels),
      onFilter: (v, c) => c.receiver === v,
      render: (r: ClueReceiver) => CLUE_RECEIVERS.labels[r] ?? r,
    },
    {
      title: "处置情况",
      key: "state",
      filters: [
        { text: "待处置", value: "pending" },
        ...labelFilters(CLUE_DISPOSITIONS.labels),
        { text: "已办结", value: "concluded" },
      ],
      onFilter: (v, c) =>
        v === "pending" ? !c.disposition : v === "concluded" ? !!c.concludedOn : c.disposition === v,
      render: (_, c) => <StatusTagView tag={clueTag(c)} />,
    },
    {
      title: "是否立案",
      dataIndex: "caseFiled",
      filters: [
        { text: "是", value: true },
        { text: "否", value: false },
      ],
      onFilter: (v, c) => c.caseFiled === v,
      render: (v: boolean) => (v ? "是" : "否"),
    },
    {
      title: "党纪政务处分",
      dataIndex: "sanctionedPersons",
      align: "right",
      sorter: numberSorter((c) => c.sanctionedPersons),
      render: (n: number) => `${n} 人`,
    },
    {
      title: "组织处理",
      dataIndex: "orgHandledPersons",
      align: "right",
      sorter: numberSorter((c) => c.orgHandledPersons),
      render: (n: number) => `${n} 人`,
    },
    { title: "移送司法", dataIndex: "judicialReferral", render: (v: boolean) => (v ? "是" : "否") },
    {
      title: "办结日期",
      dataIndex: "concludedOn",
      sorter: textSorter((c) => c.concludedOn),
      render: formatDate,
    },
    { title: "办理结果", dataIndex: "result", render: (t: string) => <EllipsisText text={t} width={200} /> },
    {
      title: "操作",
      key: "actions",
      fixed: "right",
      render: (_, c) =>
        c.abilities?.dispose && (
          <Button type="link" size="small" icon={<EditOutlined />} onClick={() => setEditing(c)}>
            处置
          </Button>
        ),
    },
  ];

  const concluded = items.filter((c) => c.concludedOn).length;
  return (
    <PageContainer title="问题线索">
      <Alert
        type="warning"
        showIcon
        style={{ marginBottom: 12 }}
        title="问题线索属敏感信息，查看和处置均记入审计日志，请勿截屏、外传。"
      />
      <search className="xc-filters">
        <RoundFilter rounds={rounds} value={roundId} onChange={setRoundId} />
      </search>
      {clues.error ? (
        <LoadError error={clues.error} onRetry={clues.reload} />
      ) : (
        <>
          <TableToolbar countText={`共 ${shown ?? items.length} 件线索，已办结 ${concluded} 件`} />
          <DataTable<Clue>
            rowKey="id"
            size="middle"
            loading={clues.loading}
            columns={columns}
            dataSource={items}
            scroll={{ x: "max-content" }}
            onChange={(_p, _f, _s, extra) => setShown(extra.currentDataSource.length)}
            pagination={{ pageSize: 20, showTotal: totalText("件线索"), hideOnSinglePage: true }}
            locale={{ emptyText: "暂无问题线索" }}
          />
        </>
      )}
      <DispositionDrawer
        clue={editing}
        onClose={() => setEditing(null)}
        onSaved={() => {
          setEditing(null);
          clues.reload();
        }}
      />
    </PageContainer>
  );
}
