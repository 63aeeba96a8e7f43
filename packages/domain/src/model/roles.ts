/** The roles of ROLES.md. Group roles follow from group membership; the others are assigned. */
export const ROLES = [
  "sysAdmin",
  "securityAdmin",
  "auditAdmin",
  "leadership",
  "officeStaff",
  "groupLeader",
  "groupDeputy",
  "groupMember",
  "disciplineReviewer",
  "organizationReviewer",
  "partnerDept",
  "targetContact",
  "upperLevel",
  "tipCustodian",
] as const;
export type Role = (typeof ROLES)[number];

/** Roles held through an assignment row (role_assignments). */
export const ASSIGNABLE_ROLES = ROLES.filter(
  (r) => r !== "groupLeader" && r !== "groupDeputy" && r !== "groupMember",
) as Exclude<Role, "groupLeader" | "groupDeputy" | "groupMember">[];
export type AssignableRole = (typeof ASSIGNABLE_ROLES)[number];

/** 三员分立: nobody may hold two of these. */
export const INSTALLATION_ADMIN_ROLES = ["sysAdmin", "securityAdmin", "auditAdmin"] as const;

export const ROLE_LABELS: Record<Role, string> = {
  sysAdmin: "系统管理员",
  securityAdmin: "安全管理员",
  auditAdmin: "审计管理员",
  leadership: "巡察工作领导小组",
  officeStaff: "巡察办",
  groupLeader: "巡察组组长",
  groupDeputy: "巡察组副组长",
  groupMember: "巡察组组员",
  disciplineReviewer: "纪委监委",
  organizationReviewer: "组织部",
  partnerDept: "联席会成员单位",
  targetContact: "被巡察单位联系人",
  upperLevel: "上级巡察机构",
  tipCustodian: "举报人信息保管人",
};

/** Roles inside a group (group_members.role). */
export const GROUP_ROLES = ["leader", "deputy", "member", "liaison"] as const;
export type GroupRole = (typeof GROUP_ROLES)[number];
export const GROUP_ROLE_LABELS: Record<GroupRole, string> = {
  leader: "组长",
  deputy: "副组长",
  member: "组员",
  liaison: "联络员",
};
