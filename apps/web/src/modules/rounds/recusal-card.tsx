import { Button, Card, Form, Input, List, Modal, Select, Tag, Typography } from "antd";
import { useState } from "react";
import { api } from "../../app/api-client";
import { notifySuccess } from "../../app/notify";
import { asPaged, type Paged } from "../../app/paged";
import { useAction, useRequest } from "../../app/use-request";
import { LoadError } from "../../components/load-error";
import type { Person } from "../personnel/api";
import { TargetPicker } from "../targets/target-picker";
import type { RecusalConflict, RoundRecusal } from "./group-api";

interface OverrideForm {
  personId: string;
  targetIds: string[];
  reason: string;
}

/**
 * The round's recusal picture (office and leading group): conflicts between each group's people and
 * its targets, and the leading group's recorded consents. The leading group records a consent with a
 * reason for a person and a target (e.g. after the office's save was refused).
 */
export function RecusalCard({ roundId }: { roundId: string }) {
  const view = useRequest<RoundRecusal>(`/rounds/${roundId}/recusal`);
  const canOverride = view.data?.abilities.override ?? false;
  const people = useRequest<Paged<Person> | Person[]>(canOverride ? "/people" : null, { pageSize: 200 });
  const [form] = Form.useForm<OverrideForm>();
  const [open, setOpen] = useState(false);
  const [checked, setChecked] = useState<RecusalConflict[] | null>(null);
  const { run, pending } = useAction();

  if (view.error) return <LoadError error={view.error} onRetry={view.reload} />;
  const data = view.data;

  const check = async () => {
    const v = form.getFieldsValue();
    if (!v.personId || !v.targetIds?.length) return setChecked(null);
    const r = await run(() =>
      api.post<{ conflicts: RecusalConflict[] }>(`/rounds/${roundId}/recusal-check`, {
        members: [{ personId: v.personId }],
        targetIds: v.targetIds,
      }),
    );
    if (r.ok) setChecked(r.value.conflicts);
  };
  const submit = async () => {
    const v = await form.validateFields();
    const result = await run(() =>
      api.post(`/rounds/${roundId}/recusal-overrides`, {
        personId: v.personId,
        targetId: v.targetIds[0],
        reason: v.reason.trim(),
      }),
    );
    if (result.ok) {
      notifySuccess("已记录领导小组同意意见");
      setOpen(false);
      setChecked(null);
      view.reload();
    }
  };
  const start = (c?: RecusalConflict) => {
    form.resetFields();
    if (c) form.setFieldsValue({ personId: c.personId, targetIds: [c.targetId] });
    setChecked(c ? [c] : null);
    setOpen(true);
  };

  return (
    <Card
      size="small"
      title="回避情况"
      loading={view.loading && !data}
      extra={
        canOverride && (
          <Button size="small" onClick={() => start()}>
            记录同意意见
          </Button>
        )
      }
    >
      {data && data.conflicts.length === 0 && data.overrides.length === 0 && (
        <Typography.Text type="secondary">本轮各巡察组成员与其巡察对象之间未发现回避情形。</Typography.Text>
      )}
      {data && data.conflicts.length > 0 && (
        <List
          size="small"
          dataSource={data.conflicts}
          renderItem={(c) => (
            <List.Item
              actions={
                canOverride && !c.overridden
                  ? [
                      <Button key="o" size="small" type="link" onClick={() => start(c)}>
                        同意
                      </Button>,
                    ]
                  : []
              }
            >
              <div>
                <Typography.Text strong>{c.personName}</Typography.Text> — {c.targetName}：{c.reason}{" "}
                {c.overridden ? <Tag color="gold">领导小组已同意</Tag> : <Tag color="red">未处理</Tag>}
              </div>
            </List.Item>
          )}
        />
      )}
      {data && data.overrides.length > 0 && (
        <>
          <Typography.Text type="secondary">领导小组同意意见</Typography.Text>
          <List
            size="small"
            dataSource={data.overrides}
            renderItem={(o) => (
              <List.Item>
                <div>
                  <Typography.Text strong>{o.personName}</Typography.Text> — {o.targetName}
                  <div>
                    <Typography.Text type="secondary">
                      情形：{o.conflicts.map((c) => c.reason).join("；")}
                    </Typography.Text>
                  </div>
                  <div>理由：{o.reason}</div>
                </div>
              </List.Item>
            )}
          />
        </>
      )}
      <Modal
        open={open}
        title="领导小组同意存在回避情形的安排"
        okText="记录同意"
        onOk={submit}
        confirmLoading={pending}
        onCancel={() => setOpen(false)}
        destroyOnHidden
      >
        <Form form={form} layout="vertical" onValuesChange={() => void check()}>
          <Form.Item name="personId" label="人员" rules={[{ required: true, message: "请选择人员" }]}>
            <Select
              showSearch={{ optionFilterProp: "label" }}
              loading={people.loading}
              placeholder="输入姓名搜索"
              options={asPaged(people.data).items.map((p) => ({
                value: p.id,
                label: `${p.name}${p.unit ? `（${p.unit}）` : ""}`,
              }))}
            />
          </Form.Item>
          <Form.Item
            name="targetIds"
            label="巡察对象"
            rules={[{ required: true, message: "请选择巡察对象" }]}
          >
            <TargetPicker multiple={false} />
          </Form.Item>
          {checked && (
            <Typography.Paragraph type={checked.length ? "danger" : "secondary"}>
              {checked.length
                ? `回避情形：${checked.map((c) => c.reason).join("；")}`
                : "二者之间没有回避情形，无需同意。"}
            </Typography.Paragraph>
          )}
          <Form.Item
            name="reason"
            label="同意理由"
            rules={[{ required: true, whitespace: true, message: "请填写同意理由" }]}
          >
            <Input.TextArea
              rows={3}
              maxLength={500}
              showCount
              placeholder="如：经领导小组会议研究，该同志已调离该单位多年、不涉及相关工作，同意其参加"
            />
          </Form.Item>
        </Form>
      </Modal>
    </Card>
  );
}
