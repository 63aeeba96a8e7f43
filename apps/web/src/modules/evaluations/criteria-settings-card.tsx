import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined, PlusOutlined } from "@ant-design/icons";
import { Alert, Button, Card, Input, InputNumber, Select, Space, Table, Tag, Typography } from "antd";
import type { ColumnsType } from "antd/es/table";
import { useEffect, useState } from "react";
import { api } from "../../app/api-client";
import { notifySuccess } from "../../app/notify";
import { useAction, useRequest } from "../../app/use-request";
import { LoadError } from "../../components/load-error";
import { SaveButtons } from "../../components/save-buttons";
import { useUnsavedPrompt } from "../../components/use-unsaved-prompt";
import {
  type ConductQuestion,
  type Criterion,
  criteriaProblems,
  EVALUATION_FACT_LABELS,
  type EvaluationCriteria,
  freshCode,
} from "./api";

interface Setting<T> {
  key: string;
  label: string;
  value: T;
  isDefault: boolean;
}

const KEY = "/committee-settings/groupEvaluationCriteria";
const FACT_OPTIONS = Object.entries(EVALUATION_FACT_LABELS).map(([value, label]) => ({ value, label }));
const GRADES = ["优秀", "良好", "一般"] as const;

function moved<T>(list: T[], index: number, by: -1 | 1): T[] {
  if (index + by < 0 || index + by >= list.length) return list;
  const next = [...list];
  [next[index], next[index + by]] = [next[index + by]!, next[index]!];
  return next;
}

function RowActions({
  onUp,
  onDown,
  onDelete,
  what,
}: {
  onUp: () => void;
  onDown: () => void;
  onDelete: () => void;
  what: string;
}) {
  return (
    <Space size={0}>
      <Button size="small" type="text" icon={<ArrowUpOutlined />} aria-label={`上移${what}`} onClick={onUp} />
      <Button
        size="small"
        type="text"
        icon={<ArrowDownOutlined />}
        aria-label={`下移${what}`}
        onClick={onDown}
      />
      <Button
        size="small"
        type="text"
        danger
        icon={<DeleteOutlined />}
        aria-label={`删除${what}`}
        onClick={onDelete}
      />
    </Space>
  );
}

/** 一巡一评评价标准: the criteria and their full scores, the grade thresholds and the conduct questions. */
export function CriteriaSettingsCard({ editable }: { editable: boolean }) {
  const setting = useRequest<Setting<EvaluationCriteria>>(KEY);
  const [value, setValue] = useState<EvaluationCriteria>();
  const { run, pending } = useAction();
  useEffect(() => setValue(setting.data ? structuredClone(setting.data.value) : undefined), [setting.data]);
  const dirty = !!value && !!setting.data && JSON.stringify(value) !== JSON.stringify(setting.data.value);
  useUnsavedPrompt(dirty && !pending, "一巡一评评价标准的修改尚未保存，确定离开此页面吗？");
  if (setting.error) return <LoadError error={setting.error} onRetry={setting.reload} />;

  const problems = value ? criteriaProblems(value) : [];
  const maxTotal = value?.criteria.reduce((s, c) => s + (Number(c.max) || 0), 0) ?? 0;
  const setCriterion = (index: number, patch: Partial<Criterion>) =>
    setValue(
      (v) => v && { ...v, criteria: v.criteria.map((c, i) => (i === index ? { ...c, ...patch } : c)) },
    );
  const setQuestion = (index: number, patch: Partial<ConductQuestion>) =>
    setValue(
      (v) =>
        v && {
          ...v,
          conductQuestions: v.conductQuestions.map((q, i) => (i === index ? { ...q, ...patch } : q)),
        },
    );
  const save = async (body: EvaluationCriteria | null) => {
    const clean = body && {
      ...body,
      criteria: body.criteria.map((c) => ({
        ...c,
        code: c.code.trim(),
        title: c.title.trim(),
        hint: c.hint.trim(),
      })),
      conductQuestions: body.conductQuestions.map((q) => ({ code: q.code.trim(), title: q.title.trim() })),
    };
    const result = await run(() => api.put<Setting<EvaluationCriteria>>(KEY, { value: clean }));
    if (result.ok) {
      notifySuccess(body ? "一巡一评评价标准已保存" : "已恢复默认评价标准");
      setting.setData(result.value);
    }
  };

  const criterionColumns: ColumnsType<Criterion & { index: number }> = [
    {
      title: "编码",
      key: "code",
      render: (_, c) => (
        <Input
          value={c.code}
          disabled={!editable}
          maxLength={40}
          onChange={(e) => setCriterion(c.index, { code: e.target.value })}
          style={{ width: 130 }}
          aria-label={`第 ${c.index + 1} 个评价项目的编码`}
        />
      ),
    },
    {
      title: "评价项目",
      key: "title",
      render: (_, c) => (
        <Input
          value={c.title}
          disabled={!editable}
          maxLength={50}
          status={c.title.trim() ? undefined : "error"}
          placeholder="如：发现问题"
          onChange={(e) => setCriterion(c.index, { title: e.target.value })}
          style={{ width: 160 }}
          aria-label={`第 ${c.index + 1} 个评价项目的名称`}
        />
      ),
    },
    {
      title: "满分",
      key: "max",
      render: (_, c) => (
        <InputNumber
          value={c.max}
          disabled={!editable}
          min={0}
          max={1000}
          status={c.max > 0 ? undefined : "error"}
          onChange={(v) => setCriterion(c.index, { max: v ?? 0 })}
          style={{ width: 90 }}
          aria-label={`第 ${c.index + 1} 个评价项目的满分`}
        />
      ),
    },
    {
      title: "评分说明",
      key: "hint",
      render: (_, c) => (
        <Input
          value={c.hint}
          disabled={!editable}
          maxLength={200}
          onChange={(e) => setCriterion(c.index, { hint: e.target.value })}
          style={{ width: 280 }}
          aria-label={`第 ${c.index + 1} 个评价项目的说明`}
        />
      ),
    },
    {
      title: "参考数据",
      key: "fact",
      render: (_, c) => (
        <Select
          value={c.fact}
          disabled={!editable}
          options={FACT_OPTIONS}
          onChange={(fact) => setCriterion(c.index, { fact })}
          style={{ width: 170 }}
          aria-label={`第 ${c.index + 1} 个评价项目的参考数据`}
        />
      ),
    },
    ...(editable
      ? [
          {
            title: "操作",
            key: "actions",
            render: (_: unknown, c: Criterion & { index: number }) => (
              <RowActions
                what="评价项目"
                onUp={() => setValue((v) => v && { ...v, criteria: moved(v.criteria, c.index, -1) })}
                onDown={() => setValue((v) => v && { ...v, criteria: moved(v.criteria, c.index, 1) })}
                onDelete={() =>
                  setValue((v) => v && { ...v, criteria: v.criteria.filter((_, i) => i !== c.index) })
                }
              />
            ),
          },
        ]
      : []),
  ];
  const questionColumns: ColumnsType<ConductQuestion & { index: number }> = [
    { title: "序号", key: "n", width: 60, render: (_, q) => q.index + 1 },
    {
      title: "编码",
      key: "code",
      render: (_, q) => (
        <Input
          value={q.code}
          disabled={!editable}
          maxLength={40}
          onChange={(e) => setQuestion(q.index, { code: e.target.value })}
          style={{ width: 130 }}
          aria-label={`第 ${q.index + 1} 个作风评价问题的编码`}
        />
      ),
    },
    {
      title: "问题（被巡察单位按 1—5 分评价）",
      key: "title",
      render: (_, q) => (
        <Input
          value={q.title}
          disabled={!editable}
          maxLength={100}
          status={q.title.trim() ? undefined : "error"}
          onChange={(e) => setQuestion(q.index, { title: e.target.value })}
          style={{ width: 420 }}
          aria-label={`第 ${q.index + 1} 个作风评价问题`}
        />
      ),
    },
    ...(editable
      ? [
          {
            title: "操作",
            key: "actions",
            render: (_: unknown, q: ConductQuestion & { index: number }) => (
              <RowActions
                what="问题"
                onUp={() =>
                  setValue((v) => v && { ...v, conductQuestions: moved(v.conductQuestions, q.index, -1) })
                }
                onDown={() =>
                  setValue((v) => v && { ...v, conductQuestions: moved(v.conductQuestions, q.index, 1) })
                }
                onDelete={() =>
                  setValue(
                    (v) =>
                      v && { ...v, conductQuestions: v.conductQuestions.filter((_, i) => i !== q.index) },
                  )
                }
              />
            ),
          },
        ]
      : []),
  ];

  return (
    <Card
      size="small"
      title="一巡一评评价标准"
      loading={!value}
      extra={setting.data?.isDefault ? <Tag>默认</Tag> : <Tag color="blue">本级设置</Tag>}
    >
      {value && (
        <Space orientation="vertical" size={12} style={{ width: "100%" }}>
          <Typography.Text strong>
            评价项目（{value.criteria.length} 项，满分合计 {maxTotal} 分）
          </Typography.Text>
          <Table
            rowKey="index"
            size="small"
            columns={criterionColumns}
            dataSource={value.criteria.map((c, index) => ({ ...c, index }))}
            pagination={false}
            scroll={{ x: "max-content" }}
          />
          {editable && (
            <Button
              icon={<PlusOutlined />}
              disabled={value.criteria.length >= 20}
              onClick={() =>
                setValue(
                  (v) =>
                    v && {
                      ...v,
                      criteria: [
                        ...v.criteria,
                        { code: freshCode("item", v.criteria), title: "", max: 10, hint: "", fact: "none" },
                      ],
                    },
                )
              }
            >
              新增评价项目
            </Button>
          )}

          <Typography.Text strong>等次（得分占满分的比例）</Typography.Text>
          <Space wrap size={[16, 8]}>
            {GRADES.map((g) => (
              <Space.Compact key={g}>
                <Space.Addon>{g} ≥</Space.Addon>
                <InputNumber
                  value={value.thresholds[g]}
                  disabled={!editable}
                  min={0}
                  max={100}
                  onChange={(n) =>
                    setValue((v) => v && { ...v, thresholds: { ...v.thresholds, [g]: n ?? 0 } })
                  }
                  style={{ width: 80 }}
                  aria-label={`${g}分数线（%）`}
                />
                <Space.Addon>%</Space.Addon>
              </Space.Compact>
            ))}
            <Typography.Text type="secondary">低于“一般”为“较差”</Typography.Text>
          </Space>

          <Typography.Text strong>
            作风评价问卷（{value.conductQuestions.length} 个问题，应为 5 至 8 个）
          </Typography.Text>
          <Table
            rowKey="index"
            size="small"
            columns={questionColumns}
            dataSource={value.conductQuestions.map((q, index) => ({ ...q, index }))}
            pagination={false}
            scroll={{ x: "max-content" }}
          />
          {editable && (
            <Button
              icon={<PlusOutlined />}
              disabled={value.conductQuestions.length >= 8}
              onClick={() =>
                setValue(
                  (v) =>
                    v && {
                      ...v,
                      conductQuestions: [
                        ...v.conductQuestions,
                        { code: freshCode("q", v.conductQuestions), title: "" },
                      ],
                    },
                )
              }
            >
              新增问题
            </Button>
          )}

          {editable && problems.length > 0 && (
            <Alert
              type="error"
              showIcon
              title="请先修改以下内容再保存"
              description={
                <ul style={{ margin: 0, paddingInlineStart: 20 }}>
                  {problems.map((p) => (
                    <li key={p}>{p}</li>
                  ))}
                </ul>
              }
            />
          )}
          {editable && (
            <SaveButtons
              pending={pending}
              valid={problems.length === 0}
              dirty={dirty}
              isDefault={setting.data?.isDefault}
              saveText="保存评价标准"
              onSave={() => save(value)}
              onDiscard={() => setValue(setting.data && structuredClone(setting.data.value))}
              restoreTitle="恢复默认评价标准？"
              restoreContent="本级对评价项目、等次和作风评价问题的修改将被放弃；已完成的评价保留原有得分。"
              onRestore={() => save(null)}
            />
          )}
          <Typography.Text type="secondary">
            评价标准用于此后的一巡一评打分和作风评价问卷；已保存的评价保留当时的评价项目和得分。
          </Typography.Text>
        </Space>
      )}
    </Card>
  );
}
