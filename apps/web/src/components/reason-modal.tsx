import { Form, Input, Modal } from "antd";

/** Asks for a reason before an action that changes an official record (return, reopen …). */
export function ReasonModal({
  open,
  title,
  label,
  okText,
  danger,
  pending,
  warning,
  onSubmit,
  onCancel,
}: {
  open: boolean;
  title: string;
  label: string;
  okText: string;
  danger?: boolean;
  pending?: boolean;
  warning?: string;
  onSubmit: (reason: string) => void;
  onCancel: () => void;
}) {
  const [form] = Form.useForm<{ reason: string }>();
  return (
    <Modal
      open={open}
      title={title}
      okText={okText}
      okButtonProps={{ danger, loading: pending }}
      onCancel={onCancel}
      destroyOnHidden
      onOk={() => form.validateFields().then((v) => onSubmit(v.reason.trim()))}
    >
      {warning && <p>{warning}</p>}
      <Form form={form} layout="vertical" preserve={false}>
        <Form.Item
          name="reason"
          label={label}
          rules={[{ required: true, whitespace: true, message: `请填写${label}` }]}
        >
          <Input.TextArea rows={4} maxLength={2000} showCount />
        </Form.Item>
      </Form>
    </Modal>
  );
}
