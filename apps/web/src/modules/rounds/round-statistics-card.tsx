import { Card, Col, Row, Statistic } from "antd";
import { RateText } from "../../components/rate-text";
import type { RoundStatistics } from "./api";

/** The round's figures, computed by the server from records; the rate shows its formula on hover. */
export function RoundStatisticsCard({ statistics }: { statistics: RoundStatistics }) {
  const figures: [string, number, string][] = [
    ["已审批问题", statistics.findings, "个"],
    ["待审批问题", statistics.drafts, "个"],
    ["移交线索", statistics.clues, "件"],
    ["已反馈问题", statistics.fedBack, "个"],
    ["已销号问题", statistics.closed, "个"],
  ];
  return (
    <Card title="本轮统计" size="small">
      <Row gutter={[16, 16]}>
        {figures.map(([title, value, suffix]) => (
          <Col key={title} xs={12} sm={8} lg={4}>
            <Statistic title={title} value={value} suffix={suffix} />
          </Col>
        ))}
        <Col xs={12} sm={8} lg={4}>
          <Statistic
            title="整改率"
            valueRender={() => <RateText rate={statistics.rectificationRate} strong />}
          />
        </Col>
      </Row>
    </Card>
  );
}
