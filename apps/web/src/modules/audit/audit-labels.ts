/** Chinese words for audit actions ("entity.verb"); unknown ones show as recorded. */
const ENTITIES: Record<string, string> = {
  account: "账号",
  auth: "登录",
  session: "会话",
  committee: "党委",
  target: "被巡察对象",
  person: "人员",
  term: "届次",
  round: "巡察轮次",
  group: "巡察组",
  finding: "问题",
  feedback: "反馈",
  measure: "整改措施",
  progress: "整改进展",
  clue: "问题线索",
  file: "文件",
  settings: "系统设置",
  role: "角色",
  audit: "审计日志",
  demo: "演示数据",
  interview: "个别谈话",
  briefing: "情况通报",
  fieldwork: "查阅资料与走访",
};

const VERBS: Record<string, string> = {
  create: "新建",
  update: "修改",
  import: "导入",
  export: "导出",
  login: "登录",
  logout: "退出",
  login_failed: "登录失败",
  locked: "锁定",
  disable: "停用",
  enable: "启用",
  progress: "报告进展",
  security_update: "修改安全策略",
  load: "加载",
  assign_role: "分配角色",
  revoke_role: "撤销角色",
  assign_targets: "分配对象",
  approve: "审批通过",
  return: "退回",
  decide: "处置决定",
  give: "反馈",
  add: "添加",
  report: "报告",
  close_out: "销号",
  reopen: "重新打开",
  dispose: "处置",
  read: "查看",
  read_list: "查看列表",
  upload: "上传",
  download: "下载",
  verify: "校验",
};

/** Actions whose words do not compose from entity and verb. */
const WHOLE: Record<string, string> = {
  "auth.login": "登录",
  "auth.login_failed": "登录失败",
  "auth.locked": "登录失败锁定账号",
  "auth.logout": "退出登录",
  "settings.security_update": "修改安全策略",
  "measure.progress": "报告整改进展",
  "demo.load": "加载演示数据",
  "clue.read_list": "查看问题线索台账",
};

export function actionLabel(action: string): string {
  const whole = WHOLE[action];
  if (whole) return whole;
  const [entity = "", verb = ""] = action.split(".");
  const e = ENTITIES[entity];
  const v = VERBS[verb];
  if (e && v) return `${v}${e}`;
  return action;
}

/** Filter by entity: the API takes an action prefix ending with a dot ("finding."). */
export const ACTION_PREFIXES = Object.entries(ENTITIES).map(([key, label]) => ({ value: `${key}.`, label }));
