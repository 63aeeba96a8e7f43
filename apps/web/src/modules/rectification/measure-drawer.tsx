import { Checkbox, DatePicker, Form, Input, Typography } from "antd";
import type { Dayjs } from "dayjs";
import { api } from "../../app/api-client";
import { notifySuccess } from "../../app/notify";
import { useAction } from "../../app/use-request";
import { FormDrawer } from "../../components/form-drawer";
import { useGuardedClose } from "../../components/use-guarded-close";
import type { LedgerItem } from "./api";

interface MeasureForm {
  content: string;
  goal?: string;
  responsibleLeader?: string;
  responsibleDept?: string;
  responsiblePerson: string;
  deadline: Dayjs;
  longTerm?: boolean;
}

/** A target's contact adds a rectification measure (整改措施) to a fed-back problem. */
export function MeasureDrawer({
  item,
  onClose,
  onSaved,
}: {
  item: LedgerItem | null;
  onClose: () => void;
  onSaved: () => void;
}) {
  const [form] = Form.useForm<MeasureForm>();
  const { run, pending } = useAction();
  const close = useGuardedClose(form, onClose);

  const submit = async (v: MeasureForm) => {
    if (!item) return;
    const result = await run(() =>
      api.post(`/findings/${item.finding.id}/measures`, {
        content: v.content.trim(),
        goal: v.goal?.trim() || undefined,
        responsibleLeader: v.responsibleLeader?.trim() || undefined,
        responsibleDept: v.responsibleDept?.trim() || undefined,
        responsiblePerson: v.responsiblePerson.trim(),
        deadline: v.deadline.format("YYYY-MM-DD"),
        longTerm: v.longTerm ?? false,
      }),
    );
    if (result.ok) {
      notifySuccess("整改措施已添加");
      form.resetFields();
      onSaved();
    }
  };

  return (
    <FormDrawer
      open={item !== null}
      onClose={close}
      title="添加整改措施"
      width={560}
      submitText="保存措施"
      pending={pending}
      onSubmit={() => form.submit()}
    >
      {item && (
        <Typography.Paragraph>
          <Typography.Text strong>问题 {item.finding.number}：</Typography.Text>
          {item.finding.title}
        </Typography.Paragraph>
      )}
      <Form<MeasureForm> form={form} layout="vertical" onFinish={submit}>
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
