import { NumberOutlined } from "@ant-design/icons";
import { Alert, Button, Card, Space, Tabs, Typography } from "antd";
import { Link, useSearchParams } from "react-router-dom";
import { PageLoading } from "../../app/app-layout";
import { useAuth } from "../../app/auth";
import { hasRole } from "../../app/session";
import { PageContainer } from "../../components/page-container";
import { CriteriaSettingsCard } from "../evaluations/criteria-settings-card";
import { RectificationSettingsCard } from "../rectification/rectification-settings-card";
import { TipSettingsCard } from "../tips/tip-settings-card";
import { ChecklistCard } from "./checklist-card";
import { DeadlinesCard } from "./deadlines-card";
import { RecusalRulesCard } from "./recusal-rules-card";

/**
 * The office's settings: deadlines, the stage checklist, recusal rules, the group evaluation
 * criteria (一巡一评), tips (信访举报: cipher and attachment limits), rectification supervision
 * (整改督办: joint review parties and the escalation ladder) and a way to the numbering registers (发文字号).
 */
export function WorkItemSettingsPage() {
  const { state } = useAuth();
  const [params, setParams] = useSearchParams();
  if (state.status !== "authenticated") return <PageLoading />;
  const editable = hasRole(state.me, "officeStaff");
  const tab = params.get("tab") ?? "work-items";
  return (
    <PageContainer
      title="工作设置"
      extra={
        // The numbering registers are the office's own (the leading group does not read them).
        editable && (
          <Link to="/settings/registers">
            <Button icon={<NumberOutlined />}>发文字号设置</Button>
          </Link>
        )
      }
    >
      {!editable && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          title="以下设置由巡察办维护，此处仅供查看。"
        />
      )}
      <Tabs
        activeKey={tab}
        onChange={(key) => setParams({ tab: key }, { replace: true })}
        items={[
          {
            key: "work-items",
            label: "工作时限与事项",
            children: (
              <Space orientation="vertical" size={16} style={{ width: "100%" }}>
                <DeadlinesCard editable={editable} />
                <ChecklistCard editable={editable} />
              </Space>
            ),
          },
          { key: "recusal", label: "回避规则", children: <RecusalRulesCard editable={editable} /> },
          {
            key: "evaluation",
            label: "一巡一评",
            children: <CriteriaSettingsCard editable={editable} />,
          },
          { key: "tips", label: "信访举报", children: <TipSettingsCard editable={editable} /> },
          {
            key: "rectification",
            label: "整改督办",
            children: <RectificationSettingsCard editable={editable} />,
          },
          editable && {
            key: "registers",
            label: "发文字号",
            children: (
              <Card size="small">
                <Space wrap>
                  <Typography.Text>
                    授权任职决定、巡察公告、立行立改通知书等公文按发文字号编号（发文机关、发文代字和适用的公文种类）。
                  </Typography.Text>
                  <Link to="/settings/registers">设置发文字号</Link>
                </Space>
              </Card>
            ),
          },
        ].filter((t) => t !== false)}
      />
    </PageContainer>
  );
}
