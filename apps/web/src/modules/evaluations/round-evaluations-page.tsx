import { KeyOutlined } from "@ant-design/icons";
import {
  Alert,
  Button,
  Card,
  Col,
  Descriptions,
  Empty,
  Form,
  Input,
  InputNumber,
  Progress,
  Row,
  Space,
  Statistic,
  Tag,
  Typography,
} from "antd";
import { useState } from "react";
import { Link, useParams } from "react-router-dom";
import { api } from "../../app/api-client";
import { PageLoading } from "../../app/app-layout";
import { useMe } from "../../app/auth";
import { formatDate } from "../../app/format";
import { notifySuccess } from "../../app/notify";
import { hasRole } from "../../app/session";
import { useAction, useRequest } from "../../app/use-request";
import { LoadError } from "../../components/load-error";
import { PageContainer } from "../../components/page-container";
import { type ConductResult, GRADE_COLORS, gradeOf, type RoundEvaluations } from "./api";
import { IssueCodesModal } from "./issue-codes-modal";

type GroupSheet = RoundEvaluations["groups"][number];

function ConductPanel({ c }: { c: ConductResult }) {
  return (
    <Space orientation="vertical" style={{ width: "100%" }}>
      <Row gutter={12}>
        <Col span={8}>
          <Statistic title="发放评价码" value={c.codesIssued} suffix="个" />
        </Col>
        <Col span={8}>
          <Statistic title="收回答卷" value={c.responses} suffix="份" />
        </Col>
        <Col span={8}>
          <Statistic
            title="回收率"
            value={c.responseRate === null ? "—" : `${Math.round(c.responseRate * 100)}%`}
          />
        </Col>
      </Row>
      {c.responses === 0 ? (
        <Typography.Text type="secondary">尚无答卷</Typography.Text>
      ) : (
        <>
          <Typography.Text>
            综合平均 <Typography.Text strong>{c.overall?.toFixed(2) ?? "—"}</Typography.Text> 分（满分 5 分）
          </Typography.Text>
          {c.averages.map((a) => (
            <div key={a.code}>
              <Typography.Text type="secondary">{a.title}</Typography.Text>
              <Progress
                percent={a.average === null ? 0 : (a.average / 5) * 100}
                format={() => (a.average === null ? "—" : a.average.toFixed(2))}
                size="small"
              />
            </div>
          ))}
          {c.remarks.length > 0 && (
            <details>
              <summary>意见建议（{c.remarks.length} 条）</summary>
              <ul style={{ paddingInlineStart: 18 }}>
                {c.remarks.map((r, i) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: anonymous remarks have no id
                  <li key={i}>{r}</li>
                ))}
              </ul>
            </details>
          )}
        </>
      )}
    </Space>
  );
}

function GroupEvaluationCard({
  sheet,
  data,
  onSaved,
  onIssue,
}: {
  sheet: GroupSheet;
  data: RoundEvaluations;
  onSaved: () => void;
  onIssue: () => void;
}) {
  const [form] = Form.useForm();
  const { run, pending } = useAction();
  const criteria = data.criteria.criteria;
  const initial = Object.fromEntries(
    criteria.map((c) => [c.code, sheet.evaluation?.scores.find((s) => s.code === c.code)?.score ?? null]),
  );
  const notes = Object.fromEntries(
    criteria.map((c) => [
      `${c.code}__note`,
      sheet.evaluation?.scores.find((s) => s.code === c.code)?.note ?? "",
    ]),
  );
  const values = Form.useWatch([], form) as Record<string, number | string | null> | undefined;
  const total = criteria.reduce((s, c) => s + Number(values?.[c.code] ?? initial[c.code] ?? 0), 0);
  const complete = criteria.every((c) => (values?.[c.code] ?? initial[c.code]) !== null);
  const grade = gradeOf(total, data.maxTotal, data.criteria.thresholds);
  const editable = data.abilities.evaluate;

  const save = async (v: Record<string, number | string | null>) => {
    const result = await run(() =>
      api.put(`/groups/${sheet.groupId}/evaluation`, {
        scores: criteria.map((c) => ({
          code: c.code,
          score: Number(v[c.code]),
          note: String(v[`${c.code}__note`] ?? ""),
        })),
        comment: String(v.comment ?? ""),
      }),
    );
    if (result.ok) {
      notifySuccess(`${sheet.name}评价已保存`);
      onSaved();
    }
  };

  return (
    <Card
      size="small"
      title={sheet.name}
      extra={
        sheet.evaluation && (
          <Tag color={GRADE_COLORS[sheet.evaluation.grade]}>
            {sheet.evaluation.total} 分 · {sheet.evaluation.grade}
          </Tag>
        )
      }
    >
      <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
        巡察对象：{sheet.targets.map((t) => t.name).join("、") || "尚未分配"}
      </Typography.Paragraph>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={14}>
          <Typography.Title level={5}>工作质量和绩效评价</Typography.Title>
          <Form
            form={form}
            layout="vertical"
            disabled={!editable}
            initialValues={{ ...initial, ...notes, comment: sheet.evaluation?.comment ?? "" }}
            onFinish={save}
          >
            {criteria.map((c) => {
              const fact = sheet.facts.find((f) => f.code === c.code);
              return (
                <div
                  key={c.code}
                  style={{ display: "flex", flexWrap: "wrap", gap: 8, alignItems: "flex-start" }}
                >
                  <Form.Item
                    name={c.code}
                    label={`${c.title}（满分 ${c.max}）`}
                    tooltip={c.hint}
                    rules={[{ required: true, message: `请为“${c.title}”评分` }]}
                    extra={fact && fact.fact !== "none" ? `系统记录：${fact.label} ${fact.text}` : undefined}
                    style={{ minWidth: 220, flex: "1 1 220px", marginBottom: 12 }}
                  >
                    <InputNumber min={0} max={c.max} step={0.5} style={{ width: "100%" }} />
                  </Form.Item>
                  <Form.Item
                    name={`${c.code}__note`}
                    label="评分说明"
                    style={{ flex: "2 1 220px", marginBottom: 12 }}
                  >
                    <Input maxLength={500} />
                  </Form.Item>
                </div>
              );
            })}
            <Form.Item name="comment" label="评语">
              <Input.TextArea rows={3} maxLength={2000} />
            </Form.Item>
            <Space wrap>
              <Typography.Text>
                合计 <Typography.Text strong>{Math.round(total * 100) / 100}</Typography.Text> /{" "}
                {data.maxTotal} 分
                {complete && (
                  <Tag color={GRADE_COLORS[grade]} style={{ marginInlineStart: 8 }}>
                    {grade}
                  </Tag>
                )}
              </Typography.Text>
              {editable && (
                <Button type="primary" htmlType="submit" loading={pending}>
                  保存评价
                </Button>
              )}
            </Space>
            {sheet.evaluation && (
              <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>
                {sheet.evaluation.evaluatedBy} 于 {formatDate(sheet.evaluation.evaluatedAt)} 评价
              </Typography.Paragraph>
            )}
          </Form>
        </Col>
        <Col xs={24} lg={10}>
          <Space style={{ width: "100%", justifyContent: "space-between" }} wrap>
            <Typography.Title level={5} style={{ margin: 0 }}>
              作风评价
            </Typography.Title>
            {data.abilities.issueCodes && (
              <Button size="small" icon={<KeyOutlined />} onClick={onIssue}>
                生成评价码
              </Button>
            )}
          </Space>
          <div style={{ marginTop: 8 }}>
            <ConductPanel c={sheet.conduct} />
          </div>
        </Col>
      </Row>
    </Card>
  );
}

/** 一巡一评: the office scores each group of a round and follows its conduct questionnaire. */
export function RoundEvaluationsPage() {
  const { id = "" } = useParams();
  const data = useRequest<RoundEvaluations>(`/rounds/${id}/evaluations`);
  const [issuing, setIssuing] = useState<GroupSheet | null>(null);
  const office = hasRole(useMe(), "officeStaff");
  if (data.error) return <LoadError error={data.error} onRetry={data.reload} />;
  if (!data.data) return <PageLoading />;
  const d = data.data;
  const t = d.criteria.thresholds;
  return (
    <PageContainer
      title={`${d.round.name} 一巡一评`}
      extra={
        <>
          {office && (
            <Link to="/settings?tab=evaluation">
              <Button>评价标准设置</Button>
            </Link>
          )}
          <Link to={`/rounds/${d.round.id}`}>
            <Button>返回轮次</Button>
          </Link>
        </>
      }
    >
      <Space orientation="vertical" size={16} style={{ width: "100%" }}>
        {office && !d.abilities.evaluate && (
          <Alert
            type="info"
            showIcon
            title="进入“报告巡察情况”阶段后，巡察办可对各巡察组评分；作风评价码可随时生成。"
          />
        )}
        <Descriptions
          size="small"
          column={{ xs: 1, sm: 2 }}
          items={[
            { key: "max", label: "满分", children: `${d.maxTotal} 分` },
            {
              key: "grades",
              label: "等次",
              children: `优秀 ≥ ${t.优秀}%，良好 ≥ ${t.良好}%，一般 ≥ ${t.一般}%，其余为较差`,
            },
          ]}
        />
        {d.groups.length === 0 ? (
          <Empty description="本轮尚未组建巡察组" />
        ) : (
          d.groups.map((g) => (
            <GroupEvaluationCard
              key={g.groupId}
              sheet={g}
              data={d}
              onSaved={data.reload}
              onIssue={() => setIssuing(g)}
            />
          ))
        )}
      </Space>
      <IssueCodesModal
        group={
          issuing && { groupId: issuing.groupId, name: issuing.name, targetCount: issuing.targets.length }
        }
        onClose={() => setIssuing(null)}
        onIssued={data.reload}
      />
    </PageContainer>
  );
}
