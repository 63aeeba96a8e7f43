import { DownloadOutlined, FileWordOutlined, SettingOutlined } from "@ant-design/icons";
import { App, Button, Card, Empty, List, Space, Tag, Typography } from "antd";
import { useState } from "react";
import { Link } from "react-router-dom";
import { api, download } from "../../app/api-client";
import { formatDateCn } from "../../app/format";
import { notifySuccess } from "../../app/notify";
import { useAction, useRequest } from "../../app/use-request";
import { LoadError } from "../../components/load-error";
import { AnnouncementFormDrawer } from "./announcement-form-drawer";
import { documentFilePath, type IssuedDocument, type RoundDocuments } from "./api";

/**
 * 公文 of a round: the numbered documents (authorization decision, announcements …) with download,
 * and for the office the buttons that generate them.
 */
export function RoundDocumentsCard({
  roundId,
  groups = [],
}: {
  roundId: string;
  groups?: { id: string; name: string }[];
}) {
  const { modal } = App.useApp();
  const docs = useRequest<RoundDocuments>(`/rounds/${roundId}/documents`);
  const [announcing, setAnnouncing] = useState(false);
  const { run, pending } = useAction();
  const [downloading, setDownloading] = useState<string | null>(null);

  const issued = (d: IssuedDocument) => {
    if (docs.data) docs.setData({ ...docs.data, items: [d, ...docs.data.items] });
    else docs.reload();
  };

  const authorize = () =>
    modal.confirm({
      title: "生成授权任职及任务分工的决定？",
      content: "将按本轮当前的巡察组、成员和巡察对象生成，并占用发文字号的下一个编号。",
      okText: "生成",
      cancelText: "取消",
      onOk: async () => {
        const result = await run(() =>
          api.post<IssuedDocument>(`/rounds/${roundId}/documents/authorization`, {}),
        );
        if (result.ok) {
          notifySuccess(`已生成${result.value.number}`);
          issued(result.value);
        }
      },
    });

  const save = async (d: IssuedDocument) => {
    setDownloading(d.id);
    try {
      await run(() => download(documentFilePath(d.id), {}, d.file.name));
    } finally {
      setDownloading(null);
    }
  };

  // Roles that see the round but not its documents (reviewers) get no card at all.
  if (docs.error?.status === 403) return null;
  const canIssue = docs.data?.abilities.issue ?? false;
  return (
    <Card
      size="small"
      title={
        <Space>
          <FileWordOutlined />
          公文
        </Space>
      }
      extra={
        canIssue && (
          <Space wrap size={8}>
            <Button size="small" loading={pending} onClick={authorize}>
              生成授权决定
            </Button>
            <Button size="small" onClick={() => setAnnouncing(true)}>
              生成巡察公告
            </Button>
            <Link to="/settings/registers" title="发文字号设置">
              <Button size="small" icon={<SettingOutlined />} aria-label="发文字号设置" />
            </Link>
          </Space>
        )
      }
    >
      {docs.error ? (
        <LoadError error={docs.error} onRetry={docs.reload} />
      ) : (
        <List
          loading={docs.loading && !docs.data}
          dataSource={docs.data?.items ?? []}
          locale={{
            emptyText: (
              <Empty
                image={Empty.PRESENTED_IMAGE_SIMPLE}
                description={canIssue ? "尚未生成公文：可生成授权决定和巡察公告" : "暂无公文"}
              />
            ),
          }}
          renderItem={(d) => (
            <List.Item
              actions={[
                <Button
                  key="download"
                  type="link"
                  size="small"
                  icon={<DownloadOutlined />}
                  loading={downloading === d.id}
                  onClick={() => save(d)}
                >
                  下载
                </Button>,
              ]}
            >
              <List.Item.Meta
                title={
                  <Space wrap size={[8, 0]}>
                    <Typography.Text strong>{d.number}</Typography.Text>
                    <Tag style={{ marginInlineEnd: 0 }}>{d.kindLabel}</Tag>
                  </Space>
                }
                description={
                  <>
                    <div style={{ wordBreak: "break-all" }}>{d.title}</div>
                    <Typography.Text type="secondary">
                      成文日期 {formatDateCn(d.date)}
                      {d.issuedBy ? ` · ${d.issuedBy}` : ""}
                    </Typography.Text>
                  </>
                }
              />
            </List.Item>
          )}
        />
      )}
      <AnnouncementFormDrawer
        roundId={roundId}
        groups={groups}
        open={announcing}
        onClose={() => setAnnouncing(false)}
        onIssued={(d) => {
          setAnnouncing(false);
          issued(d);
        }}
      />
    </Card>
  );
}
