import { Checkbox, DatePicker, Form, Input, Typography } from "antd";
import type { Dayjs } from "dayjs";

/** The values of a measure's form (整改措施), as both measure drawers edit them. */
export interface MeasureForm {
  content: string;
  goal?: string;
  responsibleLeader?: string;
  responsibleDept?: string;
  responsiblePerson: string;
  deadline: Dayjs;
  longTerm?: boolean;
}

/**
 * The request body of a measure from its form, trimmed; an optional field left blank is sent as
 * `blank` ("" to clear it on an edit, undefined to leave it out).
 */
export function measureBody<B extends "" | undefined>(v: MeasureForm, blank: B) {
  const optional = (s: string | undefined) => s?.trim() || blank;
  return {
    content: v.content.trim(),
    goal: optional(v.goal),
    responsibleLeader: optional(v.responsibleLeader),
    responsibleDept: optional(v.responsibleDept),
    responsiblePerson: v.responsiblePerson.trim(),
    deadline: v.deadline.format("YYYY-MM-DD"),
    longTerm: v.longTerm ?? false,
  };
}

/** The problem a measure belongs to, above the drawer's form. */
export function MeasureFindingHeading({ finding }: { finding: { number: number; title: string } }) {
  return (
    <Typography.Paragraph>
      <Typography.Text strong>问题 {finding.number}：</Typography.Text>
      {finding.title}
    </Typography.Paragraph>
  );
}

/** A measure's fields: content, goal, the responsible leader, department and person, deadline, long-term. */
export function MeasureFormFields() {
  return (
    <>
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
    </>
  );
}
