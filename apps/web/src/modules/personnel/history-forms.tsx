import { RELATIONS, type Relation, TIE_KINDS, type TieKind } from "@xuncha/domain/model";
import { Checkbox, DatePicker, Form, Input, Modal, Select } from "antd";
import dayjs, { type Dayjs } from "dayjs";
import { useEffect } from "react";
import { api } from "../../app/api-client";
import { notifySuccess } from "../../app/notify";
import { useAction } from "../../app/use-request";
import { TargetPicker } from "../targets/target-picker";
import type { PersonJob, PersonRelative, PersonTie } from "./api";

export type HistoryKind = "jobs" | "relatives" | "ties";

const TITLES: Record<HistoryKind, string> = { jobs: "工作经历", relatives: "亲属任职", ties: "上下级关系" };

interface HistoryFormValues {
  unit?: string;
  post?: string;
  start?: Dayjs | null;
  end?: Dayjs | null;
  targetId?: string[];
  relation?: Relation;
  name?: string;
  inLeadership?: boolean;
  kind?: TieKind;
  officialName?: string;
}

type Record_ = PersonJob | PersonRelative | PersonTie;

const month = (m: string | null | undefined) => (m ? dayjs(`${m}-01`) : null);

function toForm(kind: HistoryKind, r: Record_): HistoryFormValues {
  const targetId = r.targetId ? [r.targetId] : [];
  if (kind === "jobs") {
    const j = r as PersonJob;
    return { unit: j.unit, post: j.post, start: month(j.startMonth), end: month(j.endMonth), targetId };
  }
  if (kind === "relatives") {
    const x = r as PersonRelative;
    return {
      relation: x.relation,
      name: x.name,
      unit: x.unit,
      post: x.post,
      inLeadership: x.inLeadership,
      targetId,
    };
  }
  const t = r as PersonTie;
  return {
    kind: t.kind,
    officialName: t.officialName,
    post: t.post,
    start: month(t.startMonth),
    end: month(t.endMonth),
    targetId,
  };
}

function toBody(kind: HistoryKind, v: HistoryFormValues) {
  const targetId = v.targetId?.[0] ?? null;
  const range = {
    startMonth: v.start?.format("YYYY-MM") ?? "",
    endMonth: v.end ? v.end.format("YYYY-MM") : null,
  };
  if (kind === "jobs") return { unit: v.unit?.trim() ?? "", post: v.post?.trim() ?? "", targetId, ...range };
  if (kind === "relatives")
    return {
      relation: v.relation,
      name: v.name?.trim() ?? "",
      unit: v.unit?.trim() ?? "",
      post: v.post?.trim() ?? "",
      inLeadership: v.inLeadership ?? false,
      targetId,
    };
  return {
    kind: v.kind,
    officialName: v.officialName?.trim() ?? "",
    post: v.post?.trim() ?? "",
    targetId,
    ...range,
  };
}

/** Adds or edits one record of a person's work history, relatives or superior/subordinate ties. */
export function HistoryRecordModal({
  personId,
  kind,
  record,
  onClose,
  onSaved,
}: {
  personId: string;
  /** null: closed. */
  kind: HistoryKind | null;
  /** The record edited; null: a new one. */
  record: Record_ | null;
  onClose: () => void;
  onSaved: () => void;
}) {
  const [form] = Form.useForm<HistoryFormValues>();
  const { run, pending } = useAction();
  useEffect(() => {
    if (!kind) return;
    form.resetFields();
    if (record) form.setFieldsValue(toForm(kind, record));
  }, [kind, record, form]);
  if (!kind) return null;

  const submit = async (v: HistoryFormValues) => {
    const body = toBody(kind, v);
    const base = `/people/${personId}/${kind}`;
    const result = await run(() => (record ? api.put(`${base}/${record.id}`, body) : api.post(base, body)));
    if (result.ok) {
      notifySuccess(`已保存${TITLES[kind]}`);
      onSaved();
    }
  };

  const endAfterStart = ({ getFieldValue }: { getFieldValue: (n: string) => unknown }) => ({
    validator: (_: unknown, end: Dayjs | null | undefined) => {
      const start = getFieldValue("start") as Dayjs | null | undefined;
      return end && start && end.isBefore(start, "month")
        ? Promise.reject(new Error("结束年月不能早于开始年月"))
        : Promise.resolve();
    },
  });
  const monthFields = (startLabel: string) => (
    <>
      <Form.Item name="start" label={startLabel} rules={[{ required: true, message: `请选择${startLabel}` }]}>
        <DatePicker picker="month" style={{ width: "100%" }} />
      </Form.Item>
      <Form.Item
        name="end"
        label="结束年月"
        extra="不填表示至今"
        dependencies={["start"]}
        rules={[endAfterStart]}
      >
        <DatePicker picker="month" style={{ width: "100%" }} placeholder="至今" />
      </Form.Item>
    </>
  );
  const targetField = (label: string) => (
    <Form.Item name="targetId" label={label} extra="在被巡察对象库中时请选择，回避审查据此比对">
      <TargetPicker
        multiple={false}
        placeholder="输入名称搜索（可不选）"
        labels={record?.targetId ? { [record.targetId]: record.targetName ?? "" } : {}}
      />
    </Form.Item>
  );

  return (
    <Modal
      open
      title={`${record ? "编辑" : "添加"}${TITLES[kind]}`}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText="保存"
      confirmLoading={pending}
      destroyOnHidden
    >
      <Form<HistoryFormValues> form={form} layout="vertical" onFinish={submit}>
        {kind === "jobs" && (
          <>
            <Form.Item
              name="unit"
              label="工作单位"
              rules={[{ required: true, whitespace: true, message: "请填写工作单位" }]}
            >
              <Input maxLength={100} />
            </Form.Item>
            {targetField("对应的被巡察对象")}
            <Form.Item name="post" label="职务">
              <Input maxLength={100} />
            </Form.Item>
            {monthFields("开始年月")}
          </>
        )}
        {kind === "relatives" && (
          <>
            <Form.Item name="relation" label="关系" rules={[{ required: true, message: "请选择关系" }]}>
              <Select options={RELATIONS.keys.map((k) => ({ value: k, label: RELATIONS.labels[k] }))} />
            </Form.Item>
            <Form.Item
              name="name"
              label="亲属姓名"
              rules={[{ required: true, whitespace: true, message: "请填写姓名" }]}
            >
              <Input maxLength={50} />
            </Form.Item>
            <Form.Item name="unit" label="工作单位">
              <Input maxLength={100} />
            </Form.Item>
            {targetField("工作单位对应的被巡察对象")}
            <Form.Item name="post" label="职务">
              <Input maxLength={100} />
            </Form.Item>
            <Form.Item name="inLeadership" valuePropName="checked">
              <Checkbox>是该单位领导班子成员</Checkbox>
            </Form.Item>
          </>
        )}
        {kind === "ties" && (
          <>
            <Form.Item name="kind" label="关系" rules={[{ required: true, message: "请选择关系" }]}>
              <Select options={TIE_KINDS.keys.map((k) => ({ value: k, label: TIE_KINDS.labels[k] }))} />
            </Form.Item>
            <Form.Item
              name="officialName"
              label="对方姓名"
              rules={[{ required: true, whitespace: true, message: "请填写对方姓名" }]}
            >
              <Input maxLength={50} />
            </Form.Item>
            {targetField("对方所在的被巡察对象")}
            <Form.Item name="post" label="对方职务">
              <Input maxLength={100} />
            </Form.Item>
            {monthFields("开始年月")}
          </>
        )}
      </Form>
    </Modal>
  );
}
