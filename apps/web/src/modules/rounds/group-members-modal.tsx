import { DeleteOutlined } from "@ant-design/icons";
import { GROUP_ROLE_LABELS, GROUP_ROLES, type GroupRole } from "@xuncha/domain/model";
import { Button, Form, List, Modal, Popconfirm, Select, Space, Tag, Typography } from "antd";
import { useState } from "react";
import { api } from "../../app/api-client";
import { notifyError, notifySuccess } from "../../app/notify";
import { asPaged, type Paged } from "../../app/paged";
import { useRequest } from "../../app/use-request";
import { type Person, POOL_LABELS } from "../personnel/api";
import type { Group } from "./api";
import { conflictsOfError, type RecusalConflict } from "./group-api";
import { RecusalConflictList } from "./recusal-conflicts";

const roleOptions = GROUP_ROLES.map((r) => ({ value: r, label: GROUP_ROLE_LABELS[r] }));

/**
 * Office: edit an open round's group — add a person with a role, change a role (a new leader makes
 * the old one deputy), remove a member, name the temporary party branch secretary. Every change is
 * checked for recusal against the group's targets; a refusal lists each conflict.
 */
export function GroupMembersModal({
  group,
  onClose,
  onChanged,
}: {
  group: Group | null;
  onClose: () => void;
  onChanged: () => void;
}) {
  const open = group !== null;
  const people = useRequest<Paged<Person> | Person[]>(open ? "/people" : null, {
    pageSize: 200,
    available: "true",
  });
  const [form] = Form.useForm<{ personId: string; role: GroupRole }>();
  const [conflicts, setConflicts] = useState<RecusalConflict[]>([]);
  const [pending, setPending] = useState(false);
  if (!group) return null;
  const inGroup = new Set(group.members.map((m) => m.personId));
  const candidates = asPaged(people.data)
    .items.filter((p) => p.available !== false && !inGroup.has(p.id))
    .map((p) => ({
      value: p.id,
      label: `${p.name}（${POOL_LABELS[p.pool] ?? p.pool}${p.expertise?.length ? ` · ${p.expertise.join("、")}` : ""}）`,
    }));

  const act = async (call: () => Promise<unknown>, done: string) => {
    setPending(true);
    try {
      await call();
      setConflicts([]);
      notifySuccess(done);
      onChanged();
      return true;
    } catch (e) {
      const found = conflictsOfError(e);
      if (found) setConflicts(found);
      else notifyError(e);
      return false;
    } finally {
      setPending(false);
    }
  };
  const add = async () => {
    const v = await form.validateFields();
    if (await act(() => api.post(`/groups/${group.id}/members`, v), "已加入本组")) form.resetFields();
  };

  return (
    <Modal
      open={open}
      title={`编辑${group.name}成员`}
      footer={null}
      onCancel={onClose}
      destroyOnHidden
      width={640}
    >
      <RecusalConflictList conflicts={conflicts} />
      <List
        size="small"
        dataSource={group.members}
        renderItem={(m) => (
          <List.Item
            actions={[
              <Select
                key="role"
                size="small"
                value={m.role}
                options={roleOptions}
                disabled={pending || m.role === "leader"}
                aria-label={`${m.name}的角色`}
                onChange={(role) =>
                  act(() => api.patch(`/groups/${group.id}/members/${m.personId}`, { role }), "角色已调整")
                }
                style={{ width: 96 }}
              />,
              <Popconfirm
                key="remove"
                title={`将${m.name}移出本组？`}
                okText="移出"
                cancelText="取消"
                disabled={m.role === "leader"}
                onConfirm={() =>
                  act(() => api.delete(`/groups/${group.id}/members/${m.personId}`), `${m.name}已移出本组`)
                }
              >
                <Button
                  size="small"
                  type="text"
                  danger
                  icon={<DeleteOutlined />}
                  disabled={m.role === "leader"}
                  aria-label={`移出${m.name}`}
                />
              </Popconfirm>,
            ]}
          >
            <Space wrap>
              {m.name}
              {group.branchSecretaryId === m.personId ? (
                <Tag color="red">临时党支部书记</Tag>
              ) : (
                <Button
                  size="small"
                  type="link"
                  disabled={pending}
                  onClick={() =>
                    act(
                      () => api.patch(`/groups/${group.id}/branch-secretary`, { personId: m.personId }),
                      `${m.name}任临时党支部书记`,
                    )
                  }
                >
                  设为支部书记
                </Button>
              )}
            </Space>
          </List.Item>
        )}
      />
      <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>
        组长不能直接移出；将另一名成员设为组长后，原组长改任副组长。
      </Typography.Paragraph>
      <Form form={form} layout="vertical" initialValues={{ role: "member" }}>
        <Form.Item name="personId" label="加入人员" rules={[{ required: true, message: "请选择人员" }]}>
          <Select
            showSearch={{ optionFilterProp: "label" }}
            loading={people.loading}
            options={candidates}
            placeholder="从组长库、人才库选择"
          />
        </Form.Item>
        <Form.Item name="role" label="角色">
          <Select options={roleOptions} />
        </Form.Item>
        <Button type="primary" onClick={add} loading={pending}>
          加入本组
        </Button>
      </Form>
    </Modal>
  );
}
