import { TIP_CIPHER_LABELS, TIP_FILE_LIMIT_BOUNDS } from "@xuncha/domain/model";
import { Alert, Card, Form, InputNumber, Radio, Space, Tag, Typography } from "antd";
import { useEffect, useState } from "react";
import { api } from "../../app/api-client";
import { notifySuccess } from "../../app/notify";
import { useAction, useRequest } from "../../app/use-request";
import { LoadError } from "../../components/load-error";
import { SaveButtons } from "../../components/save-buttons";
import { useUnsavedPrompt } from "../../components/use-unsaved-prompt";
import {
  DEFAULT_UPLOAD_LIMIT_MB,
  TIP_LIMIT_LABELS,
  TIP_LIMIT_UNITS,
  type TipCipher,
  type TipLimitKey,
  type TipSettings,
  type TipSettingsDraft,
  tipSettingErrors,
  tipSettingWarnings,
} from "./tip-settings";

interface Setting<T> {
  key: string;
  label: string;
  value: T;
  isDefault: boolean;
}

const KEY = "/committee-settings/tips";

const CIPHER_OPTIONS = (Object.keys(TIP_CIPHER_LABELS) as TipCipher[]).map((value) => ({
  value,
  label: TIP_CIPHER_LABELS[value],
}));

/** What each limit means to the office, in the order the form shows them. */
const LIMIT_HELP: Record<TipLimitKey, string> = {
  maxFiles:
    "举报人在“码上巡察”页面每次提交（首次举报，或凭查询码补充情况）最多可上传的照片、视频、PDF 或 Word、Excel、PowerPoint 文件个数；工作人员登记来信、来电、来访举报时同样适用。设为 0 则不接受附件。",
  maxFileMb: `每个附件的大小上限，超过的附件不能提交；视频通常较大，可适当放宽。附件同时受系统上传上限约束（部署时设定，默认 ${DEFAULT_UPLOAD_LIMIT_MB} MB）。`,
  maxTotalMb: "一次提交的全部附件大小之和的上限，防止一次上传过多内容。",
};

/** Shown while the form has unsaved edits; only then, since the router keeps one prompt at a time. */
function UnsavedPrompt() {
  useUnsavedPrompt(true, "信访举报设置的修改尚未保存，确定离开此页面吗？");
  return null;
}

/**
 * 信访举报设置 (the committee setting `tips`): the cipher of new tips and the attachment limits of the
 * public form, edited by the office and read by the leading group.
 */
export function TipSettingsCard({ editable }: { editable: boolean }) {
  const setting = useRequest<Setting<TipSettings>>(KEY);
  const [draft, setDraft] = useState<TipSettingsDraft>();
  const { run, pending } = useAction();
  useEffect(() => setDraft(setting.data ? { ...setting.data.value } : undefined), [setting.data]);
  if (setting.error) return <LoadError error={setting.error} onRetry={setting.reload} />;

  const saved = setting.data?.value;
  const dirty =
    !!draft && !!saved && (Object.keys(saved) as (keyof TipSettings)[]).some((k) => draft[k] !== saved[k]);
  const errors = draft ? tipSettingErrors(draft) : {};
  const valid = Object.keys(errors).length === 0;
  const warnings = draft && valid ? tipSettingWarnings(draft as TipSettings) : [];

  const save = async (value: TipSettings | null) => {
    const result = await run(() => api.put<Setting<TipSettings>>(KEY, { value }));
    if (result.ok) {
      notifySuccess(value ? "信访举报设置已保存" : "已恢复默认的信访举报设置");
      setting.setData(result.value);
    }
  };

  return (
    <Card
      size="small"
      title="信访举报设置"
      loading={!draft}
      extra={setting.data?.isDefault ? <Tag>默认</Tag> : <Tag color="blue">本级设置</Tag>}
    >
      {editable && dirty && !pending && <UnsavedPrompt />}
      {draft && (
        <Space orientation="vertical" size={12} style={{ width: "100%" }}>
          <Typography.Text type="secondary">
            以下设置适用于本级各轮次的“码上巡察”举报页面和工作人员登记的举报，保存后立即生效。防止恶意提交的频率限制和验证由系统统一设定，不在此调整。
          </Typography.Text>
          <Form layout="vertical" disabled={!editable} style={{ maxWidth: 720 }}>
            <Form.Item
              label="加密算法"
              validateStatus={errors.cipher ? "error" : undefined}
              help={errors.cipher}
              extra="新收到的举报，其内容、附件和举报人信息按此算法加密保存；已收到的举报保持原来的算法，照常查看。SM4 为国家商用密码算法，无特殊要求请保持默认。"
            >
              <Radio.Group
                value={draft.cipher}
                options={CIPHER_OPTIONS}
                onChange={(e) => setDraft({ ...draft, cipher: e.target.value as TipCipher })}
                aria-label="加密算法"
              />
            </Form.Item>
            {(Object.keys(TIP_FILE_LIMIT_BOUNDS) as TipLimitKey[]).map((key) => {
              const { min, max } = TIP_FILE_LIMIT_BOUNDS[key];
              return (
                <Form.Item
                  key={key}
                  label={TIP_LIMIT_LABELS[key]}
                  htmlFor={`tip-setting-${key}`}
                  validateStatus={errors[key] ? "error" : undefined}
                  help={errors[key]}
                  extra={`${LIMIT_HELP[key]}（可设 ${min} 至 ${max} ${TIP_LIMIT_UNITS[key]}）`}
                >
                  <Space.Compact>
                    <InputNumber
                      id={`tip-setting-${key}`}
                      value={draft[key]}
                      step={1}
                      onChange={(n) => setDraft({ ...draft, [key]: typeof n === "number" ? n : null })}
                      style={{ width: 120 }}
                    />
                    <Space.Addon>{TIP_LIMIT_UNITS[key]}</Space.Addon>
                  </Space.Compact>
                </Form.Item>
              );
            })}
          </Form>
          {editable && warnings.length > 0 && (
            <Alert
              type="warning"
              showIcon
              title="请注意"
              description={
                <ul style={{ margin: 0, paddingInlineStart: 20 }}>
                  {warnings.map((w) => (
                    <li key={w}>{w}</li>
                  ))}
                </ul>
              }
            />
          )}
          {editable && (
            <SaveButtons
              pending={pending}
              valid={valid}
              dirty={dirty}
              isDefault={setting.data?.isDefault}
              onSave={() => save(draft as TipSettings)}
              onDiscard={() => setDraft(saved && { ...saved })}
              restoreTitle="恢复默认的信访举报设置？"
              restoreContent="本级对加密算法和附件限制的修改将被放弃，恢复为系统默认值。"
              onRestore={() => save(null)}
            />
          )}
        </Space>
      )}
    </Card>
  );
}
