import { Card, Descriptions, Form, Input, Radio, Space, Table, Tag, Typography } from "antd";
import type { ReactNode } from "react";
import type { Verdict } from "./review-api";
import { type FieldRow, MEASURE_DIFF_LABELS, type MeasureDiffKind } from "./review-diff";

const KIND_COLORS: Record<MeasureDiffKind, string> = {
  added: "green",
  changed: "gold",
  removed: "default",
  unchanged: "default",
};

/**
 * Field by field, before → after (a changed measure), or the fields as they are (an added or a removed
 * measure; `skip` leaves out the field already shown as the card's text).
 */
export function FieldRowsTable({
  rows,
  kind,
  skip,
}: {
  rows: FieldRow[];
  kind: MeasureDiffKind;
  skip?: string;
}) {
  if (rows.length === 0) return null;
  if (kind !== "changed") {
    return (
      <Descriptions
        size="small"
        column={{ xs: 1, sm: 2, lg: 3 }}
        items={rows
          .filter((r) => r.field !== skip)
          .map((r) => ({
            key: r.field,
            label: r.label,
            children:
              kind === "removed" ? (
                <del className="xc-pre">{r.after}</del>
              ) : (
                <span className="xc-pre">{r.after}</span>
              ),
          }))}
      />
    );
  }
  return (
    <Table<FieldRow>
      size="small"
      rowKey="field"
      pagination={false}
      dataSource={rows}
      scroll={{ x: "max-content" }}
      columns={[
        { title: "修改内容", dataIndex: "label", width: 100 },
        {
          title: "修改前",
          dataIndex: "before",
          render: (t: string) => (
            <del className="xc-pre" style={{ color: "#8c8c8c" }}>
              {t}
            </del>
          ),
        },
        { title: "修改后", dataIndex: "after", render: (t: string) => <span className="xc-pre">{t}</span> },
      ]}
    />
  );
}

/** A verdict (通过 / 退回) and an opinion, required when returning. */
export function VerdictInput({
  label,
  value,
  onChange,
  missing,
}: {
  label: string;
  value: Verdict;
  onChange: (v: Verdict) => void;
  missing: boolean;
}) {
  return (
    <Form layout="vertical" component="div">
      <Form.Item label={label} style={{ marginBottom: 8 }}>
        <Radio.Group
          optionType="button"
          buttonStyle="solid"
          value={value.decision}
          onChange={(e) => onChange({ ...value, decision: e.target.value })}
          options={[
            { value: "pass", label: "通过" },
            { value: "return", label: "退回" },
          ]}
        />
      </Form.Item>
      <Form.Item
        style={{ marginBottom: 0 }}
        validateStatus={missing ? "error" : undefined}
        help={missing ? "退回须写明意见" : undefined}
      >
        <Input.TextArea
          aria-label={`${label}意见`}
          value={value.opinion}
          onChange={(e) => onChange({ ...value, opinion: e.target.value })}
          autoSize={{ minRows: 2, maxRows: 8 }}
          maxLength={5000}
          placeholder={value.decision === "return" ? "退回意见（必填）：写明需要修改的地方" : "意见（选填）"}
        />
      </Form.Item>
    </Form>
  );
}

/** One measure on the review screen: what changed since the party's last review, and its verdict. */
export function ReviewMeasureCard({
  label,
  kind,
  content,
  rows,
  note,
  textField = "content",
  children,
}: {
  label: string;
  kind: MeasureDiffKind;
  /** The measure's text (content or progress) as it now stands. */
  content: string;
  rows: FieldRow[];
  note?: ReactNode;
  /** The field shown as the card's text (not repeated among an added measure's fields). */
  textField?: string;
  children?: ReactNode;
}) {
  return (
    <Card
      size="small"
      data-testid="review-measure"
      title={
        <Space wrap size={[8, 4]} style={{ whiteSpace: "normal" }}>
          <span>{label}</span>
          <Tag color={KIND_COLORS[kind]}>{MEASURE_DIFF_LABELS[kind]}</Tag>
        </Space>
      }
    >
      {kind !== "removed" && content && (
        <Typography.Paragraph className="xc-pre" style={{ marginBottom: 8 }}>
          {content}
        </Typography.Paragraph>
      )}
      {note && (
        <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
          {note}
        </Typography.Paragraph>
      )}
      <FieldRowsTable rows={rows} kind={kind} skip={kind === "added" ? textField : undefined} />
      {children && <div style={{ marginTop: 12 }}>{children}</div>}
    </Card>
  );
}
