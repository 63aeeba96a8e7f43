import { Alert, Button, Card, Form, Input, Radio, Result, Space, Typography } from "antd";
import { useState } from "react";
import { api } from "../../app/api-client";
import { ApiError } from "../../app/api-error";
import { OneTimeCodeForm } from "../../components/one-time-code-form";
import type { ConductQuestion } from "./api";

interface Opened {
  committeeName: string;
  roundName: string;
  groupName: string;
  questions: ConductQuestion[];
}

const SCALE = [
  { value: 1, label: "差" },
  { value: 2, label: "较差" },
  { value: 3, label: "一般" },
  { value: 4, label: "较好" },
  { value: 5, label: "好" },
];

const errorText = (e: unknown) =>
  e instanceof ApiError
    ? e.code === "conduct.code_invalid"
      ? `${e.message}。请核对后重新输入（字母不区分大小写）；如仍不能使用，请联系发放评价码的巡察组。`
      : e.message
    : "提交失败，请稍后重试";
const toTop = () => window.scrollTo({ top: 0 });

/**
 * The public conduct questionnaire (作风评价), no login: a person of an inspected unit enters the
 * one-time code they were given and rates the group anonymously. Phone first.
 */
export function ConductPage() {
  const [code, setCode] = useState("");
  const [opened, setOpened] = useState<Opened | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const [done, setDone] = useState(false);

  const open = async () => {
    setPending(true);
    setError(null);
    try {
      setOpened(await api.post<Opened>("/public/conduct/open", { code }));
      toTop();
    } catch (e) {
      setError(errorText(e));
    } finally {
      setPending(false);
    }
  };
  const submit = async (v: Record<string, number | string | undefined>) => {
    if (!opened) return;
    setPending(true);
    setError(null);
    try {
      await api.post("/public/conduct/responses", {
        code,
        scores: Object.fromEntries(opened.questions.map((q) => [q.code, Number(v[q.code])])),
        remark: String(v.remark ?? ""),
      });
      setDone(true);
      toTop();
    } catch (e) {
      setError(errorText(e));
    } finally {
      setPending(false);
    }
  };

  return (
    <div style={{ minHeight: "100vh", background: "#f5f5f5", padding: "16px 12px" }}>
      <div style={{ maxWidth: 560, margin: "0 auto" }}>
        <Typography.Title level={4} style={{ textAlign: "center" }}>
          巡察组作风评价
        </Typography.Title>
        {done ? (
          <Card>
            <Result status="success" title="提交成功，感谢您的评价" subTitle="答卷匿名保存，评价码已失效。" />
          </Card>
        ) : !opened ? (
          <OneTimeCodeForm
            label="评价码"
            intro="请输入您收到的评价码。评价完全匿名：系统不记录您的姓名、单位、网络地址或设备信息，答卷与评价码不关联；每个评价码只能使用一次。"
            submitText="开始评价"
            code={code}
            onCodeChange={setCode}
            error={error}
            pending={pending}
            onOpen={open}
          />
        ) : (
          <Card>
            <Typography.Paragraph>
              您正在评价：
              <Typography.Text strong>
                {opened.committeeName} {opened.roundName} {opened.groupName}
              </Typography.Text>
              。请根据巡察期间的实际情况，对每一项选择 1 至 5 分（5 分为好）。
            </Typography.Paragraph>
            <Form layout="vertical" onFinish={submit} requiredMark={false} scrollToFirstError>
              {opened.questions.map((q, i) => (
                <Form.Item
                  key={q.code}
                  name={q.code}
                  label={`${i + 1}. ${q.title}`}
                  rules={[{ required: true, message: "请选择" }]}
                >
                  <Radio.Group
                    optionType="button"
                    buttonStyle="solid"
                    style={{ display: "flex", width: "100%" }}
                  >
                    {SCALE.map((s) => (
                      <Radio.Button
                        key={s.value}
                        value={s.value}
                        style={{
                          flex: 1,
                          textAlign: "center",
                          paddingInline: 0,
                          height: "auto",
                          lineHeight: 1.4,
                        }}
                      >
                        <div style={{ padding: "6px 0" }}>
                          <div style={{ fontWeight: 600 }}>{s.value}</div>
                          <div style={{ fontSize: 12 }}>{s.label}</div>
                        </div>
                      </Radio.Button>
                    ))}
                  </Radio.Group>
                </Form.Item>
              ))}
              <Form.Item name="remark" label="意见建议（选填）">
                <Input.TextArea
                  rows={4}
                  maxLength={1000}
                  showCount
                  placeholder="请勿填写可识别您身份的信息"
                />
              </Form.Item>
              {error && (
                <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} role="alert" />
              )}
              <Space orientation="vertical" style={{ width: "100%" }}>
                <Button type="primary" size="large" block htmlType="submit" loading={pending}>
                  提交评价
                </Button>
                <Button block onClick={() => setOpened(null)} disabled={pending}>
                  返回
                </Button>
              </Space>
            </Form>
          </Card>
        )}
      </div>
    </div>
  );
}
