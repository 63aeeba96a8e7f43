import { Button, Card, Table, Tag, Typography } from "antd";
import { useState } from "react";
import { api } from "../../app/api-client";
import { formatDateTime } from "../../app/format";
import { notifyError } from "../../app/notify";
import { useRequest } from "../../app/use-request";
import { LoadError } from "../../components/load-error";
import type { Draw, DrawReplay } from "./group-api";

const POOLS = { leader: "组长库", talent: "人才库" } as const;

/**
 * The round's random draws (随机抽取) as recorded: when, for which group, from which pool, the seed
 * and the people drawn; 复核 replays a draw from its record (office and leading group).
 */
export function DrawsCard({ roundId, groupNames }: { roundId: string; groupNames: Record<string, string> }) {
  const draws = useRequest<Draw[]>(`/rounds/${roundId}/draws`);
  const [replays, setReplays] = useState<Record<string, boolean>>({});
  const [checking, setChecking] = useState<string | null>(null);

  const check = async (id: string) => {
    setChecking(id);
    try {
      const r = await api.get<DrawReplay>(`/draws/${id}/replay`);
      setReplays((x) => ({ ...x, [id]: r.replay.matches }));
    } catch (e) {
      notifyError(e);
    } finally {
      setChecking(null);
    }
  };

  if (draws.error) return <LoadError error={draws.error} onRetry={draws.reload} />;
  // Nothing to show before the first draw: the card appears with the first record.
  if (!draws.data?.length) return null;
  return (
    <Card size="small" title={`随机抽取记录（${draws.data.length} 次）`}>
      <Table<Draw>
        rowKey="id"
        size="small"
        pagination={false}
        scroll={{ x: "max-content" }}
        dataSource={draws.data}
        columns={[
          { title: "抽取时间", dataIndex: "drawnAt", render: formatDateTime },
          {
            title: "巡察组",
            dataIndex: "groupId",
            render: (id: string | null) => (id ? (groupNames[id] ?? "—") : "—"),
          },
          {
            title: "人员库",
            key: "pool",
            render: (_, d) => `${POOLS[d.pool]}，${d.candidates.length} 人中抽 ${d.count} 人`,
          },
          {
            title: "抽中人员",
            key: "picked",
            render: (_, d) => d.picked.map((p) => p.name).join("、") || "—",
          },
          {
            title: "随机种子",
            dataIndex: "seed",
            render: (seed: string) => (
              <Typography.Text code copyable style={{ fontSize: 12 }}>
                {seed}
              </Typography.Text>
            ),
          },
          {
            title: "复核",
            key: "replay",
            render: (_, d) =>
              d.id in replays ? (
                replays[d.id] ? (
                  <Tag color="success">重放一致</Tag>
                ) : (
                  <Tag color="error">重放不一致</Tag>
                )
              ) : (
                <Button size="small" loading={checking === d.id} onClick={() => check(d.id)}>
                  复核
                </Button>
              ),
          },
        ]}
      />
      <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
        复核：按记录的随机种子和候选名单重新抽取，核对结果是否与记录一致。
      </Typography.Paragraph>
    </Card>
  );
}
