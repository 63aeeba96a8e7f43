import { EXPERTISE_TAGS } from "@xuncha/domain/model";
import {
  Alert,
  Button,
  Collapse,
  Descriptions,
  Form,
  InputNumber,
  List,
  Modal,
  Select,
  Space,
  Tag,
  Typography,
} from "antd";
import { useState } from "react";
import { api } from "../../app/api-client";
import { notifyError, notifySuccess } from "../../app/notify";
import type { Group } from "./api";
import { conflictsOfError, type Draw, type DrawReplay, type RecusalConflict } from "./group-api";
import { RecusalConflictList } from "./recusal-conflicts";

interface DrawForm {
  pool: "leader" | "talent";
  count: number;
  expertise?: string[];
}

/**
 * Office: random draw (随机抽取) of N people for a group from a pool. The seed, the candidates (in
 * id order) and who was left out and why are shown and recorded; 复核 replays the draw from its
 * record. The picks are a proposal: 加入本组 adds each one (recusal checked again).
 */
export function DrawModal({
  roundId,
  group,
  onClose,
  onChanged,
}: {
  roundId: string;
  group: Group | null;
  onClose: () => void;
  onChanged: () => void;
}) {
  const [form] = Form.useForm<DrawForm>();
  const [draw, setDraw] = useState<Draw | null>(null);
  const [replay, setReplay] = useState<DrawReplay["replay"] | null>(null);
  const [added, setAdded] = useState<string[]>([]);
  const [conflicts, setConflicts] = useState<RecusalConflict[]>([]);
  const [pending, setPending] = useState(false);
  if (!group) return null;

  const close = () => {
    setDraw(null);
    setReplay(null);
    setAdded([]);
    setConflicts([]);
    onClose();
  };
  const run = async () => {
    const v = await form.validateFields();
    setPending(true);
    try {
      setDraw(await api.post<Draw>(`/rounds/${roundId}/draws`, { ...v, groupId: group.id }));
      setReplay(null);
      setAdded([]);
    } catch (e) {
      notifyError(e);
    } finally {
      setPending(false);
    }
  };
  const check = async () => {
    if (!draw) return;
    try {
      setReplay((await api.get<DrawReplay>(`/draws/${draw.id}/replay`)).replay);
    } catch (e) {
      notifyError(e);
    }
  };
  const add = async (personId: string, name: string) => {
    const role = draw?.pool === "leader" ? "deputy" : "member";
    try {
      await api.post(`/groups/${group.id}/members`, { personId, role });
      setAdded((a) => [...a, personId]);
      setConflicts([]);
      notifySuccess(`${name}已加入${group.name}`);
      onChanged();
    } catch (e) {
      const found = conflictsOfError(e);
      if (found) setConflicts(found);
      else notifyError(e);
    }
  };

  return (
    <Modal open title={`随机抽取：${group.name}`} footer={null} onCancel={close} destroyOnHidden width={680}>
      <Form form={form} layout="vertical" initialValues={{ pool: "talent", count: 1 }}>
        <Space wrap align="end">
          <Form.Item name="pool" label="人员库">
            <Select
              style={{ width: 120 }}
              options={[
                { value: "talent", label: "人才库" },
                { value: "leader", label: "组长库" },
              ]}
            />
          </Form.Item>
          <Form.Item name="count" label="抽取人数" rules={[{ required: true, message: "请填写人数" }]}>
            <InputNumber min={1} max={30} />
          </Form.Item>
          <Form.Item name="expertise" label="所需专长（具备其一）">
            <Select
              mode="tags"
              style={{ minWidth: 200 }}
              options={EXPERTISE_TAGS.map((t) => ({ value: t, label: t }))}
              placeholder="不限"
            />
          </Form.Item>
          <Form.Item>
            <Button type="primary" onClick={run} loading={pending}>
              抽取
            </Button>
          </Form.Item>
        </Space>
      </Form>
      <RecusalConflictList conflicts={conflicts} />
      {draw && (
        <>
          <Descriptions
            size="small"
            column={1}
            bordered
            items={[
              {
                key: "seed",
                label: "随机种子",
                children: (
                  <Typography.Text code copyable>
                    {draw.seed}
                  </Typography.Text>
                ),
              },
              {
                key: "n",
                label: "候选人数",
                children: `${draw.candidates.length} 人（按编号排序），抽取 ${draw.count} 人`,
              },
            ]}
          />
          <List
            style={{ marginTop: 12 }}
            size="small"
            bordered
            header={<Typography.Text strong>抽中人员（建议，须加入本组后生效）</Typography.Text>}
            dataSource={draw.picked}
            renderItem={(p) => (
              <List.Item
                actions={[
                  added.includes(p.personId) ? (
                    <Tag key="done" color="green">
                      已加入
                    </Tag>
                  ) : (
                    <Button key="add" size="small" type="link" onClick={() => add(p.personId, p.name)}>
                      加入本组
                    </Button>
                  ),
                ]}
              >
                {p.name}
              </List.Item>
            )}
          />
          <Space style={{ marginTop: 12 }} wrap>
            <Button onClick={check}>复核抽取结果</Button>
            {replay && (
              <Alert
                type={replay.matches ? "success" : "error"}
                showIcon
                title={replay.matches ? "按记录的种子和候选名单重放，结果一致" : "重放结果与记录不一致"}
              />
            )}
          </Space>
          <Collapse
            style={{ marginTop: 12 }}
            size="small"
            items={[
              {
                key: "candidates",
                label: `候选名单（${draw.candidates.length} 人）`,
                children: draw.candidates.map((c) => c.name).join("、") || "无",
              },
              {
                key: "excluded",
                label: `未列入候选（${draw.excluded.length} 人）`,
                children: (
                  <List
                    size="small"
                    dataSource={draw.excluded}
                    renderItem={(e) => (
                      <List.Item>
                        {e.name}：{e.reasons.join("；")}
                      </List.Item>
                    )}
                  />
                ),
              },
            ]}
          />
        </>
      )}
    </Modal>
  );
}
