import { Tabs } from "antd";
import { useSearchParams } from "react-router-dom";
import { useMe } from "../../../app/auth";
import { hasRole } from "../../../app/session";
import { PageContainer } from "../../../components/page-container";
import { DisclosuresTab } from "./disclosures-tab";
import { EvaluationsTab } from "./evaluations-tab";
import { RevisitsTab } from "./revisits-tab";

/**
 * 整改成效 (/rectification/follow-up): after the concentrated period, the office's revisits, effect
 * evaluation and disclosure, read (and disclosures approved) by the leading group; a target's
 * contact sees its revisit schedule and its published disclosures.
 */
export function FollowUpPage() {
  const me = useMe();
  const office = hasRole(me, "officeStaff");
  const reader = hasRole(me, "officeStaff", "leadership");
  const contactOnly = !reader && hasRole(me, "targetContact");
  const [params, setParams] = useSearchParams();
  const tab = params.get("tab") ?? "revisits";
  const items = [
    {
      key: "revisits",
      label: contactOnly ? "回访督查安排" : "回访督查",
      children: <RevisitsTab office={office} contactOnly={contactOnly} />,
    },
    ...(reader
      ? [{ key: "evaluations", label: "成效评估", children: <EvaluationsTab office={office} /> }]
      : []),
    ...(reader || contactOnly
      ? [
          {
            key: "disclosures",
            label: "整改公开",
            children: <DisclosuresTab office={office} contactOnly={contactOnly} />,
          },
        ]
      : []),
  ];
  return (
    <PageContainer title={contactOnly ? "回访督查与整改公开" : "整改成效"}>
      <Tabs
        activeKey={items.some((i) => i.key === tab) ? tab : "revisits"}
        onChange={(key) => setParams({ tab: key }, { replace: true })}
        items={items}
        destroyOnHidden
      />
    </PageContainer>
  );
}
