import { Form, Input, Modal } from "antd";
import { api } from "../../app/api-client";
import { notifySuccess } from "../../app/notify";
import { useAction } from "../../app/use-request";
import type { Account } from "./api";

interface AddressesForm {
  email?: string;
  mobile?: string;
}

/** The system administrator records where an account's email and SMS go (督办 messages). */
export function AddressesModal({
  account,
  onClose,
  onSaved,
}: {
  account: Account | null;
  onClose: () => void;
  onSaved: () => void;
}) {
  const [form] = Form.useForm<AddressesForm>();
  const { run, pending } = useAction();
  const submit = async (v: AddressesForm) => {
    const result = await run(() =>
      api.put(`/accounts/${account!.id}/addresses`, {
        email: v.email?.trim() || null,
        mobile: v.mobile?.trim() || null,
      }),
    );
    if (result.ok) {
      notifySuccess("联系方式已保存");
      onSaved();
    }
  };
  return (
    <Modal
      open={account !== null}
      title={`联系方式：${account?.displayName ?? ""}`}
      okText="保存"
      cancelText="取消"
      confirmLoading={pending}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form<AddressesForm>
        form={form}
        layout="vertical"
        onFinish={submit}
        autoComplete="off"
        initialValues={{ email: account?.email ?? "", mobile: account?.mobile ?? "" }}
      >
        <Form.Item
          name="email"
          label="电子邮箱"
          rules={[{ type: "email", message: "电子邮箱格式有误" }]}
          extra="督办提醒、督办函等消息通过邮件通道发送到这里；不填则不发邮件。"
        >
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item
          name="mobile"
          label="手机号码"
          rules={[{ pattern: /^(\+?\d[\d -]{4,19})?$/, message: "手机号码格式有误" }]}
          extra="不填则不发短信。"
        >
          <Input maxLength={20} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
