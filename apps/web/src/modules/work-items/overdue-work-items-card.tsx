import { ROUND_STAGES } from "@xuncha/domain/model";
import { Card, Empty, List, Tag, Typography } from "antd";
import { Link } from "react-router-dom";
import { formatDate } from "../../app/format";
import { useRequest } from "../../app/use-request";
import { type OverdueWorkItems, OWNER_LABELS } from "./api";

/** The office dashboard's list of every open round's overdue work items, most overdue first. */
export function OverdueWorkItemsCard() {
  const data = useRequest<OverdueWorkItems>("/work-items/overdue");
  const d = data.data;
  return (
    <Card
      size="small"
      title={d ? `逾期工作事项（${d.total} 项）` : "逾期工作事项"}
      loading={data.loading && !d}
    >
      {data.error ? (
        <Typography.Text type="danger">逾期事项加载失败：{data.error.message}</Typography.Text>
      ) : !d || d.total === 0 ? (
        <Empty description="进行中的轮次没有逾期事项" />
      ) : (
        <>
          <div style={{ display: "flex", flexWrap: "wrap", gap: 8, marginBottom: 8 }}>
            {d.rounds.map((r) => (
              <Link key={r.roundId} to={`/rounds/${r.roundId}`}>
                <Tag color="red" style={{ marginInlineEnd: 0 }}>
                  {r.name} · {ROUND_STAGES.labels[r.stage]} · 逾期 {r.overdue} 项
                </Tag>
              </Link>
            ))}
          </div>
          <List
            size="small"
            dataSource={d.items.slice(0, 20)}
            renderItem={(i) => (
              <List.Item
                extra={
                  <Tag color="red" style={{ marginInlineEnd: 0 }}>
                    逾期 {i.overdueDays} 天
                  </Tag>
                }
              >
                <List.Item.Meta
                  title={
                    <Link to={`/rounds/${i.roundId}`}>
                      <Typography.Text ellipsis={{ tooltip: i.title }} style={{ maxWidth: 320 }}>
                        {i.title}
                      </Typography.Text>
                    </Link>
                  }
                  description={`${i.roundName} · ${i.targetName ?? i.groupName ?? "全轮"} · ${
                    OWNER_LABELS[i.owner]
                  } · 期限 ${formatDate(i.dueOn)}`}
                />
              </List.Item>
            )}
          />
          {d.items.length > 20 && (
            <Typography.Text type="secondary">
              仅显示逾期最久的 20 项，其余请在各轮次页面查看。
            </Typography.Text>
          )}
        </>
      )}
    </Card>
  );
}
