import { Checkbox, DatePicker, Form, Input, Typography } from "antd";
import dayjs, { type Dayjs } from "dayjs";
import { api } from "../../app/api-client";
import { notifySuccess } from "../../app/notify";
import { useAction } from "../../app/use-request";
import { FormDrawer } from "../../components/form-drawer";
import { useGuardedClose } from "../../components/use-guarded-close";
import type { PlanDraftFinding, PlanDraftMeasure } from "./review-api";

interface MeasureForm {
  content: string;
  goal?: string;
  responsibleLeader?: string;
  responsibleDept?: string;
  responsiblePerson: string;
  deadline: Dayjs;
  longTerm?: boolean;
}

/** What the drawer edits: a new measure of a problem, or one of its measures. */
export interface MeasureEditing {
  finding: PlanDraftFinding;
  measure: PlanDraftMeasure | null;
}

/** The contact adds or edits a measure of the plan's draft (整改措施). */
export function PlanMeasureDrawer({
  editing,
  onClose,
  onSaved,
}: {
  editing: MeasureEditing | null;
  onClose: () => void;
  onSaved: () => void;
}) {
  const [form] = Form.useForm<MeasureForm>();
  const { run, pending } = useAction();
  const close = useGuardedClose(form, onClose);
  const measure = editing?.measure ?? null;

  const initial: Partial<MeasureForm> = measure
    ? { ...measure, deadline: dayjs(measure.deadline) }
    : { longTerm: false };

  const submit = async (v: MeasureForm) => {
    if (!editing) return;
    const body = {
      content: v.content.trim(),
      goal: v.goal?.trim() ?? "",
      responsibleLeader: v.responsibleLeader?.trim() ?? "",
      responsibleDept: v.responsibleDept?.trim() ?? "",
      responsiblePerson: v.responsiblePerson.trim(),
      deadline: v.deadline.format("YYYY-MM-DD"),
      longTerm: v.longTerm ?? false,
    };
    const result = await run(() =>
      measure
        ? api.patch(`/measures/${measure.id}`, body)
        : api.post(`/findings/${editing.finding.id}/measures`, body),
    );
    if (result.ok) {
      notifySuccess(measure ? "整改措施已修改" : "整改措施已添加");
      form.resetFields();
      onSaved();
    }
  };

  return (
    <FormDrawer
      open={editing !== null}
      onClose={close}
      title={measure ? "修改整改措施" : "添加整改措施"}
      width={560}
      submitText="保存措施"
      pending={pending}
      onSubmit={() => form.submit()}
    >
      {editing && (
        <Typography.Paragraph>
          <Typography.Text strong>问题 {editing.finding.number}：</Typography.Text>
          {editing.finding.title}
        </Typography.Paragraph>
      )}
      <Form<MeasureForm>
        key={measure?.id ?? editing?.finding.id ?? "none"}
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={initial}
      >
        <Form.Item
          name="content"
          label="整改措施"
          rules={[{ required: true, whitespace: true, message: "请填写整改措施" }]}
          extra="写明具体做什么、怎么做，一条措施对应一项可检查的工作。"
        >
          <Input.TextArea autoSize={{ minRows: 4, maxRows: 12 }} maxLength={20000} showCount />
        </Form.Item>
        <Form.Item name="goal" label="整改目标" extra="完成后应达到的效果，销号时据此核验。">
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={2000} />
        </Form.Item>
        <Form.Item name="responsibleLeader" label="责任领导">
          <Input maxLength={50} />
        </Form.Item>
        <Form.Item name="responsibleDept" label="责任部门">
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item
          name="responsiblePerson"
          label="责任人"
          rules={[{ required: true, whitespace: true, message: "请填写责任人" }]}
        >
          <Input maxLength={50} />
        </Form.Item>
        <Form.Item name="deadline" label="整改时限" rules={[{ required: true, message: "请选择整改时限" }]}>
          <DatePicker style={{ width: "100%" }} inputReadOnly />
        </Form.Item>
        <Form.Item name="longTerm" valuePropName="checked">
          <Checkbox>长期坚持（常态化整改）</Checkbox>
        </Form.Item>
      </Form>
    </FormDrawer>
  );
}
