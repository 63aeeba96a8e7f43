import { PaperClipOutlined } from "@ant-design/icons";
import { Card, Collapse, Descriptions, Empty, Space, Typography } from "antd";
import { formatDateTime } from "../../app/format";
import { type SubmittedVersion, signOffScanUrl } from "./review-api";
import { fieldLabel, fieldRows, formatFieldValue } from "./review-diff";
import { partyNames } from "./review-tags";

/** Fields not worth a line of their own in the history (the problem is in the measure's label). */
const HIDDEN = ["findingId"];

function signOffText(v: SubmittedVersion): string {
  const s = v.signOff;
  if (!s) return "—";
  if (s.fileId) return `签字扫描件${s.fileName ? `（${s.fileName}）` : ""}`;
  const at = s.signedAt ?? s.at;
  return `${s.signedByName || s.name || "主要负责人"}本人确认${at ? `，${formatDateTime(at)}` : ""}`;
}

/** Every submitted version, newest first, with its parties, sign-off and content as submitted. */
export function VersionsHistory({
  subjectId,
  versions,
  labelOf,
}: {
  subjectId: string;
  versions: readonly SubmittedVersion[];
  labelOf: (measureId: string) => string;
}) {
  if (versions.length === 0) {
    return (
      <Card size="small" title="版本记录">
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="尚未提交过" />
      </Card>
    );
  }
  return (
    <Card size="small" title={`版本记录（${versions.length} 版）`} data-testid="versions-history">
      <Collapse
        size="small"
        items={[...versions].reverse().map((v) => ({
          key: String(v.number),
          label: `第 ${v.number} 版 · ${formatDateTime(v.submittedAt)} 提交`,
          children: (
            <Space orientation="vertical" size={8} style={{ width: "100%" }}>
              <Descriptions
                size="small"
                column={{ xs: 1, sm: 2 }}
                items={[
                  { key: "parties", label: "审核方", children: partyNames(v.parties) },
                  {
                    key: "signOff",
                    label: "签字背书",
                    children: v.signOff?.fileId ? (
                      <a href={signOffScanUrl(subjectId, v.number)} target="_blank" rel="noreferrer">
                        <PaperClipOutlined /> {signOffText(v)}
                      </a>
                    ) : (
                      signOffText(v)
                    ),
                  },
                  ...Object.entries(v.content.whole).map(([field, value]) => ({
                    key: `whole-${field}`,
                    label: fieldLabel(field),
                    span: 2,
                    children: <span className="xc-pre">{formatFieldValue(field, value)}</span>,
                  })),
                ]}
              />
              {v.content.measures.map((m) => (
                <div key={m.id}>
                  <Typography.Text strong>{labelOf(m.id)}</Typography.Text>
                  <Descriptions
                    size="small"
                    column={1}
                    items={fieldRows(m.fields, HIDDEN).map((r) => ({
                      key: r.field,
                      label: r.label,
                      children: <span className="xc-pre">{r.after}</span>,
                    }))}
                  />
                </div>
              ))}
            </Space>
          ),
        }))}
      />
    </Card>
  );
}
