import { GROUP_ROLE_LABELS } from "@xuncha/domain/model";
import { Alert, Form, Modal, Select } from "antd";
import { api } from "../../app/api-client";
import { notifySuccess } from "../../app/notify";
import { asPaged, type Paged } from "../../app/paged";
import { useAction, useRequest } from "../../app/use-request";
import { type Person, POOL_LABELS } from "../personnel/api";
import { type GroupForm, membersOf } from "./group-members";

/** Office: form a group of the round from the pools ("一轮一组建"): one leader, deputies, members, liaison. */
export function GroupFormModal({
  roundId,
  open,
  onClose,
  onCreated,
}: {
  roundId: string;
  open: boolean;
  onClose: () => void;
  onCreated: () => void;
}) {
  const [form] = Form.useForm<GroupForm>();
  const people = useRequest<Paged<Person> | Person[]>(open ? "/people" : null, {
    pageSize: 200,
    available: "true",
  });
  const { run, pending } = useAction();
  const all = asPaged(people.data).items.filter((p) => p.available !== false);
  const values = Form.useWatch([], form) as GroupForm | undefined;

  const chosenElsewhere = (field: keyof GroupForm) => {
    const ids = new Set<string>();
    for (const key of ["leader", "deputies", "members", "liaisons"] as const) {
      if (key === field) continue;
      const v = values?.[key];
      for (const id of Array.isArray(v) ? v : v ? [v] : []) ids.add(id);
    }
    return ids;
  };
  const options = (field: keyof GroupForm, pool?: Person["pool"]) => {
    const taken = chosenElsewhere(field);
    return all
      .filter((p) => !taken.has(p.id))
      .sort((a, b) => (pool ? Number(b.pool === pool) - Number(a.pool === pool) : 0))
      .map((p) => ({
        value: p.id,
        label: `${p.name}（${POOL_LABELS[p.pool] ?? p.pool}${p.unit ? ` · ${p.unit}` : ""}${
          p.expertise?.length ? ` · ${p.expertise.join("、")}` : ""
        }）`,
      }));
  };

  const submit = async () => {
    const v = await form.validateFields();
    const result = await run(() => api.post(`/rounds/${roundId}/groups`, { members: membersOf(v) }));
    if (result.ok) {
      notifySuccess("巡察组已组建");
      form.resetFields();
      onCreated();
    }
  };
  const select = {
    showSearch: { optionFilterProp: "label" },
    loading: people.loading,
    style: { width: "100%" },
  };

  return (
    <Modal
      open={open}
      title="组建巡察组"
      okText="组建"
      onOk={submit}
      confirmLoading={pending}
      onCancel={onClose}
      destroyOnHidden
      width={640}
    >
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 16 }}
        title="组长从组长库选取，组员从人才库按专业选取；回避情形请在选人时核实。"
      />
      <Form form={form} layout="vertical">
        <Form.Item
          name="leader"
          label={GROUP_ROLE_LABELS.leader}
          rules={[{ required: true, message: "请选择组长" }]}
        >
          <Select {...select} options={options("leader", "leader")} placeholder="选择组长" />
        </Form.Item>
        <Form.Item name="deputies" label={GROUP_ROLE_LABELS.deputy}>
          <Select
            {...select}
            mode="multiple"
            options={options("deputies", "leader")}
            placeholder="选择副组长"
          />
        </Form.Item>
        <Form.Item name="members" label={GROUP_ROLE_LABELS.member}>
          <Select {...select} mode="multiple" options={options("members", "talent")} placeholder="选择组员" />
        </Form.Item>
        <Form.Item name="liaisons" label={GROUP_ROLE_LABELS.liaison}>
          <Select
            {...select}
            mode="multiple"
            options={options("liaisons", "talent")}
            placeholder="选择联络员"
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
