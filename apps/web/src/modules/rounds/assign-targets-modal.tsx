import { Form, Modal } from "antd";
import { api } from "../../app/api-client";
import { notifySuccess } from "../../app/notify";
import { useAction } from "../../app/use-request";
import { TargetPicker } from "../targets/target-picker";
import type { Group } from "./api";

/** Office: give a group its targets; a target already taken in this round is left out. */
export function AssignTargetsModal({
  group,
  taken,
  onClose,
  onAssigned,
}: {
  group: Group | null;
  taken: string[];
  onClose: () => void;
  onAssigned: () => void;
}) {
  const [form] = Form.useForm<{ targetIds: string[] }>();
  const { run, pending } = useAction();
  const submit = async () => {
    if (!group) return;
    const v = await form.validateFields();
    const result = await run(() =>
      api.post<{ assigned: number }>(`/groups/${group.id}/targets`, { targetIds: v.targetIds }),
    );
    if (result.ok) {
      notifySuccess(`已为${group.name}分配 ${result.value.assigned} 个巡察对象`);
      form.resetFields();
      onAssigned();
    }
  };
  return (
    <Modal
      open={group !== null}
      title={group ? `为${group.name}分配巡察对象` : ""}
      okText="分配"
      onOk={submit}
      confirmLoading={pending}
      onCancel={onClose}
      destroyOnHidden
      width={640}
    >
      <Form form={form} layout="vertical">
        <Form.Item
          name="targetIds"
          label="巡察对象"
          rules={[{ required: true, message: "请选择巡察对象" }]}
          extra="已分配给本轮其他巡察组的对象不在列表中。"
        >
          <TargetPicker exclude={taken} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
