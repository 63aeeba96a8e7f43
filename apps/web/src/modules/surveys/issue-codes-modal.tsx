import { PrinterOutlined } from "@ant-design/icons";
import { Alert, Button, Form, InputNumber, Modal, Space, Typography } from "antd";
import { useState } from "react";
import { api } from "../../app/api-client";
import { useAction } from "../../app/use-request";
import type { IssuedSurveyCodes } from "./api";
import { openCodesSheet } from "./print-codes";

/** The codes just issued, shown once: the link, the QR code and the list, with the print sheet. */
export function IssuedCodesView({ issued }: { issued: IssuedSurveyCodes }) {
  const [blocked, setBlocked] = useState(false);
  return (
    <Space orientation="vertical" style={{ width: "100%" }}>
      <Alert type="warning" showIcon title="测评码只显示这一次，请立即打印或分发；系统只保存测评码的摘要。" />
      <Space align="start" wrap>
        <img src={issued.qrDataUrl} alt="问卷页面二维码" width={120} height={120} />
        <Typography.Paragraph style={{ maxWidth: 420 }}>
          被巡察单位人员扫码或打开{" "}
          <Typography.Text code copyable>
            {issued.pageUrl}
          </Typography.Text>
          ，输入测评码后匿名作答；每个测评码只能使用一次。
        </Typography.Paragraph>
      </Space>
      <Button type="primary" icon={<PrinterOutlined />} onClick={() => setBlocked(!openCodesSheet(issued))}>
        打开打印页（每码一张裁切条）
      </Button>
      {blocked && <Alert type="error" showIcon title="浏览器拦截了新窗口，请允许弹出窗口后重试" />}
      <div
        style={{
          display: "grid",
          gridTemplateColumns: "repeat(auto-fill, minmax(190px, 1fr))",
          gap: 6,
          maxHeight: 320,
          overflow: "auto",
        }}
      >
        {issued.codes.map((c) => (
          <Typography.Text key={c} code copyable style={{ fontSize: 14 }}>
            {c}
          </Typography.Text>
        ))}
      </div>
    </Space>
  );
}

/** Issues more codes for a survey and shows them once. */
export function IssueCodesModal({
  survey,
  onClose,
  onIssued,
}: {
  survey: { id: string; title: string } | null;
  onClose: () => void;
  onIssued: () => void;
}) {
  const [issued, setIssued] = useState<IssuedSurveyCodes | null>(null);
  const [count, setCount] = useState(50);
  const { run, pending } = useAction();
  const close = () => {
    setIssued(null);
    onClose();
  };
  const issue = async () => {
    if (!survey) return;
    const result = await run(() => api.post<IssuedSurveyCodes>(`/surveys/${survey.id}/codes`, { count }));
    if (result.ok) {
      setIssued(result.value);
      onIssued();
    }
  };
  return (
    <Modal
      open={survey !== null}
      title={survey ? `生成测评码：${survey.title}` : ""}
      onCancel={close}
      width={720}
      maskClosable={false}
      destroyOnHidden
      footer={
        issued ? (
          <Button type="primary" onClick={close}>
            我已保存，关闭
          </Button>
        ) : (
          <Space>
            <Button onClick={close}>取消</Button>
            <Button type="primary" loading={pending} onClick={issue}>
              生成测评码
            </Button>
          </Space>
        )
      }
    >
      {issued ? (
        <IssuedCodesView issued={issued} />
      ) : (
        <Form layout="vertical">
          <Typography.Paragraph>
            一般按被巡察单位参加测评的人数生成，每人一个。关闭本窗口后测评码无法再次查看。
          </Typography.Paragraph>
          <Form.Item label="生成数量">
            <InputNumber min={1} max={500} precision={0} value={count} onChange={(v) => setCount(v ?? 1)} />
          </Form.Item>
        </Form>
      )}
    </Modal>
  );
}
