import { Alert, Tabs } from "antd";
import { useState } from "react";
import { useAuth } from "../../app/auth";
import { groupGrants, hasRole } from "../../app/session";
import { LoadError } from "../../components/load-error";
import { PageContainer } from "../../components/page-container";
import { DepartmentsTab, RequestsTab } from "./office-briefings";
import { ProblemListTab } from "./problem-list";
import { RoundSelect, useRoundPick } from "./shared";

/**
 * 巡前情况通报: the office asks partner departments for briefings and follows their status; the
 * leading group reads; each group reads the answers on its targets and builds its problem list.
 */
export function BriefingsPage() {
  const { state } = useAuth();
  const me = state.status === "authenticated" ? state.me : null;
  const [roundId, setRoundId] = useState<string>();
  const { rounds, detail, targets } = useRoundPick(roundId, setRoundId);
  const overseer = hasRole(me, "officeStaff", "leadership");
  const office = hasRole(me, "officeStaff");
  const myGroups = new Set(
    groupGrants(me)
      .filter((g) => g.roundId === roundId)
      .map((g) => g.groupId),
  );
  const myTargets = targets.filter((t) => myGroups.has(t.groupId));
  const open = detail.data?.status === "open";

  const tabs = [
    ...(overseer
      ? [
          {
            key: "requests",
            label: "通报请求",
            children: roundId && (
              <RequestsTab roundId={roundId} canCreate={office && open} targets={targets} />
            ),
          },
        ]
      : []),
    {
      key: "answers",
      label: "通报内容与问题清单",
      children: roundId && (
        <ProblemListTab roundId={roundId} targets={myTargets} canWrite={open && myTargets.length > 0} />
      ),
    },
    ...(overseer
      ? [{ key: "departments", label: "联席会成员单位", children: <DepartmentsTab canEdit={office} /> }]
      : []),
  ];

  return (
    <PageContainer title="巡前情况通报">
      <search className="xc-filters">
        <RoundSelect rounds={rounds.data} value={roundId} onChange={setRoundId} />
      </search>
      {rounds.error && <LoadError error={rounds.error} onRetry={rounds.reload} />}
      {detail.data?.status === "closed" && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 12 }}
          title="本轮巡察已结束，情况通报和问题清单只能查看。"
        />
      )}
      <Alert
        type="warning"
        showIcon
        style={{ marginBottom: 12 }}
        title="情况通报可能涉及问题线索，查看和下载均记入审计日志，请勿外传。"
      />
      <Tabs items={tabs} destroyOnHidden />
    </PageContainer>
  );
}
