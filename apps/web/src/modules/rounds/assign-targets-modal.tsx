import { Form, Modal } from "antd";
import { useState } from "react";
import { api } from "../../app/api-client";
import { notifyError, notifySuccess } from "../../app/notify";
import { TargetPicker } from "../targets/target-picker";
import type { Group } from "./api";
import { conflictsOfError, type RecusalConflict } from "./group-api";
import { RecusalConflictList } from "./recusal-conflicts";

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
  const [pending, setPending] = useState(false);
  const [conflicts, setConflicts] = useState<RecusalConflict[]>([]);
  const submit = async () => {
    if (!group) return;
    const v = await form.validateFields();
    setPending(true);
    try {
      const result = await api.post<{ assigned: number }>(`/groups/${group.id}/targets`, {
        targetIds: v.targetIds,
      });
      notifySuccess(`已为${group.name}分配 ${result.assigned} 个巡察对象`);
      form.resetFields();
      setConflicts([]);
      onAssigned();
    } catch (e) {
      const found = conflictsOfError(e);
      if (found) setConflicts(found);
      else notifyError(e);
    } finally {
      setPending(false);
    }
  };
  return (
    <Modal
      open={group !== null}
      title={group ? `为${group.name}分配巡察对象` : ""}
      okText="分配"
      onOk={submit}
      confirmLoading={pending}
      onCancel={() => {
        setConflicts([]);
        onClose();
      }}
      destroyOnHidden
      width={640}
    >
      <RecusalConflictList conflicts={conflicts} />
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
