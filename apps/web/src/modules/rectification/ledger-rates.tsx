import { RATE_GROUPING_LABELS, type RateGrouping } from "@xuncha/domain/model";
import { Card, Segmented, Table, Typography } from "antd";
import { useState } from "react";
import { useMe } from "../../app/auth";
import { hasRole } from "../../app/session";
import { useRequest } from "../../app/use-request";
import { LoadError } from "../../components/load-error";
import { RateText } from "../../components/rate-text";
import type { LedgerSums, Rates } from "./api";

/** The outcomes summed (成效): 建章立制, 挽回经济损失, 追责问责. */
export function LedgerSumsText({ sums }: { sums: LedgerSums }) {
  return (
    <span>
      措施 {sums.measures} 项 · 建章立制 {sums.rulesMade} 项 · 挽回经济损失 {sums.moneyRecovered.toFixed(2)}{" "}
      万元 · 追责问责 {sums.accountablePersons} 人
    </span>
  );
}

/** 整改率 per target, round, category or committee, each with its formula on hover. */
export function RatesCard({ roundId }: { roundId: string | undefined }) {
  const me = useMe();
  // 纪委监委 and 组织部 see the problems routed to them only: their figures are not the committee's.
  const partial = !hasRole(me, "officeStaff", "leadership");
  const [by, setBy] = useState<RateGrouping>("target");
  const rates = useRequest<Rates>("/rectification/rates", { by, roundId });
  return (
    <Card
      size="small"
      title="整改率"
      className="xc-no-print"
      extra={
        <Segmented<RateGrouping>
          size="small"
          value={by}
          onChange={setBy}
          options={(Object.keys(RATE_GROUPING_LABELS) as RateGrouping[]).map((k) => ({
            value: k,
            label: `按${RATE_GROUPING_LABELS[k]}`,
          }))}
        />
      }
      style={{ marginBottom: 16 }}
    >
      {rates.error ? (
        <LoadError error={rates.error} onRetry={rates.reload} />
      ) : (
        <>
          {rates.data && (
            <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
              {rates.data.formula}
              {partial && "（仅统计移交本部门、本部门可查看的问题，不是本级党委的总体整改率）"}
            </Typography.Paragraph>
          )}
          <Table
            size="small"
            rowKey="key"
            loading={rates.loading}
            dataSource={rates.data?.items ?? []}
            pagination={{ pageSize: 10, hideOnSinglePage: true }}
            scroll={{ x: "max-content" }}
            columns={[
              { title: RATE_GROUPING_LABELS[by], dataIndex: "name", key: "name" },
              { title: "已反馈问题", dataIndex: "problems", key: "problems", align: "right" },
              { title: "已销号", dataIndex: "closed", key: "closed", align: "right" },
              {
                title: "整改率",
                key: "rate",
                align: "right",
                sorter: (a, b) => (a.rate.percent ?? -1) - (b.rate.percent ?? -1),
                render: (_, r) => <RateText rate={r.rate} />,
              },
              { title: "建章立制（项）", dataIndex: "rulesMade", key: "rulesMade", align: "right" },
              {
                title: "挽回经济损失（万元）",
                key: "money",
                align: "right",
                render: (_, r) => r.moneyRecovered.toFixed(2),
              },
              { title: "追责问责（人）", dataIndex: "accountablePersons", key: "persons", align: "right" },
            ]}
            locale={{ emptyText: "暂无已反馈的问题" }}
          />
        </>
      )}
    </Card>
  );
}
