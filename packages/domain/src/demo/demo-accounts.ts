/**
 * The demo's accounts, one per role, listed on the login page in demo mode only. jiwei and zuzhibu
 * also answer briefings for their departments (partnerDept); the groups' other inspectors have
 * accounts of their own with the same password (qsxc001 …, not listed), and so do the other fed-back
 * targets' contacts and principals (lxr01 …, fzr01 …).
 */
export const DEMO_PASSWORD = "Xuncha@2026demo";

export const DEMO_ACCOUNTS = [
  { username: "office", role: "巡察办（主任）", name: "周文静" },
  { username: "office2", role: "巡察办（干部）", name: "郑晓明" },
  { username: "leader", role: "巡察工作领导小组", name: "王建国" },
  { username: "group1", role: "巡察组组长（第三轮第一巡察组）", name: "李志强" },
  { username: "member1", role: "巡察组组员（第三轮第一巡察组）", name: "陈晓燕" },
  { username: "jiwei", role: "纪委监委", name: "刘海涛" },
  { username: "zuzhibu", role: "组织部", name: "孙丽华" },
  { username: "shenji", role: "联席会成员单位（县审计局）", name: "冯德明" },
  { username: "xinfang", role: "联席会成员单位（县信访局）", name: "许美玲" },
  { username: "caizheng", role: "联席会成员单位（县财政局）", name: "蔡永平" },
  { username: "custodian", role: "举报人信息保管人", name: "钱立新" },
  { username: "target1", role: "被巡察单位联系人（县住建局党组）", name: "赵磊" },
  { username: "target1head", role: "被巡察单位主要负责人（县住建局党组）", name: "钱卫东" },
  { username: "city", role: "上级巡察机构（市委巡察办）", name: "吴国平" },
  { username: "sysadmin", role: "系统管理员", name: "系统管理员" },
  { username: "secadmin", role: "安全管理员", name: "安全管理员" },
  { username: "auditadmin", role: "审计管理员", name: "审计管理员" },
] as const;
