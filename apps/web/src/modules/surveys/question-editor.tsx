import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined, PlusOutlined } from "@ant-design/icons";
import { Button, Card, Input, Select, Space, Switch, Typography } from "antd";
import { KIND_LABELS, type QuestionKind, type SurveyQuestion } from "./api";

const SCALE_PRESETS: { label: string; options: string[] }[] = [
  { label: "好 / 较好 / 一般 / 差", options: ["好", "较好", "一般", "差"] },
  { label: "满意 / 基本满意 / 不满意 / 不了解", options: ["满意", "基本满意", "不满意", "不了解"] },
  { label: "5 / 4 / 3 / 2 / 1 分", options: ["5", "4", "3", "2", "1"] },
];

/** A fresh id not used by the other questions (q1, q2 …); ids key the answers, so they never change. */
export function nextQuestionId(questions: SurveyQuestion[]) {
  let n = questions.length + 1;
  const used = new Set(questions.map((q) => q.id));
  while (used.has(`q${n}`)) n++;
  return `q${n}`;
}

export function newQuestion(questions: SurveyQuestion[], kind: QuestionKind = "scale"): SurveyQuestion {
  return {
    id: nextQuestionId(questions),
    kind,
    title: "",
    required: kind !== "text" && kind !== "multiple",
    options: kind === "text" ? [] : kind === "scale" ? [...SCALE_PRESETS[0]!.options] : ["", ""],
  };
}

/** Problems the server would refuse, shown before saving. */
export function questionProblems(questions: SurveyQuestion[]): string[] {
  const problems: string[] = [];
  if (!questions.length) problems.push("问卷至少要有一道题");
  questions.forEach((q, i) => {
    const n = i + 1;
    if (!q.title.trim()) problems.push(`第 ${n} 题没有题目`);
    if (q.kind !== "text") {
      const opts = q.options.map((o) => o.trim());
      if (opts.length < 2) problems.push(`第 ${n} 题至少要有 2 个选项`);
      if (opts.some((o) => !o)) problems.push(`第 ${n} 题有空白选项`);
      const filled = opts.filter(Boolean);
      if (new Set(filled).size !== filled.length) problems.push(`第 ${n} 题有重复的选项`);
    }
  });
  return problems;
}

/** Builds a questionnaire's questions: kind, title, required, options; reorder and remove. */
export function QuestionEditor({
  value,
  onChange,
}: {
  value: SurveyQuestion[];
  onChange: (next: SurveyQuestion[]) => void;
}) {
  const set = (i: number, patch: Partial<SurveyQuestion>) =>
    onChange(value.map((q, j) => (j === i ? { ...q, ...patch } : q)));
  const move = (i: number, d: -1 | 1) => {
    const next = [...value];
    const [q] = next.splice(i, 1);
    next.splice(i + d, 0, q!);
    onChange(next);
  };
  return (
    <Space orientation="vertical" style={{ width: "100%" }} size={12}>
      {value.map((q, i) => (
        <Card
          key={q.id}
          size="small"
          title={`第 ${i + 1} 题`}
          extra={
            <Space size={0}>
              <Button
                type="text"
                size="small"
                icon={<ArrowUpOutlined />}
                disabled={i === 0}
                onClick={() => move(i, -1)}
                aria-label="上移"
              />
              <Button
                type="text"
                size="small"
                icon={<ArrowDownOutlined />}
                disabled={i === value.length - 1}
                onClick={() => move(i, 1)}
                aria-label="下移"
              />
              <Button
                type="text"
                size="small"
                danger
                icon={<DeleteOutlined />}
                onClick={() => onChange(value.filter((_, j) => j !== i))}
                aria-label="删除"
              />
            </Space>
          }
        >
          <Space orientation="vertical" style={{ width: "100%" }}>
            <Space wrap>
              <Select<QuestionKind>
                value={q.kind}
                style={{ width: 110 }}
                aria-label="题型"
                options={(Object.keys(KIND_LABELS) as QuestionKind[]).map((k) => ({
                  value: k,
                  label: KIND_LABELS[k],
                }))}
                onChange={(kind) => {
                  const fresh = newQuestion(value, kind);
                  set(i, {
                    kind,
                    options:
                      kind === "text"
                        ? []
                        : q.kind === "text" || (kind === "scale") !== (q.kind === "scale")
                          ? fresh.options
                          : q.options,
                  });
                }}
              />
              <Space size={4}>
                <Switch size="small" checked={q.required} onChange={(required) => set(i, { required })} />
                <Typography.Text>必答</Typography.Text>
              </Space>
            </Space>
            <Input.TextArea
              value={q.title}
              autoSize={{ minRows: 1, maxRows: 4 }}
              maxLength={500}
              placeholder="题目"
              aria-label={`第 ${i + 1} 题题目`}
              onChange={(e) => set(i, { title: e.target.value })}
            />
            {q.kind === "scale" && (
              <Select
                placeholder="选用常用量表"
                style={{ width: "100%" }}
                value={null}
                options={SCALE_PRESETS.map((p, k) => ({ value: k, label: p.label }))}
                onChange={(k: number) => set(i, { options: [...SCALE_PRESETS[k]!.options] })}
              />
            )}
            {q.kind !== "text" &&
              q.options.map((o, k) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: options are plain texts being edited; the position is their identity
                <Space.Compact key={`${q.id}-${k}`} style={{ width: "100%" }}>
                  <Input
                    value={o}
                    maxLength={200}
                    prefix={<Typography.Text type="secondary">{k + 1}.</Typography.Text>}
                    placeholder={q.kind === "scale" ? "量表等级（好的在前）" : "选项"}
                    onChange={(e) =>
                      set(i, { options: q.options.map((x, j) => (j === k ? e.target.value : x)) })
                    }
                  />
                  <Button
                    icon={<DeleteOutlined />}
                    disabled={q.options.length <= 2}
                    onClick={() => set(i, { options: q.options.filter((_, j) => j !== k) })}
                    aria-label="删除选项"
                  />
                </Space.Compact>
              ))}
            {q.kind !== "text" && q.options.length < 20 && (
              <Button
                type="dashed"
                size="small"
                icon={<PlusOutlined />}
                onClick={() => set(i, { options: [...q.options, ""] })}
              >
                添加选项
              </Button>
            )}
          </Space>
        </Card>
      ))}
      <Space wrap>
        {(Object.keys(KIND_LABELS) as QuestionKind[]).map((k) => (
          <Button key={k} icon={<PlusOutlined />} onClick={() => onChange([...value, newQuestion(value, k)])}>
            {KIND_LABELS[k]}
          </Button>
        ))}
      </Space>
    </Space>
  );
}
