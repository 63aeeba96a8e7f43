import { COMPLETIONS, type Completion } from "@xuncha/domain/model";
import { Button, Card, Empty, Input, Radio, Space, Typography } from "antd";
import { useEffect, useMemo, useState } from "react";
import { api } from "../../app/api-client";
import { formatDate } from "../../app/format";
import { notifySuccess } from "../../app/notify";
import { useAction } from "../../app/use-request";
import { useUnsavedPrompt } from "../../components/use-unsaved-prompt";
import type { TaskRow } from "./plan-lists";
import type { GatheredOpinions, ReportDraft, ReportEntry } from "./review-api";
import { formatFieldValue } from "./review-diff";
import { MeasureOpinions } from "./review-tags";

const emptyEntry = (): ReportEntry => ({ progress: "", completion: "unfinished" });

/** The entries to edit: one per measure of the plan, the saved ones first filled in. */
function entriesFor(draft: ReportDraft, tasks: readonly TaskRow[]): Record<string, ReportEntry> {
  return Object.fromEntries(tasks.map((t) => [t.id, draft.entries[t.id] ?? emptyEntry()]));
}

/**
 * A progress or final report: the report's text, then per measure of the plan its progress and
 * completion (未完成 / 基本完成 / 已完成). Saved as the subject's draft; read-only once submitted.
 */
export function ReportEditor({
  subjectId,
  draft,
  tasks,
  editable,
  gathered,
  onSaved,
}: {
  subjectId: string;
  draft: ReportDraft;
  tasks: readonly TaskRow[];
  editable: boolean;
  gathered: GatheredOpinions | null;
  onSaved: () => void;
}) {
  const initial = useMemo(() => ({ text: draft.text, entries: entriesFor(draft, tasks) }), [draft, tasks]);
  const [value, setValue] = useState(initial);
  useEffect(() => setValue(initial), [initial]);
  const dirty = JSON.stringify(value) !== JSON.stringify(initial);
  useUnsavedPrompt(editable && dirty);
  const { run, pending } = useAction();

  const setEntry = (id: string, patch: Partial<ReportEntry>) =>
    setValue((v) => ({
      ...v,
      entries: { ...v.entries, [id]: { ...(v.entries[id] ?? emptyEntry()), ...patch } },
    }));
  const save = async () => {
    const entries = Object.fromEntries(
      Object.entries(value.entries).map(([id, e]) => [
        id,
        { progress: e.progress.trim(), completion: e.completion },
      ]),
    );
    const result = await run(() =>
      api.put(`/rectification/subjects/${subjectId}/draft`, { text: value.text.trim(), entries }),
    );
    if (result.ok) {
      notifySuccess("报告已保存");
      onSaved();
    }
  };

  return (
    <Space orientation="vertical" size={12} style={{ width: "100%" }}>
      <Card size="small" title="报告正文">
        {editable ? (
          <Input.TextArea
            aria-label="报告正文"
            value={value.text}
            onChange={(e) => setValue((v) => ({ ...v, text: e.target.value }))}
            autoSize={{ minRows: 6, maxRows: 20 }}
            maxLength={50000}
            placeholder="整改工作的总体情况：组织推进、取得的成效、存在的不足和下一步打算"
          />
        ) : (
          <Typography.Paragraph className="xc-pre" style={{ marginBottom: 0 }}>
            {value.text || "（未填写）"}
          </Typography.Paragraph>
        )}
      </Card>
      {tasks.length === 0 && (
        <Card>
          <Empty description="整改方案中还没有措施" />
        </Card>
      )}
      {tasks.map((t) => {
        const entry = value.entries[t.id] ?? emptyEntry();
        return (
          <Card key={t.id} size="small" data-testid="report-entry" title={t.label}>
            <Typography.Paragraph className="xc-pre" style={{ marginBottom: 4 }}>
              {t.content}
            </Typography.Paragraph>
            <Typography.Paragraph type="secondary">
              责任人 {t.responsiblePerson || "—"} · 时限 {formatDate(t.deadline)}
            </Typography.Paragraph>
            {editable ? (
              <Space orientation="vertical" style={{ width: "100%" }}>
                <Radio.Group
                  optionType="button"
                  buttonStyle="solid"
                  value={entry.completion}
                  onChange={(e) => setEntry(t.id, { completion: e.target.value as Completion })}
                  options={COMPLETIONS.keys.map((k) => ({ value: k, label: COMPLETIONS.labels[k] }))}
                />
                <Input.TextArea
                  aria-label={`${t.label} 进展情况`}
                  value={entry.progress}
                  onChange={(e) => setEntry(t.id, { progress: e.target.value })}
                  autoSize={{ minRows: 2, maxRows: 10 }}
                  maxLength={20000}
                  placeholder="进展情况"
                />
              </Space>
            ) : (
              <div>
                <Typography.Text strong>{formatFieldValue("completion", entry.completion)}</Typography.Text>
                <div className="xc-pre">{entry.progress || "（未填写进展）"}</div>
              </div>
            )}
            <MeasureOpinions gathered={gathered} measureId={t.id} />
          </Card>
        );
      })}
      {editable && (
        <Button type="primary" ghost loading={pending} disabled={!dirty} onClick={save} block>
          保存报告
        </Button>
      )}
    </Space>
  );
}
