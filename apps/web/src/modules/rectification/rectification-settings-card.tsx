import {
  ESCALATION_STEP_LABELS,
  type EscalationStep,
  REQUIRED_REVIEW_PARTY,
  REVIEW_PARTIES,
  REVIEW_PARTY_LABELS,
  type ReviewParty,
} from "@xuncha/domain/model";
import { Alert, Card, Checkbox, Form, InputNumber, Space, Switch, Tag, Typography } from "antd";
import { useEffect, useState } from "react";
import { api } from "../../app/api-client";
import { notifySuccess } from "../../app/notify";
import { useAction, useRequest } from "../../app/use-request";
import { LoadError } from "../../components/load-error";
import { SaveButtons } from "../../components/save-buttons";
import { useUnsavedPrompt } from "../../components/use-unsaved-prompt";
import { EvaluationSettingsCard } from "./follow-up/evaluation-settings-card";
import { RevisitSettingsCard } from "./follow-up/revisit-settings-card";
import {
  type EscalationDraft,
  type EscalationLadder,
  escalationErrors,
  escalationPreview,
  type JointReviewSettings,
  jointReviewErrors,
  orderParties,
  STEP_DAYS,
  STEP_VERBS,
  sameLadder,
  sameParties,
  stepDays,
} from "./rectification-settings";

interface Setting<T> {
  key: string;
  label: string;
  value: T;
  isDefault: boolean;
}

const PARTIES_KEY = "/committee-settings/rectification.jointReview";
const LADDER_KEY = "/committee-settings/rectification.escalation";

/** What each party reviews for, as the office explains it. */
const PARTY_HELP: Record<ReviewParty, string> = {
  office: "组织联审，汇总各方意见（必选）",
  disciplineCommission: "审核涉及违纪违法问题和问题线索的整改",
  organizationDept: "审核涉及领导班子、干部队伍和基层党组织建设问题的整改",
  group: "审核整改是否对应反馈的问题",
};

/** How each step's days read: the words before the number, and what the number means. */
const STEP_DAYS_TEXT: Record<EscalationStep, [string, string]> = {
  reminder: ["期限前", "0 为期限当天；"],
  urgingLetter: ["逾期第", "1 为期限次日；"],
  summons: ["上一步后", ""],
  circulation: ["上一步后", ""],
  accountability: ["上一步后", ""],
};

/** Shown while a form has unsaved edits; only then, since the router keeps one prompt at a time. */
function UnsavedPrompt() {
  useUnsavedPrompt(true, "整改督办设置的修改尚未保存，确定离开此页面吗？");
  return null;
}

const settingTag = (isDefault: boolean | undefined) =>
  isDefault ? <Tag>默认</Tag> : <Tag color="blue">本级设置</Tag>;

function JointReviewCard({ editable, onDirty }: { editable: boolean; onDirty: (dirty: boolean) => void }) {
  const setting = useRequest<Setting<JointReviewSettings>>(PARTIES_KEY);
  const [draft, setDraft] = useState<ReviewParty[]>();
  const { run, pending } = useAction();
  useEffect(() => setDraft(setting.data ? [...setting.data.value.parties] : undefined), [setting.data]);
  const saved = setting.data?.value.parties;
  const dirty = !!draft && !!saved && !sameParties(draft, saved);
  useEffect(() => onDirty(editable && dirty && !pending), [onDirty, editable, dirty, pending]);
  if (setting.error) return <LoadError error={setting.error} onRetry={setting.reload} />;

  const error = draft ? jointReviewErrors(draft) : undefined;
  const save = async (value: JointReviewSettings | null) => {
    const result = await run(() => api.put<Setting<JointReviewSettings>>(PARTIES_KEY, { value }));
    if (result.ok) {
      notifySuccess(value ? "联审审核方已保存" : "已恢复默认的联审审核方");
      setting.setData(result.value);
    }
  };
  const name = draft && (["", "", "两方联审", "三方联审", "四方联审"][draft.length] || "联审");

  return (
    <Card size="small" title="整改联审审核方" loading={!draft} extra={settingTag(setting.data?.isDefault)}>
      {draft && (
        <Space orientation="vertical" size={12} style={{ width: "100%" }}>
          <Typography.Text type="secondary">
            被巡察党组织报送的整改方案、整改进展情况报告和整改情况报告，由以下各方同时审核，每一方对每项措施和报告整体给出通过或退回意见；各方均审核后，有退回意见的统一退回修改。修改后只影响此后报送的版本，已报送的版本仍由报送时的审核方审核。
          </Typography.Text>
          <Form layout="vertical" disabled={!editable} style={{ maxWidth: 720 }}>
            <Form.Item
              label={`审核方（当前为${name}）`}
              validateStatus={error ? "error" : undefined}
              help={error}
              extra="至少选择两方，巡察办必选。"
            >
              <Checkbox.Group
                value={draft}
                onChange={(v) => setDraft(orderParties(v as ReviewParty[]))}
                aria-label="审核方"
              >
                <Space orientation="vertical" size={4}>
                  {REVIEW_PARTIES.map((p) => (
                    <Checkbox
                      key={p}
                      value={p}
                      // the office always reviews: it cannot be unticked (but can be ticked if missing); an
                      // explicit `disabled` overrides the form's, so read-only is repeated here
                      disabled={!editable || (p === REQUIRED_REVIEW_PARTY && draft.includes(p))}
                    >
                      {REVIEW_PARTY_LABELS[p]}
                      <Typography.Text type="secondary" style={{ marginInlineStart: 8 }}>
                        {PARTY_HELP[p]}
                      </Typography.Text>
                    </Checkbox>
                  ))}
                </Space>
              </Checkbox.Group>
            </Form.Item>
          </Form>
          {editable && (
            <SaveButtons
              pending={pending}
              valid={!error}
              dirty={dirty}
              isDefault={setting.data?.isDefault}
              onSave={() => save({ parties: draft })}
              onDiscard={() => setDraft(saved && [...saved])}
              restoreTitle="恢复默认的联审审核方？"
              restoreContent="将恢复为巡察办、纪委监委、组织部、巡察组四方联审；已报送的版本仍由报送时的审核方审核。"
              onRestore={() => save(null)}
            />
          )}
        </Space>
      )}
    </Card>
  );
}

function EscalationCard({ editable, onDirty }: { editable: boolean; onDirty: (dirty: boolean) => void }) {
  const setting = useRequest<Setting<EscalationLadder>>(LADDER_KEY);
  const [draft, setDraft] = useState<EscalationDraft>();
  const { run, pending } = useAction();
  useEffect(() => setDraft(setting.data ? structuredClone(setting.data.value) : undefined), [setting.data]);
  const saved = setting.data?.value;
  const dirty = !!draft && !!saved && !sameLadder(draft, saved);
  useEffect(() => onDirty(editable && dirty && !pending), [onDirty, editable, dirty, pending]);
  if (setting.error) return <LoadError error={setting.error} onRetry={setting.reload} />;

  const errors = draft ? escalationErrors(draft) : {};
  const valid = Object.keys(errors).length === 0;
  const save = async (value: EscalationLadder | null) => {
    const result = await run(() => api.put<Setting<EscalationLadder>>(LADDER_KEY, { value }));
    if (result.ok) {
      notifySuccess(value ? "督办设置已保存" : "已恢复默认的督办设置");
      setting.setData(result.value);
    }
  };
  const setDays = (step: EscalationStep, n: number | null) =>
    draft && setDraft({ ...draft, [step]: { ...draft[step], [STEP_DAYS[step].field]: n } });
  const setEnabled = (step: Exclude<EscalationStep, "urgingLetter">, enabled: boolean) =>
    draft && setDraft({ ...draft, [step]: { ...draft[step], enabled } });

  return (
    <Card size="small" title="督办阶梯" loading={!draft} extra={settingTag(setting.data?.isDefault)}>
      {draft && (
        <Space orientation="vertical" size={12} style={{ width: "100%" }}>
          <Typography.Text type="secondary">
            整改方案、整改情况报告和每项整改措施各按自己的期限逐级督办：期限前提醒，逾期后依次发督办函、约谈、通报、提出问责建议。每一级只采取一次，后一级从上一级实际采取之日起算，不会跳级；整改完成后不再督办。关闭的环节跳过，下一环节从上一个已采取的环节起算；督办函不能关闭。
          </Typography.Text>
          <Form layout="vertical" disabled={!editable} style={{ maxWidth: 720 }}>
            {(Object.keys(STEP_DAYS) as EscalationStep[]).map((step) => {
              const { min, max } = STEP_DAYS[step];
              const [before, hint] = STEP_DAYS_TEXT[step];
              const after = `天${step === "reminder" ? "起" : ""}${STEP_VERBS[step]}`;
              const rule = draft[step];
              const switchable = "enabled" in rule;
              const id = `escalation-${step}`;
              return (
                <Form.Item
                  key={step}
                  label={
                    <Space size={8}>
                      <span>{ESCALATION_STEP_LABELS[step]}</span>
                      {switchable ? (
                        <Switch
                          size="small"
                          checked={rule.enabled}
                          onChange={(on) => setEnabled(step as Exclude<EscalationStep, "urgingLetter">, on)}
                          aria-label={`启用${ESCALATION_STEP_LABELS[step]}`}
                          checkedChildren="启用"
                          unCheckedChildren="关闭"
                        />
                      ) : (
                        <Tag>必经</Tag>
                      )}
                    </Space>
                  }
                  htmlFor={id}
                  validateStatus={errors[step] ? "error" : undefined}
                  help={errors[step]}
                  extra={`${hint}可设 ${min} 至 ${max} 天${switchable && !rule.enabled ? "；已关闭，此环节不采取" : ""}`}
                >
                  <Space wrap size={8} align="center">
                    <span>{before}</span>
                    <InputNumber
                      id={id}
                      value={stepDays(draft, step)}
                      step={1}
                      onChange={(n) => setDays(step, typeof n === "number" ? n : null)}
                      style={{ width: 96 }}
                    />
                    <span>{after}</span>
                  </Space>
                </Form.Item>
              );
            })}
          </Form>
          <Alert
            type={valid ? "info" : "warning"}
            showIcon
            title="督办顺序"
            description={valid ? escalationPreview(draft as EscalationLadder) : "请先更正上面标红的天数。"}
          />
          {editable && (
            <SaveButtons
              pending={pending}
              valid={valid}
              dirty={dirty}
              isDefault={setting.data?.isDefault}
              onSave={() => save(draft as EscalationLadder)}
              onDiscard={() => setDraft(saved && structuredClone(saved))}
              restoreTitle="恢复默认的督办设置？"
              restoreContent="本级对督办环节和天数的修改将被放弃，恢复为系统默认值；已采取的督办环节保留。"
              onRestore={() => save(null)}
            />
          )}
        </Space>
      )}
    </Card>
  );
}

/**
 * 整改督办 settings (`rectification.jointReview` and `rectification.escalation`): who reviews the
 * rectification plans and reports, and the escalation ladder for late rectification; edited by the
 * office and read by the leading group.
 */
export function RectificationSettingsCard({ editable }: { editable: boolean }) {
  const [partiesDirty, setPartiesDirty] = useState(false);
  const [ladderDirty, setLadderDirty] = useState(false);
  return (
    <Space orientation="vertical" size={16} style={{ width: "100%" }}>
      {(partiesDirty || ladderDirty) && <UnsavedPrompt />}
      <JointReviewCard editable={editable} onDirty={setPartiesDirty} />
      <EscalationCard editable={editable} onDirty={setLadderDirty} />
      <RevisitSettingsCard editable={editable} />
      <EvaluationSettingsCard editable={editable} />
    </Space>
  );
}
