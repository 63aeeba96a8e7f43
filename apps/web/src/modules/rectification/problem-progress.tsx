import { PlusOutlined } from "@ant-design/icons";
import { chinaDate } from "@xuncha/domain/model";
import { Alert, Button, Card, Col, Empty, Row, Segmented, Space, Statistic, Tag, Typography } from "antd";
import { useState } from "react";
import { PageLoading } from "../../app/app-layout";
import { LEDGER_STATE_LABELS, type LedgerState, ledgerStateTag } from "../../app/status";
import { useRequest } from "../../app/use-request";
import { ExportButton } from "../../components/export-button";
import { LoadError } from "../../components/load-error";
import { RateText } from "../../components/rate-text";
import { StatusTagView } from "../../components/status-tag";
import { SEVERITY_COLORS, severityLabel } from "../findings/finding-labels";
import type { Ledger, LedgerItem, Measure } from "./api";
import { MeasureDrawer } from "./measure-drawer";
import { MeasureList } from "./measure-list";
import { ProgressDrawer } from "./progress-drawer";

/** What the contact must do next for one problem, in plain words. */
function nextStep(item: LedgerItem): string {
  switch (item.state) {
    case "noPlan":
      return "请制定整改措施：写明措施、责任人和整改时限。";
    case "overdue":
      return "有措施已超过整改时限，请尽快完成并报告进展，说明原因。";
    case "inProgress":
      return "请按时限推进，完成后报告“已完成”并上传佐证材料。";
    case "reported":
      return "全部措施已报告完成，等待巡察办核验销号。";
    case "closed":
      return "已销号。请保持整改成果，防止问题反弹。";
  }
}

function ProblemCard({
  item,
  today,
  onAddMeasure,
  onReport,
  onOutcomesSaved,
}: {
  item: LedgerItem;
  /** Today (China), as the server computed the states. */
  today: string;
  onAddMeasure: () => void;
  onReport: (m: Measure) => void;
  /** Reload after the contact recorded a measure's outcomes (成效). */
  onOutcomesSaved?: () => void;
}) {
  const tag = ledgerStateTag(item.state, item.measures, today);
  const canReport = item.abilities.reportProgress ?? item.abilities.addMeasure;
  return (
    <Card
      title={
        <Space wrap size={[8, 4]} style={{ whiteSpace: "normal" }}>
          <span>问题 {item.finding.number}</span>
          <StatusTagView tag={tag} />
          <Tag color={SEVERITY_COLORS[item.finding.severity]}>{severityLabel(item.finding.severity)}</Tag>
        </Space>
      }
      data-testid="my-problem"
    >
      <Typography.Title level={5} style={{ marginTop: 0 }}>
        {item.finding.title}
      </Typography.Title>
      <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
        {item.finding.categoryName} · {item.round.name}
      </Typography.Paragraph>
      <Typography.Paragraph
        className="xc-pre"
        ellipsis={{ rows: 4, expandable: "collapsible", symbol: (e) => (e ? "收起" : "展开全文") }}
      >
        {item.finding.description}
      </Typography.Paragraph>
      <Alert
        type={item.state === "overdue" ? "error" : item.state === "closed" ? "success" : "info"}
        showIcon
        title={nextStep(item)}
        style={{ marginBottom: 12 }}
      />
      <MeasureList
        measures={item.measures}
        today={today}
        onReport={canReport ? onReport : undefined}
        onOutcomesSaved={item.abilities.editOutcomes ? onOutcomesSaved : undefined}
      />
      {item.abilities.addMeasure && (
        <Button block icon={<PlusOutlined />} style={{ marginTop: 12 }} size="large" onClick={onAddMeasure}>
          添加整改措施
        </Button>
      )}
    </Card>
  );
}

const FILTERS: { value: LedgerState | "all"; label: string }[] = [
  { value: "all", label: "全部" },
  { value: "noPlan", label: LEDGER_STATE_LABELS.noPlan },
  { value: "overdue", label: LEDGER_STATE_LABELS.overdue },
  { value: "inProgress", label: LEDGER_STATE_LABELS.inProgress },
  { value: "reported", label: "待销号" },
  { value: "closed", label: LEDGER_STATE_LABELS.closed },
];

/** The fed-back problems of the contact's organization with their measures and dated progress. */
export function ProblemProgress() {
  // One organization's problems fit one page (the server's largest); more are said, never dropped silently.
  const ledger = useRequest<Ledger>("/rectification/ledger", { pageSize: 500 });
  const [filter, setFilter] = useState<LedgerState | "all">("all");
  const [adding, setAdding] = useState<LedgerItem | null>(null);
  const [reporting, setReporting] = useState<Measure | null>(null);

  if (ledger.error) return <LoadError error={ledger.error} onRetry={ledger.reload} />;
  if (!ledger.data) return <PageLoading />;
  const items = ledger.data.items;
  const total = ledger.data.total ?? items.length;
  const countOf = (s: LedgerState) => items.filter((i) => i.state === s).length;
  const shown = filter === "all" ? items : items.filter((i) => i.state === filter);
  const order: LedgerState[] = ["overdue", "noPlan", "inProgress", "reported", "closed"];
  const sorted = [...shown].sort(
    (a, b) => order.indexOf(a.state) - order.indexOf(b.state) || a.finding.number - b.finding.number,
  );

  return (
    <>
      <Space orientation="vertical" size={16} style={{ width: "100%" }}>
        {total > items.length && (
          <Alert
            type="warning"
            showIcon
            title={`共 ${total} 个问题，这里列出前 ${items.length} 个；全部问题请导出整改台账查看。`}
            action={<ExportButton path="/rectification/ledger/export" query={{}} fileName="整改台账.xlsx" />}
          />
        )}
        <Row gutter={[12, 12]}>
          <Col xs={12} sm={6}>
            <Card size="small">
              <Statistic title="反馈问题" value={total} suffix="个" />
            </Card>
          </Col>
          <Col xs={12} sm={6}>
            <Card size="small">
              <Statistic
                title="已逾期"
                value={countOf("overdue")}
                suffix="个"
                styles={{ content: { color: countOf("overdue") ? "#cf1322" : undefined } }}
              />
            </Card>
          </Col>
          <Col xs={12} sm={6}>
            <Card size="small">
              <Statistic title="未制定措施" value={countOf("noPlan")} suffix="个" />
            </Card>
          </Col>
          <Col xs={12} sm={6}>
            <Card size="small">
              <Statistic title="整改率" valueRender={() => <RateText rate={ledger.data!.rate} strong />} />
            </Card>
          </Col>
        </Row>
        <div style={{ overflowX: "auto" }}>
          <Segmented<LedgerState | "all">
            value={filter}
            onChange={setFilter}
            options={FILTERS.map((f) => ({
              value: f.value,
              label: `${f.label}（${f.value === "all" ? items.length : countOf(f.value)}）`,
            }))}
          />
        </div>
        {sorted.length === 0 ? (
          <Card>
            <Empty description={items.length === 0 ? "暂无反馈给本单位的问题" : "没有该状态的问题"} />
          </Card>
        ) : (
          sorted.map((item) => (
            <ProblemCard
              key={item.finding.id}
              item={item}
              today={ledger.data?.today ?? chinaDate()}
              onAddMeasure={() => setAdding(item)}
              onReport={(m) => setReporting(m)}
              onOutcomesSaved={ledger.reload}
            />
          ))
        )}
      </Space>
      <MeasureDrawer
        item={adding}
        onClose={() => setAdding(null)}
        onSaved={() => {
          setAdding(null);
          ledger.reload();
        }}
      />
      <ProgressDrawer
        measure={reporting}
        onClose={() => setReporting(null)}
        onSaved={() => {
          setReporting(null);
          ledger.reload();
        }}
      />
    </>
  );
}
