import {
  AlertOutlined,
  ApartmentOutlined,
  AuditOutlined,
  BankOutlined,
  CarryOutOutlined,
  CheckCircleOutlined,
  CommentOutlined,
  DashboardOutlined,
  FileSearchOutlined,
  FileTextOutlined,
  FlagOutlined,
  FormOutlined,
  KeyOutlined,
  MailOutlined,
  NotificationOutlined,
  PieChartOutlined,
  ReadOutlined,
  ScheduleOutlined,
  SecurityScanOutlined,
  SolutionOutlined,
  TeamOutlined,
  ThunderboltOutlined,
  UserSwitchOutlined,
} from "@ant-design/icons";
import type { ReactNode } from "react";
import { hasRole, type Me, type ModuleKey } from "./session";

export interface NavItem {
  path: string;
  label: string;
  icon: ReactNode;
  module: ModuleKey;
  /** Extra condition within the module (role-specific pages). */
  when?: (me: Me) => boolean;
}

const isContactOnly = (me: Me) => hasRole(me, "targetContact") && !hasRole(me, "officeStaff", "leadership");

/** The left navigation: one entry per page the account may open, following /api/auth/me's menu. */
export const NAV_ITEMS: NavItem[] = [
  { path: "/dashboard", label: "工作概览", icon: <DashboardOutlined />, module: "dashboard" },
  { path: "/targets", label: "被巡察对象库", icon: <BankOutlined />, module: "targets" },
  { path: "/personnel", label: "巡察人才库", icon: <TeamOutlined />, module: "personnel" },
  { path: "/planning", label: "巡察全覆盖", icon: <PieChartOutlined />, module: "planning" },
  { path: "/rounds", label: "巡察轮次", icon: <FlagOutlined />, module: "rounds" },
  {
    path: "/feedback",
    label: "巡察反馈",
    icon: <NotificationOutlined />,
    module: "rounds",
    when: (me) => hasRole(me, "officeStaff", "leadership"),
  },
  {
    path: "/surveys",
    label: "问卷测评",
    icon: <FormOutlined />,
    module: "rounds",
    when: (me) => hasRole(me, "officeStaff", "leadership", "groupLeader", "groupDeputy", "groupMember"),
  },
  { path: "/tips", label: "信访举报", icon: <MailOutlined />, module: "tips" },
  { path: "/fieldwork/briefings", label: "巡前情况通报", icon: <SolutionOutlined />, module: "fieldwork" },
  {
    path: "/fieldwork/interviews",
    label: "个别谈话",
    icon: <CommentOutlined />,
    module: "fieldwork",
    // The group, the office head and the leading group (ROLES.md); not the rest of the office.
    when: (me) =>
      hasRole(me, "leadership", "groupLeader", "groupDeputy", "groupMember") ||
      me.grants.some((g) => g.role === "officeStaff" && g.isHead),
  },
  { path: "/fieldwork/records", label: "查阅资料与走访", icon: <ReadOutlined />, module: "fieldwork" },
  { path: "/briefings/mine", label: "巡前情况通报", icon: <SolutionOutlined />, module: "briefings" },
  { path: "/findings", label: "巡察发现问题", icon: <FileSearchOutlined />, module: "findings" },
  { path: "/findings/immediate-fixes", label: "立行立改", icon: <ThunderboltOutlined />, module: "findings" },
  { path: "/reports", label: "巡察报告", icon: <FileTextOutlined />, module: "reports" },
  { path: "/clues", label: "问题线索", icon: <SecurityScanOutlined />, module: "clues" },
  {
    path: "/rectification/mine",
    label: "我的整改",
    icon: <ScheduleOutlined />,
    module: "rectification",
    when: isContactOnly,
  },
  {
    path: "/rectification/immediate-fixes",
    label: "立行立改通知",
    icon: <ThunderboltOutlined />,
    module: "rectification",
    when: isContactOnly,
  },
  {
    path: "/rectification",
    label: "整改台账",
    icon: <ScheduleOutlined />,
    module: "rectification",
    when: (me) => !isContactOnly(me),
  },
  {
    path: "/rectification/my-escalations",
    label: "督办函",
    icon: <AlertOutlined />,
    module: "rectification",
    when: isContactOnly,
  },
  { path: "/rectification/reviews", label: "整改联审", icon: <AuditOutlined />, module: "reviews" },
  {
    path: "/rectification/escalations",
    label: "督办记录",
    icon: <AlertOutlined />,
    module: "rectification",
    when: (me) => hasRole(me, "officeStaff", "leadership"),
  },
  {
    path: "/rectification/follow-up",
    label: "整改成效",
    icon: <CheckCircleOutlined />,
    module: "rectification",
    // 纪委监委 and 组织部 see the revisits they take part in.
    when: (me) => hasRole(me, "officeStaff", "leadership", "disciplineReviewer", "organizationReviewer"),
  },
  {
    path: "/rectification/follow-up",
    label: "回访与整改公开",
    icon: <CheckCircleOutlined />,
    module: "rectification",
    when: isContactOnly,
  },
  {
    path: "/settings",
    label: "工作设置",
    icon: <CarryOutOutlined />,
    module: "rounds",
    when: (me) => hasRole(me, "officeStaff", "leadership"),
  },
  { path: "/admin/committees", label: "党委管理", icon: <ApartmentOutlined />, module: "committees" },
  { path: "/admin/accounts", label: "账号与角色", icon: <UserSwitchOutlined />, module: "accounts" },
  {
    path: "/admin/security",
    label: "安全策略",
    icon: <KeyOutlined />,
    module: "accounts",
    when: (me) => hasRole(me, "securityAdmin"),
  },
  { path: "/audit", label: "审计日志", icon: <AuditOutlined />, module: "audit" },
];

export function navItemsFor(me: Me): NavItem[] {
  return NAV_ITEMS.filter((item) => me.menu.includes(item.module) && (!item.when || item.when(me)));
}

/** Where an account lands after login: its first page. */
export function homePath(me: Me): string {
  return navItemsFor(me)[0]?.path ?? "/no-access";
}

/** The nav entry a location belongs to (longest matching prefix). */
export function selectedNavPath(items: NavItem[], pathname: string): string | undefined {
  return items
    .filter((i) => pathname === i.path || pathname.startsWith(`${i.path}/`))
    .sort((a, b) => b.path.length - a.path.length)[0]?.path;
}
