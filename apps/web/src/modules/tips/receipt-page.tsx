import { Alert, Button, Card, Descriptions, Input, Tag, Typography } from "antd";
import { useState } from "react";
import { api } from "../../app/api-client";
import { ApiError } from "../../app/api-error";
import { formatDateCn } from "../../app/format";
import { postTipForm, type TipFollowUp } from "./api";
import { FilePicker, PublicTipLayout } from "./public-layout";

const errorText = (e: unknown) => (e instanceof ApiError ? e.message : "操作失败，请检查网络后重试");
const STATUS_COLOR: Record<string, string> = {
  new: "blue",
  routed: "blue",
  handedOver: "blue",
  used: "green",
  answered: "green",
  filed: "default",
};

/** 码上巡察: the submitter enters the receipt to read the status and answer, and may add information. */
export function ReceiptPage() {
  const [receipt, setReceipt] = useState("");
  const [result, setResult] = useState<TipFollowUp | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const [text, setText] = useState("");
  const [files, setFiles] = useState<File[]>([]);
  const [added, setAdded] = useState(false);

  const look = async () => {
    setPending(true);
    setError(null);
    try {
      setResult(await api.post<TipFollowUp>("/public/tips/follow-up", { receipt }));
    } catch (e) {
      setResult(null);
      setError(errorText(e));
    } finally {
      setPending(false);
    }
  };
  const add = async () => {
    setPending(true);
    setError(null);
    try {
      await postTipForm("/public/tips/additions", { receipt, text }, files);
      setText("");
      setFiles([]);
      setAdded(true);
      setResult(await api.post<TipFollowUp>("/public/tips/follow-up", { receipt }));
    } catch (e) {
      setError(errorText(e));
    } finally {
      setPending(false);
    }
  };

  return (
    <PublicTipLayout title="查询办理情况">
      <Card>
        <Typography.Paragraph>请输入提交时得到的查询码（不区分大小写，可不输入横线）。</Typography.Paragraph>
        <Input
          size="large"
          value={receipt}
          onChange={(e) => setReceipt(e.target.value.toUpperCase())}
          placeholder="XXXX-XXXX-XXXX-XXXX-XXXX"
          autoComplete="off"
          autoCapitalize="characters"
          spellCheck={false}
          maxLength={40}
          aria-label="查询码"
        />
        <Button
          type="primary"
          size="large"
          block
          style={{ marginTop: 12 }}
          loading={pending && !result}
          disabled={receipt.replace(/[^A-Za-z0-9]/g, "").length < 16}
          onClick={look}
        >
          查询
        </Button>
        {error && <Alert type="error" showIcon title={error} style={{ marginTop: 12 }} role="alert" />}
      </Card>

      {result && (
        <Card style={{ marginTop: 12 }}>
          <Descriptions column={1} size="small">
            <Descriptions.Item label="轮次">{result.roundName}</Descriptions.Item>
            <Descriptions.Item label="收到日期">{formatDateCn(result.receivedOn)}</Descriptions.Item>
            <Descriptions.Item label="办理状态">
              <Tag color={STATUS_COLOR[result.status]}>{result.statusLabel}</Tag>
            </Descriptions.Item>
          </Descriptions>
          <div style={{ marginTop: 12, marginBottom: 12 }} data-testid="tip-status-text">
            {result.statusText}
            {result.handOverDeadline ? `办理期限：${formatDateCn(result.handOverDeadline)}。` : ""}
          </div>
          {result.answer && (
            <Alert
              type="info"
              title="答复"
              description={<span data-testid="tip-answer">{result.answer}</span>}
            />
          )}
          {(result.additions > 0 || result.files > 0) && (
            <Typography.Paragraph type="secondary" style={{ marginTop: 12 }}>
              已补充 {result.additions} 次，附件共 {result.files} 个。
            </Typography.Paragraph>
          )}
          {result.canAdd && (
            <div style={{ marginTop: 16 }}>
              <Typography.Title level={5}>补充情况</Typography.Title>
              <Input.TextArea
                rows={5}
                value={text}
                onChange={(e) => setText(e.target.value)}
                maxLength={10000}
                showCount
                aria-label="补充情况"
              />
              {result.limits.maxFiles > 0 && (
                <div style={{ marginTop: 8 }}>
                  <FilePicker
                    files={files}
                    onChange={setFiles}
                    maxFiles={result.limits.maxFiles}
                    maxFileMb={result.limits.maxFileMb}
                  />
                </div>
              )}
              {added && <Alert type="success" showIcon title="已补充" style={{ marginTop: 8 }} />}
              <Button
                size="large"
                block
                style={{ marginTop: 12 }}
                loading={pending}
                disabled={!text.trim() && files.length === 0}
                onClick={add}
              >
                提交补充
              </Button>
            </div>
          )}
        </Card>
      )}
    </PublicTipLayout>
  );
}
