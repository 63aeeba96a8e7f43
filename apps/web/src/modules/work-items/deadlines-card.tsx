import { Button, Card, Space, Tag, Typography } from "antd";
import { useEffect, useState } from "react";
import { api } from "../../app/api-client";
import { notifySuccess } from "../../app/notify";
import { useAction, useRequest } from "../../app/use-request";
import { LoadError } from "../../components/load-error";
import { DEADLINE_LABELS, type DeadlineKey, type Deadlines, type Setting } from "./api";
import { PeriodInput } from "./period-editors";

/** The committee's deadlines (LIFECYCLE.md defaults) from which work items get their due dates. */
export function DeadlinesCard({ editable }: { editable: boolean }) {
  const setting = useRequest<Setting<Deadlines>>("/committee-settings/deadlines");
  const [value, setValue] = useState<Deadlines>();
  const { run, pending } = useAction();
  useEffect(() => setValue(setting.data?.value), [setting.data]);
  if (setting.error) return <LoadError error={setting.error} onRetry={setting.reload} />;
  const save = async (body: Deadlines | null) => {
    const result = await run(() =>
      api.put<Setting<Deadlines>>("/committee-settings/deadlines", { value: body }),
    );
    if (result.ok) {
      notifySuccess(body ? "工作时限已保存" : "已恢复默认工作时限");
      setting.setData(result.value);
    }
  };
  return (
    <Card
      size="small"
      title="工作时限"
      loading={!value}
      extra={setting.data?.isDefault ? <Tag>默认</Tag> : <Tag color="blue">本级设置</Tag>}
    >
      {value && (
        <Space orientation="vertical" style={{ width: "100%" }}>
          {(Object.keys(DEADLINE_LABELS) as DeadlineKey[]).map((k) => (
            <div key={k} style={{ display: "flex", flexWrap: "wrap", alignItems: "center", gap: 8 }}>
              <span style={{ minWidth: 220 }}>{DEADLINE_LABELS[k]}</span>
              <PeriodInput
                value={value[k]}
                disabled={!editable}
                onChange={(p) => setValue({ ...value, [k]: p })}
              />
            </div>
          ))}
          {editable && (
            <Space>
              <Button type="primary" loading={pending} onClick={() => save(value)}>
                保存
              </Button>
              <Button disabled={pending || setting.data?.isDefault} onClick={() => save(null)}>
                恢复默认
              </Button>
            </Space>
          )}
          <Typography.Text type="secondary">
            事项的期限按这些时限从轮次日期、反馈日期或线索移交日期推算；修改后，进行中轮次的未完成事项随之更新。
          </Typography.Text>
        </Space>
      )}
    </Card>
  );
}
