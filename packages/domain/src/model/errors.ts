/**
 * Every error the API can return: a stable code, its HTTP status and its default Chinese message.
 * A new code does not compile until it has both.
 */
export const ERRORS = {
  "request.invalid": [400, "请求参数有误"],
  "request.malformed_json": [400, "请求内容不是有效的 JSON"],
  "request.too_large": [413, "请求内容过大"],
  "file.too_large": [413, "文件超过大小限制"],
  "file.type_not_allowed": [415, "不支持该文件类型"],
  "file.missing": [400, "请选择要上传的文件"],
  "file.not_found": [404, "文件不存在"],
  "import.invalid_rows": [422, "导入文件中有错误的行，未导入任何数据"],
  "import.unreadable": [400, "无法读取该 Excel 文件"],
  "import.missing_columns": [422, "导入文件缺少必需的列"],
  "import.empty": [422, "文件中没有可导入的数据行"],
  "auth.required": [401, "请先登录"],
  "auth.invalid_credentials": [401, "用户名或密码错误"],
  "auth.locked": [423, "登录失败次数过多，账号已临时锁定"],
  "auth.disabled": [403, "账号已停用"],
  "auth.csrf": [403, "页面已过期，请刷新后重试"],
  "auth.forbidden": [403, "没有权限执行此操作"],
  "account.password_weak": [422, "密码不符合规则"],
  "account.username_taken": [409, "用户名已被使用"],
  "account.admin_separation": [409, "三员分立：系统管理员、安全管理员、审计管理员不得由同一账号兼任"],
  "account.not_found": [404, "账号不存在"],
  "account.role_not_found": [404, "该角色分配不存在"],
  "account.role_exists": [409, "该账号已有此角色"],
  "account.admin_role_exclusive": [409, "系统管理员、安全管理员、审计管理员账号不得兼任业务角色"],
  "account.scope_required": [422, "该角色须指定范围：所属党委；被巡察单位联系人还须指定被巡察对象"],
  "account.last_admin": [409, "不能移除最后一名持有该管理员角色的账号"],
  "account.cannot_disable_self": [409, "不能停用自己的账号"],
  "committee.not_found": [404, "党委不存在"],
  "committee.level_invalid": [422, "下级党委的层级须低于上级党委"],
  "target.not_found": [404, "被巡察对象不存在"],
  "target.name_taken": [409, "同名的被巡察对象已存在"],
  "person.not_found": [404, "人员不存在"],
  "person.account_linked": [409, "该账号已关联其他人员"],
  "person.record_not_found": [404, "该条记录不存在"],
  "person.months_invalid": [422, "结束年月不能早于开始年月"],
  "training.not_found": [404, "培训记录不存在"],
  "term.not_found": [404, "届次不存在"],
  "proposal.not_found": [404, "规划方案不存在"],
  "proposal.decided": [409, "该方案已采纳或已退回，不能再修改"],
  "plan.invalid": [422, "方案不符合规划条件"],
  "round.not_found": [404, "巡察轮次不存在"],
  "round.closed": [409, "该轮巡察已结束，不能再修改"],
  "round.dates_invalid": [422, "结束日期不能早于开始日期"],
  "group.not_found": [404, "巡察组不存在"],
  "group.leader_required": [422, "巡察组须有且仅有一名组长"],
  "group.target_taken": [409, "该对象已分配给本轮其他巡察组"],
  "finding.not_found": [404, "问题不存在"],
  "finding.not_approvable": [409, "只有待审批的问题才能审批"],
  "finding.not_decidable": [409, "只有已审批、尚未反馈的问题才能决定处置方式"],
  "group.member_not_found": [404, "该人员不是本组成员"],
  "group.person_in_round": [409, "该人员已在本轮巡察组中"],
  "group.leader_pool": [422, "组长须从组长库中选任"],
  "group.person_unavailable": [422, "该人员当前不可参加巡察"],
  "group.leader_removal": [409, "不能移除组长，请先指定新的组长"],
  "recusal.conflict": [409, "存在回避情形，须经领导小组记录理由同意后方可安排"],
  "recusal.no_conflict": [422, "该人员与该单位之间没有回避情形，无需领导小组同意"],
  "draw.not_found": [404, "抽取记录不存在"],
  "draw.not_enough_candidates": [422, "符合条件的人员不足，无法抽取"],
  "commitment.person_not_in_round": [422, "该人员不是本轮巡察组成员"],
  "finding.not_editable": [409, "问题已审批，不能再修改"],
  "feedback.nothing_to_feed_back": [409, "该对象没有可反馈的问题"],
  "feedback.not_found": [404, "反馈不存在"],
  "measure.not_found": [404, "整改措施不存在"],
  "measure.finding_not_fed_back": [409, "问题尚未反馈，不能制定整改措施"],
  "closeout.not_ready": [409, "整改措施尚未全部报告完成，不能销号"],
  "closeout.already_closed": [409, "该问题已销号"],
  "closeout.not_closed": [409, "该问题尚未销号"],
  "clue.not_found": [404, "问题线索不存在"],
  "audit.forbidden": [403, "只有审计管理员可以查看审计日志"],
  "document.not_found": [404, "公文不存在"],
  "register.not_found": [404, "发文字号登记不存在"],
  "register.prefix_taken": [409, "本党委已有相同代字的发文字号"],
  "register.kind_taken": [409, "该文种已由其他发文字号登记使用"],
  "register.in_use": [409, "该发文字号已用于发文，不能删除"],
  "register.missing": [409, "没有为该文种设置发文字号，请先在发文字号设置中添加"],
  "document.no_groups": [422, "本轮尚未组建巡察组，不能生成该公文"],
  "route.not_found": [404, "请求的接口不存在"],
  "demo.not_empty": [409, "数据库中已有党委数据，不能加载演示数据（演示数据只能加载到空数据库）"],
  "setting.not_found": [404, "该设置项不存在"],
  "setting.invalid": [422, "设置内容有误"],
  "work_item.not_found": [404, "工作事项不存在"],
  "work_item.forbidden": [403, "只有该事项的责任方可以办理"],
  "work_item.done_in_future": [422, "完成日期不能晚于今天"],
  "round.stage_open_items": [409, "本阶段还有未完成的工作事项，确认后仍可进入下一阶段"],
  "evaluation.too_early": [409, "报告巡察情况阶段开始后才能评价巡察组"],
  "evaluation.score_invalid": [422, "评分有误：每项得分须在 0 到满分之间，且每个评价项目都要评分"],
  "conduct.code_invalid": [422, "评价码无效或已使用"],
  "conduct.answers_invalid": [422, "请对每个问题选择 1 至 5 分"],
  "partner_department.not_found": [404, "联席会成员单位不存在"],
  "partner_department.name_taken": [409, "同名的联席会成员单位已存在"],
  "briefing.not_found": [404, "情况通报请求不存在"],
  "briefing.target_not_requested": [404, "该请求未涉及此被巡察对象"],
  "pre_inspection_item.not_found": [404, "巡前问题清单条目不存在"],
  "pre_inspection_item.promoted": [409, "该条目已转为问题"],
  "interview.not_found": [404, "个别谈话记录不存在"],
  "interview.inspectors_required": [422, "个别谈话须有至少两名本组巡察人员在场"],
  "fieldwork_record.not_found": [404, "查阅资料或调研走访记录不存在"],
  "workpaper.not_found": [404, "问题底稿不存在"],
  "workpaper.locked": [409, "问题已审批，底稿不能再修改；如需修改，须由组长重新打开"],
  "workpaper.already_signed": [409, "您已在该底稿上签名"],
  "workpaper.signatures_required": [409, "问题底稿须有至少两名巡察组成员签名后才能审核、审批"],
  "workpaper.review_required": [409, "问题底稿须经副组长审核后才能审批"],
  "workpaper.not_reviewable": [409, "只有待审批的问题底稿才能审核"],
  "workpaper.already_reviewed": [409, "该底稿已审核"],
  "workpaper.not_reopenable": [409, "只有已审批、尚未作出处置决定的问题才能重新打开"],
  "workpaper.file_not_found": [404, "底稿附件不存在"],
  "immediate_fix.not_found": [404, "立行立改事项不存在"],
  "immediate_fix.exists": [409, "该问题已下发立行立改通知"],
  "immediate_fix.finding_not_approved": [409, "问题审批通过后才能下发立行立改通知"],
  "immediate_fix.not_reported": [409, "被巡察单位尚未报告整改情况，不能确认完成"],
  "immediate_fix.done": [409, "该立行立改事项已确认完成"],
  "report.not_found": [404, "报告不存在"],
  "report.not_editable": [409, "报告已提交组办联审或已报领导小组，不能修改"],
  "report.not_submitted": [409, "只有已提交组办联审的报告才能审核"],
  "report.no_findings": [422, "没有已审批的问题，不能生成报告"],
  internal: [500, "服务器内部错误"],
} as const satisfies Record<string, readonly [number, string]>;

export type ErrorCode = keyof typeof ERRORS;

/** An expected failure with a stable code; the server maps it to `{ error: { code, message, details } }`. */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly status: number;
  readonly details: unknown;

  constructor(code: ErrorCode, message?: string, details?: unknown) {
    const [status, fallback] = ERRORS[code];
    super(message ?? fallback);
    this.name = "AppError";
    this.code = code;
    this.status = status;
    this.details = details;
  }
}

/** The one error body shape of the API. */
export interface ErrorBody {
  error: { code: ErrorCode; message: string; details?: unknown };
}
