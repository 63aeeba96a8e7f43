import { chinaDate } from "@xuncha/domain/model";
import { DatePicker, Form, Input, Modal, Typography } from "antd";
import type { Dayjs } from "dayjs";
import { api } from "../../app/api-client";
import { formatDate } from "../../app/format";
import { notifySuccess } from "../../app/notify";
import { useAction } from "../../app/use-request";
import type { Measure } from "./api";

interface ExtendForm {
  deadline: Dayjs;
  reason: string;
}

/**
 * The office extends a measure's deadline (延期) with its reason, once the plan has passed: the new
 * day is later than the current deadline and not before today, as the server requires.
 */
export function ExtendDeadlineModal({
  measure,
  onClose,
  onSaved,
}: {
  measure: Measure | null;
  onClose: () => void;
  onSaved: () => void;
}) {
  const [form] = Form.useForm<ExtendForm>();
  const { run, pending } = useAction();
  const today = chinaDate();
  const tooEarly = (d: Dayjs) => {
    const day = d.format("YYYY-MM-DD");
    return day < today || (!!measure && day <= measure.deadline);
  };
  const submit = async (v: ExtendForm) => {
    if (!measure) return;
    const deadline = v.deadline.format("YYYY-MM-DD");
    const result = await run(() =>
      api.post(`/measures/${measure.id}/extend`, { deadline, reason: v.reason.trim() }),
    );
    if (result.ok) {
      notifySuccess(`整改时限已延至 ${formatDate(deadline)}`);
      form.resetFields();
      onSaved();
    }
  };
  return (
    <Modal
      open={measure !== null}
      title="延长整改时限"
      okText="确认延期"
      cancelText="取消"
      confirmLoading={pending}
      onOk={() => form.submit()}
      onCancel={() => {
        form.resetFields();
        onClose();
      }}
      destroyOnHidden
    >
      {measure && (
        <Typography.Paragraph>
          {measure.content}
          <br />
          <Typography.Text type="secondary">现时限 {formatDate(measure.deadline)}</Typography.Text>
        </Typography.Paragraph>
      )}
      <Form<ExtendForm> form={form} layout="vertical" onFinish={submit}>
        <Form.Item
          name="deadline"
          label="新的整改时限"
          rules={[{ required: true, message: "请选择新的整改时限" }]}
        >
          <DatePicker style={{ width: "100%" }} disabledDate={tooEarly} />
        </Form.Item>
        <Form.Item
          name="reason"
          label="延期理由"
          rules={[{ required: true, whitespace: true, message: "请填写延期理由" }]}
        >
          <Input.TextArea
            rows={3}
            maxLength={2000}
            showCount
            placeholder="如：涉及资金清退，需协调财政部门"
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
