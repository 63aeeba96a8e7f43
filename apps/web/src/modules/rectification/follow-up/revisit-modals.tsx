import { Checkbox, DatePicker, Form, Input, Modal, Radio, Select, Typography } from "antd";
import dayjs, { type Dayjs } from "dayjs";
import { api } from "../../../app/api-client";
import { notifySuccess } from "../../../app/notify";
import { useAction, useRequest } from "../../../app/use-request";
import type { RoundSummary } from "../../rounds/api";
import {
  REVISIT_METHOD_LABELS,
  REVISIT_PARTY_LABELS,
  type Revisit,
  type RevisitMethod,
  type RevisitParty,
} from "./api";
import { RoundTargetFields } from "./round-target-fields";

const PARTY_OPTIONS = (Object.keys(REVISIT_PARTY_LABELS) as RevisitParty[]).map((p) => ({
  value: p,
  label: REVISIT_PARTY_LABELS[p],
}));
const METHOD_OPTIONS = (Object.keys(REVISIT_METHOD_LABELS) as RevisitMethod[]).map((m) => ({
  value: m,
  label: REVISIT_METHOD_LABELS[m],
}));
const iso = (d: Dayjs) => d.format("YYYY-MM-DD");

/** 计划回访: the committee's minimum number of revisits for a target, spaced by its interval. */
export function PlanModal({
  open,
  rounds,
  onClose,
  onDone,
}: {
  open: boolean;
  rounds: RoundSummary[];
  onClose: () => void;
  onDone: () => void;
}) {
  const [form] = Form.useForm<{
    roundId: string;
    targetId: string;
    from: Dayjs;
    method: RevisitMethod;
    parties: RevisitParty[];
  }>();
  const { run, pending } = useAction();
  const submit = async () => {
    const v = await form.validateFields();
    const result = await run(() =>
      api.post<{ items: Revisit[] }>("/rectification/revisits/plan", { ...v, from: iso(v.from) }),
    );
    if (result.ok) {
      const n = result.value.items.length;
      notifySuccess(n ? `已计划 ${n} 次回访督查` : "该单位的回访督查次数已达到规定，未新增");
      onDone();
    }
  };
  return (
    <Modal
      open={open}
      title="计划回访督查"
      okText="计划"
      okButtonProps={{ loading: pending }}
      onOk={submit}
      onCancel={onClose}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">
        按本党委“回访督查”设置的次数和间隔，为该单位补足回访督查计划；已有的计划不变。
      </Typography.Paragraph>
      <Form
        name="revisitPlan"
        form={form}
        layout="vertical"
        preserve={false}
        initialValues={{
          from: dayjs(),
          method: "onSite",
          parties: ["disciplineCommission", "organizationDept"],
        }}
      >
        <RoundTargetFields rounds={rounds} />
        <Form.Item name="from" label="起算日期" rules={[{ required: true, message: "请选择起算日期" }]}>
          <DatePicker style={{ width: "100%" }} />
        </Form.Item>
        <Form.Item name="method" label="督查方式">
          <Radio.Group options={METHOD_OPTIONS} />
        </Form.Item>
        <Form.Item name="parties" label="会同">
          <Checkbox.Group options={PARTY_OPTIONS} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** Records a revisit done: date, conclusion, and closed problems to reopen (with a reason each). */
export function CompleteModal({
  revisit,
  onClose,
  onDone,
}: {
  revisit: Revisit | null;
  onClose: () => void;
  onDone: () => void;
}) {
  const [form] = Form.useForm<{ doneOn: Dayjs; conclusion: string; reopen: string[]; reason: string }>();
  const ledger = useRequest<{
    items: { finding: { id: string; number: number; title: string }; state: string }[];
  }>(
    revisit ? "/rectification/ledger" : null,
    revisit
      ? { roundId: revisit.roundId, targetId: revisit.targetId, state: "closed", pageSize: 500 }
      : undefined,
  );
  const reopen = Form.useWatch("reopen", form) ?? [];
  const { run, pending } = useAction();
  const submit = async () => {
    if (!revisit) return;
    const v = await form.validateFields();
    const result = await run(() =>
      api.post(`/rectification/revisits/${revisit.id}/done`, {
        doneOn: iso(v.doneOn),
        conclusion: v.conclusion.trim(),
        reopen: (v.reopen ?? []).map((findingId) => ({ findingId, reason: v.reason.trim() })),
      }),
    );
    if (result.ok) {
      notifySuccess(
        v.reopen?.length ? `回访督查已完成，重新打开 ${v.reopen.length} 个问题` : "回访督查已完成",
      );
      onDone();
    }
  };
  return (
    <Modal
      open={!!revisit}
      title={revisit ? `${revisit.targetName} 第${revisit.sequence}次回访督查` : ""}
      okText="记录完成"
      okButtonProps={{ loading: pending }}
      onOk={submit}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form
        name="revisitDone"
        form={form}
        layout="vertical"
        preserve={false}
        initialValues={{ doneOn: dayjs(), reopen: [] }}
      >
        <Form.Item name="doneOn" label="完成日期" rules={[{ required: true, message: "请选择完成日期" }]}>
          <DatePicker style={{ width: "100%" }} disabledDate={(d) => d.isAfter(dayjs(), "day")} />
        </Form.Item>
        <Form.Item
          name="conclusion"
          label="督查结论"
          rules={[{ required: true, whitespace: true, message: "请填写督查结论" }]}
        >
          <Input.TextArea rows={4} maxLength={5000} showCount />
        </Form.Item>
        <Form.Item
          name="reopen"
          label="发现整改不到位、须重新打开的已销号问题"
          extra="只能选择本单位本轮已销号的问题。"
        >
          <Select
            mode="multiple"
            allowClear
            loading={ledger.loading}
            placeholder="无"
            optionFilterProp="label"
            options={(ledger.data?.items ?? []).map((i) => ({
              value: i.finding.id,
              label: `${i.finding.number}. ${i.finding.title}`,
            }))}
          />
        </Form.Item>
        {reopen.length > 0 && (
          <Form.Item
            name="reason"
            label="重新打开的理由"
            rules={[{ required: true, whitespace: true, message: "请填写重新打开的理由" }]}
          >
            <Input.TextArea rows={2} maxLength={2000} />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}

/** Moves a planned revisit (调整), or adds one more for the same target and round (加一次). */
export function ScheduleModal({
  action,
  onClose,
  onDone,
}: {
  action: { kind: "edit" | "add"; revisit: Revisit } | null;
  onClose: () => void;
  onDone: () => void;
}) {
  const [form] = Form.useForm<{ plannedOn: Dayjs; method: RevisitMethod; parties: RevisitParty[] }>();
  const { run, pending } = useAction();
  const r = action?.revisit;
  const submit = async () => {
    if (!action || !r) return;
    const v = await form.validateFields();
    const body = { plannedOn: iso(v.plannedOn), method: v.method, parties: v.parties ?? [] };
    const result = await run(() =>
      action.kind === "edit"
        ? api.patch(`/rectification/revisits/${r.id}`, body)
        : api.post("/rectification/revisits", { ...body, roundId: r.roundId, targetId: r.targetId }),
    );
    if (result.ok) {
      notifySuccess(action.kind === "edit" ? "回访督查安排已调整" : "已增加一次回访督查");
      onDone();
    }
  };
  return (
    <Modal
      open={!!action}
      title={
        r
          ? `${r.targetName}：${action?.kind === "edit" ? `调整第${r.sequence}次回访督查` : "增加一次回访督查"}`
          : ""
      }
      okText={action?.kind === "edit" ? "保存" : "增加"}
      okButtonProps={{ loading: pending }}
      onOk={submit}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form
        name="revisitEdit"
        form={form}
        layout="vertical"
        preserve={false}
        initialValues={
          r && {
            plannedOn: action?.kind === "edit" ? dayjs(r.plannedOn) : dayjs(r.plannedOn).add(90, "day"),
            method: r.method,
            parties: r.parties,
          }
        }
      >
        <Form.Item name="plannedOn" label="计划日期" rules={[{ required: true, message: "请选择计划日期" }]}>
          <DatePicker style={{ width: "100%" }} />
        </Form.Item>
        <Form.Item name="method" label="督查方式">
          <Radio.Group options={METHOD_OPTIONS} />
        </Form.Item>
        <Form.Item name="parties" label="会同">
          <Checkbox.Group options={PARTY_OPTIONS} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
