import { BulbOutlined } from "@ant-design/icons";
import { GROUP_ROLE_LABELS } from "@xuncha/domain/model";
import { Alert, Button, Form, List, Modal, Select, Space, Tag, Typography } from "antd";
import { useEffect, useRef, useState } from "react";
import { api } from "../../app/api-client";
import { notifyError, notifySuccess } from "../../app/notify";
import { asPaged, type Paged } from "../../app/paged";
import { useRequest } from "../../app/use-request";
import { type Person, POOL_LABELS } from "../personnel/api";
import { TargetPicker } from "../targets/target-picker";
import { conflictsOfError, type RecusalConflict, type Suggestions } from "./group-api";
import { type GroupForm, membersOf } from "./group-members";
import { RecusalConflictList } from "./recusal-conflicts";

type FormValues = GroupForm & { targetIds?: string[]; branchSecretaryId?: string };

/**
 * Office: form a group of the round from the pools ("一轮一组建"): one leader (组长库), deputies,
 * members and liaison (人才库), optionally its targets; recusal is checked as people and targets are
 * chosen, suggestions fill the expertise the group lacks, and a refused save lists each conflict.
 */
export function GroupFormModal({
  roundId,
  open,
  taken = [],
  onClose,
  onCreated,
}: {
  roundId: string;
  open: boolean;
  /** Targets already given to other groups of the round. */
  taken?: string[];
  onClose: () => void;
  onCreated: () => void;
}) {
  const [form] = Form.useForm<FormValues>();
  const people = useRequest<Paged<Person> | Person[]>(open ? "/people" : null, {
    pageSize: 200,
    available: "true",
  });
  const [pending, setPending] = useState(false);
  const [conflicts, setConflicts] = useState<RecusalConflict[]>([]);
  const [suggestions, setSuggestions] = useState<Suggestions | null>(null);
  const [suggesting, setSuggesting] = useState(false);
  const top = useRef<HTMLDivElement>(null);
  const all = asPaged(people.data).items.filter((p) => p.available !== false);
  const values = Form.useWatch([], form) as FormValues | undefined;
  const members = values ? membersOf(values) : [];
  const targetIds = values?.targetIds ?? [];
  const checkKey = JSON.stringify([members, targetIds]);

  // Check recusal as the choice changes (the server checks again on save).
  // biome-ignore lint/correctness/useExhaustiveDependencies: checkKey captures members and targets
  useEffect(() => {
    if (!open || !members.length || !targetIds.length) {
      setConflicts([]);
      return;
    }
    const timer = setTimeout(() => {
      api
        .post<{ conflicts: RecusalConflict[] }>(`/rounds/${roundId}/recusal-check`, { members, targetIds })
        .then((r) => setConflicts(r.conflicts))
        .catch(() => setConflicts([]));
    }, 300);
    return () => clearTimeout(timer);
  }, [checkKey, open, roundId]);

  const chosenElsewhere = (field: keyof GroupForm) => {
    const ids = new Set<string>();
    for (const key of ["leader", "deputies", "members", "liaisons"] as const) {
      if (key === field) continue;
      const v = values?.[key];
      for (const id of Array.isArray(v) ? v : v ? [v] : []) ids.add(id);
    }
    return ids;
  };
  const label = (p: Person) =>
    `${p.name}（${POOL_LABELS[p.pool] ?? p.pool}${p.unit ? ` · ${p.unit}` : ""}${
      p.expertise?.length ? ` · ${p.expertise.join("、")}` : ""
    }）`;
  const options = (field: keyof GroupForm, pool?: Person["pool"], only = false) => {
    const taken = chosenElsewhere(field);
    return all
      .filter((p) => !taken.has(p.id) && (!only || p.pool === pool))
      .sort((a, b) => (pool ? Number(b.pool === pool) - Number(a.pool === pool) : 0))
      .map((p) => ({ value: p.id, label: label(p) }));
  };

  const suggest = async () => {
    setSuggesting(true);
    try {
      setSuggestions(await api.post<Suggestions>(`/rounds/${roundId}/suggestions`, { members, targetIds }));
    } catch (e) {
      notifyError(e);
    } finally {
      setSuggesting(false);
    }
  };
  const addMember = (personId: string) => {
    form.setFieldValue("members", [...(values?.members ?? []), personId]);
    setSuggestions((s) => s && { ...s, suggestions: s.suggestions.filter((x) => x.personId !== personId) });
  };

  const submit = async () => {
    const v = await form.validateFields();
    setPending(true);
    try {
      await api.post(`/rounds/${roundId}/groups`, {
        members: membersOf(v),
        ...(v.targetIds?.length ? { targetIds: v.targetIds } : {}),
        ...(v.branchSecretaryId ? { branchSecretaryId: v.branchSecretaryId } : {}),
      });
      notifySuccess("巡察组已组建");
      form.resetFields();
      setSuggestions(null);
      onCreated();
    } catch (e) {
      const found = conflictsOfError(e);
      if (found) {
        setConflicts(found);
        // The list sits at the top of the form: bring it into view.
        top.current?.scrollIntoView({ behavior: "smooth", block: "start" });
      } else notifyError(e);
    } finally {
      setPending(false);
    }
  };
  const openConflicts = conflicts.filter((c) => !c.overridden).length;
  const select = {
    showSearch: { optionFilterProp: "label" },
    loading: people.loading,
    style: { width: "100%" },
  };
  const secretaryOptions = members.map((m) => ({
    value: m.personId,
    label: `${all.find((p) => p.id === m.personId)?.name ?? ""}（${GROUP_ROLE_LABELS[m.role]}）`,
  }));

  return (
    <Modal
      open={open}
      title="组建巡察组"
      okText="组建"
      onOk={submit}
      confirmLoading={pending}
      onCancel={onClose}
      destroyOnHidden
      width={720}
      footer={(_, { OkBtn, CancelBtn }) => (
        <Space wrap style={{ justifyContent: "flex-end" }}>
          {openConflicts > 0 && (
            <Typography.Text type="danger">有 {openConflicts} 处回避情形（见上方），不能组建</Typography.Text>
          )}
          <CancelBtn />
          <OkBtn />
        </Space>
      )}
    >
      <div ref={top} />
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 16 }}
        title="组长从组长库选取，组员从人才库按专长选取；选定巡察对象后系统自动核查回避情形。"
      />
      <RecusalConflictList conflicts={conflicts} />
      <Form form={form} layout="vertical">
        <Form.Item
          name="leader"
          label={GROUP_ROLE_LABELS.leader}
          rules={[{ required: true, message: "请选择组长" }]}
          extra="组长须在组长库中。"
        >
          <Select {...select} options={options("leader", "leader", true)} placeholder="选择组长" />
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
        <Form.Item
          name="targetIds"
          label="巡察对象（可稍后分配）"
          extra="已分配给本轮其他巡察组的对象不在列表中。"
        >
          <TargetPicker exclude={taken} />
        </Form.Item>
        <Form.Item name="branchSecretaryId" label="临时党支部书记" extra="不选则由组长担任。">
          <Select allowClear options={secretaryOptions} placeholder="默认：组长" style={{ width: "100%" }} />
        </Form.Item>
      </Form>
      <Space orientation="vertical" style={{ width: "100%" }}>
        <Button icon={<BulbOutlined />} onClick={suggest} loading={suggesting}>
          推荐组员（按专长互补、无回避）
        </Button>
        {suggestions && (
          <>
            <Typography.Text type="secondary">
              {suggestions.lacking.length
                ? `本组尚缺专长：${suggestions.lacking.join("、")}`
                : "本组核心专长（纪检、组织、财会、审计、政法）已齐备"}
            </Typography.Text>
            <List
              size="small"
              bordered
              locale={{ emptyText: "人才库中没有可推荐的人员" }}
              dataSource={suggestions.suggestions}
              renderItem={(s) => (
                <List.Item
                  actions={[
                    <Button key="add" size="small" type="link" onClick={() => addMember(s.personId)}>
                      加入组员
                    </Button>,
                  ]}
                >
                  <List.Item.Meta
                    title={
                      <Space wrap size={4}>
                        {s.name}
                        {s.expertise.map((e) => (
                          <Tag key={e} color={s.brings.includes(e) ? "green" : "default"}>
                            {e}
                          </Tag>
                        ))}
                      </Space>
                    }
                    description={s.reason}
                  />
                </List.Item>
              )}
            />
            {suggestions.conflicted.length > 0 && (
              <Typography.Text type="secondary">
                因回避未推荐：
                {suggestions.conflicted.map((c) => `${c.name}（${c.conflicts.join("；")}）`).join("，")}
              </Typography.Text>
            )}
          </>
        )}
      </Space>
    </Modal>
  );
}
