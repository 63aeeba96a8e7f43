import { BellOutlined } from "@ant-design/icons";
import { Badge, Button, Empty, List, Popover, Space, Typography } from "antd";
import { useEffect, useState } from "react";
import { useNavigate } from "react-router-dom";
import { api } from "./api-client";
import { formatDateTime } from "./format";
import { notifyError } from "./notify";
import { useRequest } from "./use-request";

interface Notification {
  id: string;
  kind: string;
  title: string;
  body: string;
  link: string;
  readAt: string | null;
  createdAt: string;
}

/** Refresh the unread count this often while the app is open. */
const REFRESH_MS = 5 * 60_000;

/** The header's bell: the unread count, opening the account's notifications; a click goes to the link. */
export function NotificationBell() {
  const navigate = useNavigate();
  const [open, setOpen] = useState(false);
  const list = useRequest<{ items: Notification[]; unread: number }>("/notifications", { limit: 20 });
  const { reload } = list;
  useEffect(() => {
    const timer = setInterval(reload, REFRESH_MS);
    return () => clearInterval(timer);
  }, [reload]);
  const unread = list.data?.unread ?? 0;

  const openItem = async (n: Notification) => {
    setOpen(false);
    if (!n.readAt) await api.post(`/notifications/${n.id}/read`).catch(notifyError);
    reload();
    if (n.link) navigate(n.link);
  };
  const readAll = async () => {
    await api.post("/notifications/read-all").catch(notifyError);
    reload();
  };

  const content = (
    <div style={{ width: "min(360px, calc(100vw - 32px))" }}>
      {(list.data?.items.length ?? 0) === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="没有消息" />
      ) : (
        <List
          size="small"
          style={{ maxHeight: 420, overflow: "auto" }}
          dataSource={list.data?.items ?? []}
          renderItem={(n) => (
            <List.Item
              key={n.id}
              style={{ cursor: "pointer", alignItems: "flex-start" }}
              onClick={() => void openItem(n)}
            >
              <Space orientation="vertical" size={0} style={{ minWidth: 0 }}>
                <Typography.Text strong={!n.readAt}>
                  {!n.readAt && <Badge status="error" style={{ marginInlineEnd: 6 }} />}
                  {n.title}
                </Typography.Text>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {formatDateTime(n.createdAt)}
                </Typography.Text>
              </Space>
            </List.Item>
          )}
        />
      )}
    </div>
  );

  return (
    <Popover
      trigger="click"
      placement="bottomRight"
      open={open}
      onOpenChange={(next) => {
        setOpen(next);
        if (next) reload();
      }}
      title={
        <Space style={{ width: "100%", justifyContent: "space-between" }}>
          <span>消息通知</span>
          {unread > 0 && (
            <Button type="link" size="small" onClick={() => void readAll()}>
              全部标为已读
            </Button>
          )}
        </Space>
      }
      content={content}
    >
      <Button
        type="text"
        aria-label={unread ? `消息通知，${unread} 条未读` : "消息通知"}
        data-testid="notification-bell"
      >
        <Badge count={unread} size="small" overflowCount={99}>
          <BellOutlined style={{ fontSize: 18 }} />
        </Badge>
      </Button>
    </Popover>
  );
}
