import { CheckOutlined, DownloadOutlined } from "@ant-design/icons";
import { Button, Card, Empty, Space, Tag, Typography } from "antd";
import { api } from "../../app/api-client";
import { formatDate } from "../../app/format";
import { notifySuccess } from "../../app/notify";
import { useAction, useRequest } from "../../app/use-request";
import { LoadError } from "../../components/load-error";
import { PageContainer } from "../../components/page-container";
import { downloadLetter, type Escalation, type EscalationList, STEP_COLORS } from "./escalation-api";
import { AcknowledgementTag, EscalationItems } from "./escalations-page";

/** One letter (or reminder) to the contact's organization, with 确认收到 while unacknowledged. */
function LetterCard({ e, onChanged }: { e: Escalation; onChanged: () => void }) {
  const { run, pending } = useAction();
  const acknowledge = async () => {
    const result = await run(() => api.post(`/rectification/escalations/${e.id}/acknowledge`));
    if (result.ok) {
      notifySuccess("已确认收到，巡察办可以看到签收情况");
      onChanged();
    }
  };
  return (
    <Card
      size="small"
      title={
        <Space wrap>
          <Tag color={STEP_COLORS[e.step]}>{e.stepLabel}</Tag>
          <Typography.Text type="secondary" style={{ fontWeight: "normal" }}>
            {formatDate(e.takenOn)}
          </Typography.Text>
        </Space>
      }
      actions={
        e.document
          ? [
              <Button
                key="download"
                type="link"
                icon={<DownloadOutlined />}
                onClick={() => downloadLetter(e)}
              >
                下载{e.stepLabel}
              </Button>,
              ...(e.abilities.acknowledge
                ? [
                    <Button
                      key="ack"
                      type="primary"
                      icon={<CheckOutlined />}
                      loading={pending}
                      onClick={acknowledge}
                    >
                      确认收到
                    </Button>,
                  ]
                : []),
            ]
          : undefined
      }
    >
      <Space orientation="vertical" style={{ width: "100%" }}>
        <Typography.Text strong>
          {e.document ? e.document.title : "以下整改事项临近完成时限，请抓紧办理"}
        </Typography.Text>
        {e.document && (
          <Space wrap>
            <Typography.Text>{e.document.number}</Typography.Text>
            <AcknowledgementTag e={e} />
          </Space>
        )}
        <EscalationItems e={e} />
      </Space>
    </Card>
  );
}

/** 督办函: the letters and reminders sent to the contact's organization; letters are acknowledged here. */
export function MyEscalationsPage() {
  const list = useRequest<EscalationList>("/rectification/escalations");
  const rows = list.data?.items ?? [];
  const open = rows.filter((r) => r.abilities.acknowledge).length;
  return (
    <PageContainer title="督办函">
      {list.error && <LoadError error={list.error} onRetry={list.reload} />}
      {open > 0 && (
        <Typography.Paragraph type="danger">
          有 {open} 件督办文书尚未确认收到，请下载阅知后点击“确认收到”。
        </Typography.Paragraph>
      )}
      {!list.loading && rows.length === 0 && <Empty description="没有督办函或整改提醒" />}
      <Space orientation="vertical" size={12} style={{ width: "100%" }}>
        {rows.map((e) => (
          <LetterCard key={e.id} e={e} onChanged={list.reload} />
        ))}
      </Space>
    </PageContainer>
  );
}
