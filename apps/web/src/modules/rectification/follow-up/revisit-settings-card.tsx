import { Card, Form, InputNumber, Space, Tag, Typography } from "antd";
import { useEffect, useState } from "react";
import { api } from "../../../app/api-client";
import { notifySuccess } from "../../../app/notify";
import { useAction, useRequest } from "../../../app/use-request";
import { LoadError } from "../../../components/load-error";
import { SaveButtons } from "../../../components/save-buttons";

/** GET/PUT /api/committee-settings/rectification.revisits */
export interface RevisitSetting {
  minimum: number;
  spacingDays: number;
  dueWithinDays: number;
}
interface Setting {
  value: RevisitSetting;
  isDefault: boolean;
}

const KEY = "/committee-settings/rectification.revisits";
const FIELDS: { name: keyof RevisitSetting; label: string; min: number; max: number; suffix: string }[] = [
  { name: "minimum", label: "每个单位至少回访", min: 1, max: 12, suffix: "次" },
  { name: "spacingDays", label: "两次回访间隔", min: 7, max: 365, suffix: "天" },
  { name: "dueWithinDays", label: "提前提示", min: 0, max: 90, suffix: "天" },
];

/** What keeps the setting from being saved, as the server's schema judges it. */
export function revisitSettingErrors(v: Partial<Record<keyof RevisitSetting, number | null>>) {
  const errors: Partial<Record<keyof RevisitSetting, string>> = {};
  for (const f of FIELDS) {
    const n = v[f.name];
    if (typeof n !== "number" || !Number.isInteger(n) || n < f.min || n > f.max)
      errors[f.name] = `须为 ${f.min} 至 ${f.max} 之间的整数`;
  }
  return errors;
}

/** 回访督查 setting (rectification.revisits): how many revisits, how far apart; office edits, leading group reads. */
export function RevisitSettingsCard({ editable }: { editable: boolean }) {
  const setting = useRequest<Setting>(KEY);
  const [draft, setDraft] = useState<Partial<Record<keyof RevisitSetting, number | null>>>();
  const { run, pending } = useAction();
  useEffect(() => setDraft(setting.data ? { ...setting.data.value } : undefined), [setting.data]);
  if (setting.error) return <LoadError error={setting.error} onRetry={setting.reload} />;
  const saved = setting.data?.value;
  const errors = draft ? revisitSettingErrors(draft) : {};
  const dirty = !!draft && !!saved && FIELDS.some((f) => draft[f.name] !== saved[f.name]);
  const save = async (value: RevisitSetting | null) => {
    const result = await run(() => api.put<Setting>(KEY, { value }));
    if (result.ok) {
      notifySuccess(value ? "回访督查设置已保存" : "已恢复默认的回访督查设置");
      setting.setData(result.value);
    }
  };
  return (
    <Card
      size="small"
      title="回访督查"
      loading={!draft}
      extra={setting.data?.isDefault ? <Tag>默认</Tag> : <Tag color="blue">本级设置</Tag>}
    >
      {draft && (
        <Space orientation="vertical" size={12} style={{ width: "100%" }}>
          <Typography.Text type="secondary">
            集中整改期结束后，巡察办会同纪委监委、组织部对被巡察单位回访督查。“计划回访督查”按此处的次数和间隔补足计划；临近计划日期的回访提示为即将到期。
          </Typography.Text>
          <Form layout="inline" disabled={!editable}>
            {FIELDS.map((f) => (
              <Form.Item
                key={f.name}
                label={f.label}
                validateStatus={errors[f.name] ? "error" : undefined}
                help={errors[f.name]}
              >
                <InputNumber
                  aria-label={f.label}
                  value={draft[f.name]}
                  step={1}
                  onChange={(n) => setDraft({ ...draft, [f.name]: typeof n === "number" ? n : null })}
                  addonAfter={f.suffix}
                  style={{ width: 140 }}
                />
              </Form.Item>
            ))}
          </Form>
          {editable && (
            <SaveButtons
              pending={pending}
              valid={Object.keys(errors).length === 0}
              dirty={dirty}
              isDefault={setting.data?.isDefault}
              onSave={() => save(draft as RevisitSetting)}
              onDiscard={() => setDraft(saved && { ...saved })}
              restoreTitle="恢复默认的回访督查设置？"
              restoreContent="将恢复为每个单位至少回访 3 次、间隔 90 天、提前 14 天提示；已计划的回访不变。"
              onRestore={() => save(null)}
            />
          )}
        </Space>
      )}
    </Card>
  );
}
