import { PrinterOutlined } from "@ant-design/icons";
import { Alert, Button, Form, InputNumber, Modal, Space, Typography } from "antd";
import { useState } from "react";
import { api } from "../../app/api-client";
import { useAction } from "../../app/use-request";
import type { IssuedCodes } from "./api";
import { openConductCodesSheet } from "./print-conduct-codes";

/** Generates one-time conduct codes for a group's targets and shows them once, to print or send. */
export function IssueCodesModal({
  group,
  onClose,
  onIssued,
}: {
  group: { groupId: string; name: string; targetCount: number } | null;
  onClose: () => void;
  onIssued: () => void;
}) {
  const [issued, setIssued] = useState<IssuedCodes | null>(null);
  const [perTarget, setPerTarget] = useState(10);
  const [blocked, setBlocked] = useState(false);
  const { run, pending } = useAction();
  const close = () => {
    setIssued(null);
    setBlocked(false);
    onClose();
  };
  const issue = async () => {
    if (!group) return;
    const result = await run(() =>
      api.post<IssuedCodes>(`/groups/${group.groupId}/conduct-codes`, { perTarget }),
    );
    if (result.ok) {
      setIssued(result.value);
      onIssued();
    }
  };
  return (
    <Modal
      open={group !== null}
      title={group ? `作风评价码：${group.name}` : ""}
      onCancel={close}
      maskClosable={!issued}
      width={720}
      footer={
        issued ? (
          <Space>
            <Button icon={<PrinterOutlined />} onClick={() => setBlocked(!openConductCodesSheet(issued))}>
              打开打印页（每码一张裁切条）
            </Button>
            <Button type="primary" onClick={close}>
              我已保存，关闭
            </Button>
          </Space>
        ) : (
          <Space>
            <Button onClick={close}>取消</Button>
            <Button type="primary" loading={pending} onClick={issue} disabled={!group?.targetCount}>
              生成评价码
            </Button>
          </Space>
        )
      }
      destroyOnHidden
    >
      {!issued ? (
        <Form layout="vertical">
          <Typography.Paragraph>
            为本组的每个被巡察对象各生成若干一次性评价码，交由被巡察单位人员匿名填写作风评价问卷。系统只保存评价码的摘要，
            关闭本窗口后无法再次查看，请当场打印或分发。
          </Typography.Paragraph>
          <Form.Item label="每个对象生成数量">
            <InputNumber
              min={1}
              max={200}
              precision={0}
              value={perTarget}
              onChange={(v) => setPerTarget(v ?? 1)}
            />
          </Form.Item>
          {!group?.targetCount && <Alert type="warning" showIcon title="本组尚未分配巡察对象" />}
        </Form>
      ) : (
        <div className="conduct-codes-print">
          <Alert
            type="warning"
            showIcon
            title="评价码只显示这一次，请立即打印或分发"
            style={{ marginBottom: 12 }}
          />
          {blocked && (
            <Alert
              type="error"
              showIcon
              title="浏览器拦截了新窗口，请允许弹出窗口后重试"
              style={{ marginBottom: 12 }}
            />
          )}
          <Typography.Paragraph>
            {issued.committeeName} {issued.roundName} {issued.groupName} 作风评价：请用手机或电脑打开{" "}
            <Typography.Text code copyable>
              {issued.pageUrl}
            </Typography.Text>
            ，输入评价码后匿名作答，每个评价码只能使用一次。
          </Typography.Paragraph>
          {issued.targets.map((t) => (
            <div key={t.targetId} style={{ marginBottom: 12 }}>
              <Typography.Text strong>
                {t.targetName}（{t.codes.length} 个）
              </Typography.Text>
              <div
                style={{
                  display: "grid",
                  gridTemplateColumns: "repeat(auto-fill, minmax(190px, 1fr))",
                  gap: 6,
                  marginTop: 6,
                }}
              >
                {t.codes.map((c) => (
                  <Typography.Text key={c} code copyable style={{ fontSize: 14 }}>
                    {c}
                  </Typography.Text>
                ))}
              </div>
            </div>
          ))}
        </div>
      )}
    </Modal>
  );
}
