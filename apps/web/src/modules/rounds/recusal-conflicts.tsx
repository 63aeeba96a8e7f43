import { Alert, List, Tag, Typography } from "antd";
import type { RecusalConflict } from "./group-api";

/** Recusal conflicts, one line each: who, which target, why (and the leading group's consent, if any). */
export function RecusalConflictList({
  conflicts,
  title = "存在回避情形，须经领导小组记录理由同意后方可安排",
}: {
  conflicts: RecusalConflict[];
  title?: string;
}) {
  if (!conflicts.length) return null;
  const open = conflicts.filter((c) => !c.overridden);
  return (
    <Alert
      type={open.length ? "error" : "warning"}
      showIcon
      style={{ marginBottom: 16 }}
      title={open.length ? title : "以下回避情形已经领导小组同意"}
      description={
        <List
          size="small"
          dataSource={conflicts}
          renderItem={(c) => (
            <List.Item style={{ paddingInline: 0 }}>
              <div>
                <Typography.Text strong>{c.personName}</Typography.Text>
                {" — "}
                <Typography.Text>{c.targetName}</Typography.Text>：{c.reason}
                {c.overridden && (
                  <div>
                    <Tag color="gold">领导小组已同意</Tag>
                    <Typography.Text type="secondary">{c.overrideReason}</Typography.Text>
                  </div>
                )}
              </div>
            </List.Item>
          )}
        />
      }
    />
  );
}
