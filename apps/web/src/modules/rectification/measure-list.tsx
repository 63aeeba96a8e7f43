import { COMPLETIONS, chinaDate } from "@xuncha/domain/model";
import { Button, Card, Descriptions, Empty, Space, Timeline, Typography } from "antd";
import { useState } from "react";
import { formatDate } from "../../app/format";
import { measureTag } from "../../app/status";
import { FileLinks } from "../../components/file-links";
import { StatusTagView } from "../../components/status-tag";
import type { Measure } from "./api";
import { OutcomesDrawer } from "./measure-drawer";

/** A measure's outcomes in one line, or null when none are recorded. */
export function outcomesText(m: Measure): string | null {
  const parts = [
    m.rulesMade?.length ? `建章立制 ${m.rulesMade.length} 项（${m.rulesMade.join("、")}）` : "",
    m.moneyRecovered ? `挽回经济损失 ${m.moneyRecovered.toFixed(2)} 万元` : "",
    m.accountablePersons ? `追责问责 ${m.accountablePersons} 人` : "",
  ].filter((p) => p !== "");
  return parts.length ? parts.join("；") : null;
}

/** A measure's deadline, with 长期坚持 and how often the office extended it. */
function deadlineText(m: Measure): string {
  const extended = m.extensions?.length
    ? `（已延期 ${m.extensions.length} 次，原时限 ${formatDate(m.extensions[0]!.from)}）`
    : "";
  return `${formatDate(m.deadline)}${m.longTerm ? "（长期坚持）" : ""}${extended}`;
}

/** The measures of one problem, each with its responsible people, deadline, status and dated progress. */
export function MeasureList({
  measures,
  onReport,
  onOutcomesSaved,
  onExtend,
  today = chinaDate(),
}: {
  measures: Measure[];
  /** When given, each measure shows an "extend the deadline" button (the office, plan passed). */
  onExtend?: (m: Measure) => void;
  /** When given, each open measure shows a "report progress" button. */
  onReport?: (m: Measure) => void;
  /** When given, each measure shows a "record outcomes" button (the contact, problem not closed). */
  onOutcomesSaved?: () => void;
  /** Today (China), as the server computed the states. */
  today?: string;
}) {
  const [editing, setEditing] = useState<Measure | null>(null);
  if (measures.length === 0)
    return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="尚未制定整改措施" />;
  return (
    <Space orientation="vertical" size={12} style={{ width: "100%" }}>
      {measures.map((m, i) => (
        <Card
          key={m.id}
          size="small"
          type="inner"
          title={
            <Space wrap>
              <span>措施 {i + 1}</span>
              <StatusTagView tag={measureTag(m, today)} />
            </Space>
          }
          extra={
            (onReport || onOutcomesSaved || onExtend) && (
              <Space size={4} wrap>
                {onExtend && (
                  <Button size="small" onClick={() => onExtend(m)}>
                    延期
                  </Button>
                )}
                {onOutcomesSaved && (
                  <Button size="small" onClick={() => setEditing(m)}>
                    记录成效
                  </Button>
                )}
                {onReport && (
                  <Button size="small" type="primary" ghost onClick={() => onReport(m)}>
                    报告进展
                  </Button>
                )}
              </Space>
            )
          }
        >
          <Typography.Paragraph className="xc-pre" style={{ marginBottom: 8 }}>
            {m.content}
          </Typography.Paragraph>
          <Descriptions
            size="small"
            column={{ xs: 1, sm: 2, lg: 3 }}
            items={[
              {
                key: "deadline",
                label: "整改时限",
                children: deadlineText(m),
              },
              { key: "person", label: "责任人", children: m.responsiblePerson || "—" },
              { key: "leader", label: "责任领导", children: m.responsibleLeader || "—" },
              { key: "dept", label: "责任部门", children: m.responsibleDept || "—" },
              { key: "goal", label: "整改目标", children: m.goal || "—" },
              { key: "outcomes", label: "整改成效", children: outcomesText(m) ?? "—" },
            ]}
          />
          {m.extensions?.length ? (
            <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
              {m.extensions.map((x) => (
                <div key={`${x.at}`}>
                  延期：{formatDate(x.from)} → {formatDate(x.to)}（{x.reason}）
                </div>
              ))}
            </Typography.Paragraph>
          ) : null}
          {m.progress.length > 0 && (
            <>
              <Typography.Text type="secondary">进展记录（{m.progress.length} 次）</Typography.Text>
              <Timeline
                style={{ marginTop: 12 }}
                items={[...m.progress].reverse().map((p) => ({
                  key: p.id,
                  color:
                    p.completion === "done" ? "green" : p.completion === "basicallyDone" ? "blue" : "gray",
                  content: (
                    <div>
                      <Typography.Text strong>
                        {formatDate(p.reportedOn)} · {COMPLETIONS.labels[p.completion] ?? p.completion}
                      </Typography.Text>
                      <div className="xc-pre">{p.content}</div>
                      {p.files.length > 0 && <FileLinks files={p.files} />}
                    </div>
                  ),
                }))}
              />
            </>
          )}
        </Card>
      ))}
      {onOutcomesSaved && (
        <OutcomesDrawer
          measure={editing}
          onClose={() => setEditing(null)}
          onSaved={() => {
            setEditing(null);
            onOutcomesSaved();
          }}
        />
      )}
    </Space>
  );
}
