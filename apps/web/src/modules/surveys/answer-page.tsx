import { Alert, Button, Card, Checkbox, Form, Input, Radio, Result, Space, Typography } from "antd";
import { useState } from "react";
import { api } from "../../app/api-client";
import { ApiError } from "../../app/api-error";
import { OneTimeCodeForm } from "../../components/one-time-code-form";
import type { SurveyQuestion } from "./api";

interface Opened {
  committeeName: string;
  targetName: string;
  title: string;
  intro: string;
  closesOn: string;
  questions: SurveyQuestion[];
}

type Answer = number | number[] | string | undefined;

const errorText = (e: unknown) => (e instanceof ApiError ? e.message : "网络异常，请稍后重试");

/** The problems the server listed per question, shown under each question. */
function problemsOf(e: unknown): Record<string, string> {
  if (!(e instanceof ApiError) || e.code !== "survey.answers_invalid") return {};
  const details = e.details as { problems?: { questionId: string; message: string }[] } | undefined;
  return Object.fromEntries((details?.problems ?? []).map((p) => [p.questionId, p.message]));
}

const optionStyle = { display: "flex", padding: "10px 12px", margin: 0, borderBottom: "1px solid #f0f0f0" };

/**
 * The public survey page (问卷测评), no login, phone first: the respondent types the one-time
 * code they were handed and answers anonymously. The code is sent in the request body only.
 */
export function SurveyAnswerPage() {
  const [code, setCode] = useState("");
  const [opened, setOpened] = useState<Opened | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [problems, setProblems] = useState<Record<string, string>>({});
  const [pending, setPending] = useState(false);
  const [done, setDone] = useState(false);
  const [form] = Form.useForm<Record<string, Answer>>();

  const open = async () => {
    setPending(true);
    setError(null);
    try {
      setOpened(await api.post<Opened>("/public/surveys/open", { code }));
      window.scrollTo(0, 0);
    } catch (e) {
      setError(errorText(e));
    } finally {
      setPending(false);
    }
  };

  const submit = async (values: Record<string, Answer>) => {
    if (!opened) return;
    setPending(true);
    setError(null);
    setProblems({});
    const answers: Record<string, number | number[] | string> = {};
    for (const q of opened.questions) {
      const v = values[q.id];
      if (v === undefined || v === "" || (Array.isArray(v) && !v.length)) continue;
      answers[q.id] = v;
    }
    try {
      await api.post("/public/surveys/responses", { code, answers });
      setDone(true);
      setCode("");
      window.scrollTo(0, 0);
    } catch (e) {
      setError(errorText(e));
      setProblems(problemsOf(e));
    } finally {
      setPending(false);
    }
  };

  return (
    <div style={{ minHeight: "100vh", background: "#f5f5f5", padding: "16px 12px" }}>
      <div style={{ maxWidth: 600, margin: "0 auto" }}>
        <Typography.Title level={4} style={{ textAlign: "center" }}>
          {opened ? opened.title : "问卷测评"}
        </Typography.Title>
        {done ? (
          <Card>
            <Result
              status="success"
              title="提交成功，感谢您的参与"
              subTitle="答卷已匿名保存，测评码已失效。"
            />
          </Card>
        ) : !opened ? (
          <OneTimeCodeForm
            label="测评码"
            intro="请输入您收到的测评码。测评完全匿名：系统不记录您的姓名、网络地址或设备信息，答卷与测评码不关联；每个测评码只能使用一次。"
            submitText="开始填写"
            code={code}
            onCodeChange={setCode}
            error={error}
            pending={pending}
            onOpen={open}
          />
        ) : (
          <Form form={form} layout="vertical" onFinish={submit} requiredMark={false} scrollToFirstError>
            <Card style={{ marginBottom: 12 }}>
              <Typography.Paragraph style={{ marginBottom: 4 }}>
                被测评单位：<Typography.Text strong>{opened.targetName}</Typography.Text>
              </Typography.Paragraph>
              <Typography.Paragraph type="secondary" style={{ marginBottom: 4 }}>
                {opened.committeeName}巡察组 · 截止 {opened.closesOn}
              </Typography.Paragraph>
              {opened.intro && (
                <Typography.Paragraph style={{ marginBottom: 0 }}>{opened.intro}</Typography.Paragraph>
              )}
            </Card>
            {opened.questions.map((q, i) => (
              <Card key={q.id} size="small" style={{ marginBottom: 12 }}>
                <Form.Item
                  name={q.id}
                  label={
                    <span style={{ whiteSpace: "normal", fontWeight: 500 }}>
                      {i + 1}. {q.title}
                      {q.kind === "multiple" && !/[（(]可多选[）)]/.test(q.title) && "（可多选）"}
                      {!q.required && <Typography.Text type="secondary">（选答）</Typography.Text>}
                    </span>
                  }
                  rules={q.required ? [{ required: true, message: "此题必答" }] : []}
                  validateStatus={problems[q.id] ? "error" : undefined}
                  help={problems[q.id]}
                  style={{ marginBottom: 0 }}
                >
                  {q.kind === "text" ? (
                    <Input.TextArea
                      rows={3}
                      maxLength={2000}
                      showCount
                      placeholder="请勿填写可识别您身份的信息"
                    />
                  ) : q.kind === "multiple" ? (
                    <Checkbox.Group style={{ display: "block" }}>
                      {q.options.map((o, k) => (
                        <Checkbox key={o} value={k} style={optionStyle}>
                          {o}
                        </Checkbox>
                      ))}
                    </Checkbox.Group>
                  ) : (
                    <Radio.Group style={{ display: "block" }}>
                      {q.options.map((o, k) => (
                        <Radio key={o} value={k} style={optionStyle}>
                          {o}
                        </Radio>
                      ))}
                    </Radio.Group>
                  )}
                </Form.Item>
              </Card>
            ))}
            {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} role="alert" />}
            <Space orientation="vertical" style={{ width: "100%", marginBottom: 24 }}>
              <Button type="primary" size="large" block htmlType="submit" loading={pending}>
                提交答卷
              </Button>
              <Button block onClick={() => setOpened(null)} disabled={pending}>
                返回
              </Button>
            </Space>
          </Form>
        )}
      </div>
    </div>
  );
}
