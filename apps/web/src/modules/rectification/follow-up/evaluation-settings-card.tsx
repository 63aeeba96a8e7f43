import { DeleteOutlined, PlusOutlined } from "@ant-design/icons";
import { Alert, Button, Card, Input, InputNumber, Space, Tag, Typography } from "antd";
import { useEffect, useState } from "react";
import { api } from "../../../app/api-client";
import { notifySuccess } from "../../../app/notify";
import { useAction, useRequest } from "../../../app/use-request";
import { LoadError } from "../../../components/load-error";
import { SaveButtons } from "../../../components/save-buttons";

/** GET/PUT /api/committee-settings/rectification.evaluation */
export interface EvaluationSetting {
  criteria: { key: string; label: string; weight: number }[];
  thresholds: { 好: number; 较好: number; 一般: number };
}
type Draft = {
  criteria: { key: string; label: string; weight: number | null }[];
  thresholds: { 好: number | null; 较好: number | null; 一般: number | null };
};

const KEY = "/committee-settings/rectification.evaluation";
const GRADES = ["好", "较好", "一般"] as const;

/** What keeps the criteria from being saved, as the server's schema judges them. */
export function evaluationSettingErrors(d: Draft): string[] {
  const errors: string[] = [];
  if (d.criteria.length === 0) errors.push("至少设置一个评估项目");
  if (d.criteria.some((c) => !c.label.trim())) errors.push("请填写每个评估项目的名称");
  if (d.criteria.some((c) => typeof c.weight !== "number" || !Number.isInteger(c.weight) || c.weight < 1))
    errors.push("权重须为大于 0 的整数");
  const sum = d.criteria.reduce((s, c) => s + (c.weight ?? 0), 0);
  if (sum !== 100) errors.push(`权重之和须为 100（当前为 ${sum}）`);
  const t = d.thresholds;
  if (GRADES.some((g) => typeof t[g] !== "number" || t[g]! < 0 || t[g]! > 100))
    errors.push("分数线须在 0 到 100 之间");
  else if (!(t.好! > t.较好! && t.较好! > t.一般!)) errors.push("等次分数线须满足：好 > 较好 > 一般");
  return errors;
}

const nextKey = (criteria: Draft["criteria"]) => {
  let n = criteria.length + 1;
  while (criteria.some((c) => c.key === `item${n}`)) n++;
  return `item${n}`;
};

/** 整改成效评估标准 (rectification.evaluation): weighted criteria and grade lines; the office edits, the leading group reads. */
export function EvaluationSettingsCard({ editable }: { editable: boolean }) {
  const setting = useRequest<{ value: EvaluationSetting; isDefault: boolean }>(KEY);
  const [draft, setDraft] = useState<Draft>();
  const { run, pending } = useAction();
  useEffect(() => setDraft(setting.data ? structuredClone(setting.data.value) : undefined), [setting.data]);
  if (setting.error) return <LoadError error={setting.error} onRetry={setting.reload} />;
  const errors = draft ? evaluationSettingErrors(draft) : [];
  const dirty = !!draft && !!setting.data && JSON.stringify(draft) !== JSON.stringify(setting.data.value);
  const save = async (value: EvaluationSetting | null) => {
    const result = await run(() => api.put<{ value: EvaluationSetting; isDefault: boolean }>(KEY, { value }));
    if (result.ok) {
      notifySuccess(value ? "整改成效评估标准已保存" : "已恢复默认的评估标准");
      setting.setData(result.value);
    }
  };
  const setCriterion = (i: number, patch: Partial<Draft["criteria"][number]>) =>
    draft &&
    setDraft({ ...draft, criteria: draft.criteria.map((c, j) => (j === i ? { ...c, ...patch } : c)) });
  return (
    <Card
      size="small"
      title="整改成效评估标准"
      loading={!draft}
      extra={setting.data?.isDefault ? <Tag>默认</Tag> : <Tag color="blue">本级设置</Tag>}
    >
      {draft && (
        <Space orientation="vertical" size={12} style={{ width: "100%" }}>
          <Typography.Text type="secondary">
            巡察办对每个被巡察单位按以下项目评分（各项满分 100
            分），按权重加权得出总分并评定等次。已评定的结果不随标准修改而改变，重新评分时按新标准计算。
          </Typography.Text>
          {draft.criteria.map((c, i) => (
            <Space key={c.key} wrap>
              <Input
                aria-label={`评估项目${i + 1}`}
                value={c.label}
                maxLength={50}
                disabled={!editable}
                onChange={(e) => setCriterion(i, { label: e.target.value })}
                style={{ width: 220 }}
              />
              <InputNumber
                aria-label={`评估项目${i + 1}的权重`}
                value={c.weight}
                min={1}
                max={100}
                step={1}
                disabled={!editable}
                addonAfter="%"
                onChange={(n) => setCriterion(i, { weight: typeof n === "number" ? n : null })}
                style={{ width: 120 }}
              />
              {editable && (
                <Button
                  aria-label={`删除评估项目${i + 1}`}
                  icon={<DeleteOutlined />}
                  disabled={draft.criteria.length === 1}
                  onClick={() => setDraft({ ...draft, criteria: draft.criteria.filter((_, j) => j !== i) })}
                />
              )}
            </Space>
          ))}
          {editable && (
            <Button
              icon={<PlusOutlined />}
              disabled={draft.criteria.length >= 20}
              onClick={() =>
                setDraft({
                  ...draft,
                  criteria: [...draft.criteria, { key: nextKey(draft.criteria), label: "", weight: null }],
                })
              }
            >
              增加评估项目
            </Button>
          )}
          <Space wrap>
            {GRADES.map((g) => (
              <Space key={g} size={4}>
                <span>{g} ≥</span>
                <InputNumber
                  aria-label={`${g}的分数线`}
                  value={draft.thresholds[g]}
                  min={0}
                  max={100}
                  disabled={!editable}
                  onChange={(n) =>
                    setDraft({
                      ...draft,
                      thresholds: { ...draft.thresholds, [g]: typeof n === "number" ? n : null },
                    })
                  }
                  style={{ width: 90 }}
                />
              </Space>
            ))}
            <span>其余为差</span>
          </Space>
          {errors.length > 0 && <Alert type="warning" showIcon title={errors.join("；")} />}
          {editable && (
            <SaveButtons
              pending={pending}
              valid={errors.length === 0}
              dirty={dirty}
              isDefault={setting.data?.isDefault}
              onSave={() => save(draft as EvaluationSetting)}
              onDiscard={() => setDraft(setting.data && structuredClone(setting.data.value))}
              restoreTitle="恢复默认的评估标准？"
              restoreContent="将恢复为整改责任落实、整改措施、整改成效、建章立制、群众满意度五项及默认权重和分数线。"
              onRestore={() => save(null)}
            />
          )}
        </Space>
      )}
    </Card>
  );
}
