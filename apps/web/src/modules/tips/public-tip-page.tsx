import { Alert, Button, Card, Form, Input, Radio, Result, Select, Spin, Typography } from "antd";
import { useEffect, useState } from "react";
import { Link, useParams } from "react-router-dom";
import { api } from "../../app/api-client";
import { ApiError } from "../../app/api-error";
import { formatDateCn } from "../../app/format";
import { type PublicTipPage as PageInfo, postTipForm } from "./api";
import { solveChallenge } from "./pow";
import { copyText, FilePicker, PublicTipLayout } from "./public-layout";

const OTHER = "__other__";
const errorText = (e: unknown) => (e instanceof ApiError ? e.message : "提交失败，请检查网络后重试");

interface StepOne {
  target: string;
  otherTarget?: string;
  category: string;
  text: string;
}

/**
 * 码上巡察: the public tip form of a round (or of one of its groups), reached from the
 * announcement's QR code. Two steps, then the receipt shown once.
 */
export function PublicTipPage() {
  const { roundId = "", groupId } = useParams();
  const [info, setInfo] = useState<PageInfo | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [step, setStep] = useState<1 | 2>(1);
  const [first, setFirst] = useState<StepOne | null>(null);
  const [files, setFiles] = useState<File[]>([]);
  const [named, setNamed] = useState(false);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [receipt, setReceipt] = useState<string | null>(null);
  const [copied, setCopied] = useState(false);
  const [formOne] = Form.useForm<StepOne>();
  const [formTwo] = Form.useForm<{ name?: string; phone?: string; website?: string }>();

  useEffect(() => {
    api
      .get<PageInfo>(`/public/tips/rounds/${encodeURIComponent(roundId)}`, groupId ? { groupId } : {})
      .then(setInfo)
      .catch((e: unknown) => setLoadError(errorText(e)));
  }, [roundId, groupId]);

  const submit = async (v: { name?: string; phone?: string; website?: string }) => {
    if (!first || !info) return;
    setPending(true);
    setError(null);
    try {
      const { challenge, bits } = await api.post<{ challenge: string; bits: number }>(
        "/public/tips/challenge",
      );
      const nonce = await solveChallenge(challenge, bits);
      const result = await postTipForm<{ receipt: string }>(
        "/public/tips",
        {
          roundId,
          ...(groupId ? { groupId } : {}),
          targetId: first.target === OTHER ? null : first.target,
          ...(first.target === OTHER ? { otherTarget: first.otherTarget ?? "" } : {}),
          category: first.category,
          text: first.text,
          named,
          ...(named ? { name: v.name, phone: v.phone } : {}),
          challenge,
          nonce,
          ...(v.website ? { website: v.website } : {}),
        },
        files,
      );
      setReceipt(result.receipt);
      window.scrollTo(0, 0);
    } catch (e) {
      setError(errorText(e));
    } finally {
      setPending(false);
    }
  };

  if (loadError) {
    return (
      <PublicTipLayout title="码上巡察">
        <Card>
          <Result status="warning" title="暂不能受理" subTitle={loadError} />
        </Card>
      </PublicTipLayout>
    );
  }
  if (!info) {
    return (
      <PublicTipLayout title="码上巡察">
        <Card>
          <div style={{ textAlign: "center", padding: 24 }}>
            <Spin />
            <div style={{ marginTop: 8 }}>正在加载…</div>
          </div>
        </Card>
      </PublicTipLayout>
    );
  }

  const title = `${info.committeeName}${info.roundName}`;
  if (receipt) {
    return (
      <PublicTipLayout title="提交成功">
        <Card>
          <Typography.Paragraph>您反映的情况已收到。请记下下面的查询码：</Typography.Paragraph>
          <div
            data-testid="receipt"
            style={{
              fontFamily: "ui-monospace, Menlo, Consolas, monospace",
              fontSize: 20,
              fontWeight: 700,
              letterSpacing: 0,
              textAlign: "center",
              padding: "16px 8px",
              background: "#fffbe6",
              border: "1px solid #ffe58f",
              borderRadius: 8,
              wordBreak: "normal",
              userSelect: "all",
            }}
          >
            {receipt}
          </div>
          <Button
            type="primary"
            size="large"
            block
            style={{ marginTop: 12 }}
            onClick={async () => setCopied(await copyText(receipt))}
          >
            {copied ? "已复制" : "复制查询码"}
          </Button>
          <Alert
            style={{ marginTop: 16 }}
            type="warning"
            showIcon
            title="查询码只显示这一次"
            description="请抄写或截图保存，不要告诉他人。凭查询码可以查看办理情况和答复，也可以补充情况。系统不保存查询码本身，遗失后无法找回。"
          />
          <Link to="/t/receipt">
            <Button size="large" block style={{ marginTop: 12 }}>
              去查询办理情况
            </Button>
          </Link>
        </Card>
      </PublicTipLayout>
    );
  }

  const targetOptions = [
    ...info.targets.map((t) => ({ value: t.id, label: t.name })),
    { value: OTHER, label: "其他单位" },
  ];
  return (
    <PublicTipLayout title="码上巡察">
      <Card>
        <Typography.Paragraph style={{ marginBottom: 8 }}>
          <Typography.Text strong>{title}</Typography.Text>
          {info.groupName ? ` ${info.groupName}` : ""}
          受理反映，截止 {formatDateCn(info.acceptUntil)}。
        </Typography.Paragraph>
        <Typography.Paragraph type="secondary" style={{ fontSize: 14 }}>
          可以匿名反映。系统不记录您的网络地址和设备信息；反映内容加密保存，只有办理人员可以查看。
        </Typography.Paragraph>
        <div style={{ color: "#888", marginBottom: 12 }}>第 {step} 步，共 2 步</div>
        <Form
          form={formOne}
          layout="vertical"
          requiredMark={false}
          hidden={step !== 1}
          onFinish={(v) => {
            setFirst(v);
            setStep(2);
            window.scrollTo(0, 0);
          }}
        >
          <Form.Item name="target" label="反映哪个单位" rules={[{ required: true, message: "请选择单位" }]}>
            <Select
              size="large"
              options={targetOptions}
              placeholder="请选择"
              showSearch={{ optionFilterProp: "label" }}
              aria-label="反映哪个单位"
            />
          </Form.Item>
          <Form.Item noStyle shouldUpdate={(a, b) => a.target !== b.target}>
            {({ getFieldValue }) =>
              getFieldValue("target") === OTHER && (
                <Form.Item
                  name="otherTarget"
                  label="单位名称"
                  rules={[{ required: true, whitespace: true, message: "请填写单位名称" }]}
                >
                  <Input size="large" maxLength={200} placeholder="如：某某镇财政所" />
                </Form.Item>
              )
            }
          </Form.Item>
          <Form.Item name="category" label="问题类别" rules={[{ required: true, message: "请选择问题类别" }]}>
            <Radio.Group style={{ display: "grid", gridTemplateColumns: "1fr 1fr", gap: 8 }}>
              {info.categories.map((c) => (
                <Radio.Button
                  key={c.key}
                  value={c.key}
                  style={{ height: 44, lineHeight: "42px", textAlign: "center" }}
                >
                  {c.name}
                </Radio.Button>
              ))}
            </Radio.Group>
          </Form.Item>
          <Form.Item
            name="text"
            label="反映的问题"
            rules={[
              { required: true, whitespace: true, message: "请填写反映的问题" },
              { min: 10, message: "请至少写 10 个字，说明具体问题" },
            ]}
            extra="请写清楚什么人、什么时间、做了什么事，有什么证据。"
          >
            <Input.TextArea rows={8} maxLength={10000} showCount aria-label="反映的问题" />
          </Form.Item>
          <Button type="primary" size="large" block htmlType="submit">
            下一步
          </Button>
        </Form>

        {step === 2 && (
          <Form form={formTwo} layout="vertical" requiredMark={false} onFinish={submit}>
            {info.limits.maxFiles > 0 && (
              <Form.Item label="附件（选填）">
                <FilePicker
                  files={files}
                  onChange={setFiles}
                  maxFiles={info.limits.maxFiles}
                  maxFileMb={info.limits.maxFileMb}
                />
              </Form.Item>
            )}
            <Form.Item label="是否实名">
              <Radio.Group
                value={named ? "named" : "anonymous"}
                onChange={(e) => setNamed(e.target.value === "named")}
                style={{ display: "grid", gridTemplateColumns: "1fr 1fr", gap: 8 }}
              >
                <Radio.Button
                  value="anonymous"
                  style={{ height: 44, lineHeight: "42px", textAlign: "center" }}
                >
                  匿名
                </Radio.Button>
                <Radio.Button value="named" style={{ height: 44, lineHeight: "42px", textAlign: "center" }}>
                  实名
                </Radio.Button>
              </Radio.Group>
            </Form.Item>
            {named && (
              <>
                <Typography.Paragraph type="secondary" style={{ fontSize: 14 }}>
                  姓名和电话单独加密保存，办理人员看不到；确需联系您核实时，须经专门保管人批准并留痕。
                </Typography.Paragraph>
                <Form.Item
                  name="name"
                  label="姓名"
                  rules={[{ required: true, whitespace: true, message: "请填写姓名" }]}
                >
                  <Input size="large" maxLength={50} autoComplete="name" />
                </Form.Item>
                <Form.Item
                  name="phone"
                  label="联系电话"
                  rules={[{ required: true, pattern: /^[0-9+\- ]{5,20}$/, message: "请填写有效的联系电话" }]}
                >
                  <Input size="large" maxLength={20} inputMode="tel" autoComplete="tel" />
                </Form.Item>
              </>
            )}
            {/* Honeypot: hidden from people; bots fill it. */}
            <div
              aria-hidden="true"
              style={{ position: "absolute", left: -10000, width: 1, height: 1, overflow: "hidden" }}
            >
              <Form.Item name="website" label="网址">
                <Input tabIndex={-1} autoComplete="off" />
              </Form.Item>
            </div>
            {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} role="alert" />}
            <Button type="primary" size="large" block htmlType="submit" loading={pending}>
              {pending ? "正在提交…" : "提交"}
            </Button>
            <Button size="large" block style={{ marginTop: 8 }} disabled={pending} onClick={() => setStep(1)}>
              上一步
            </Button>
          </Form>
        )}
        <div style={{ marginTop: 16, textAlign: "center" }}>
          <Link to="/t/receipt">已有查询码？查看办理情况</Link>
        </div>
      </Card>
    </PublicTipLayout>
  );
}
