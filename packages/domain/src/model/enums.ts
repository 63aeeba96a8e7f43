/** Value sets shared by the server and the web app, with their Chinese labels. */
function labels<const K extends string>(map: Record<K, string>) {
  return { keys: Object.keys(map) as K[], labels: map };
}

export const COMMITTEE_LEVELS = labels({ province: "省委", city: "市委", county: "县(区)委" });
export type CommitteeLevel = (typeof COMMITTEE_LEVELS.keys)[number];

export const TARGET_CATEGORIES = labels({
  department: "部门单位",
  township: "乡镇(街道)",
  village: "村",
  community: "社区",
  stateEnterprise: "国有企业",
  school: "学校",
  hospital: "医院",
  secondLevelUnit: "二级单位",
});
export type TargetCategory = (typeof TARGET_CATEGORIES.keys)[number];

/** The inspection pools a person is in (组长库 / 人才库). */
export const PERSON_POOLS = labels({ leader: "组长库", talent: "人才库" });
export type PersonPool = (typeof PERSON_POOLS.keys)[number];

export const ORG_FORMS = [
  "党组",
  "党委",
  "党工委",
  "党总支",
  "党支部",
  "村(社区)党组织",
  "国有企业党委",
] as const;

export const ROUND_KINDS = labels({
  regular: "常规巡察",
  thematic: "专项巡察",
  mobile: "机动巡察",
  linked: "联动巡察",
  cross: "交叉巡察",
  lookBack: "巡察“回头看”",
  elevated: "提级巡察",
});
export type RoundKind = (typeof ROUND_KINDS.keys)[number];

export const ROUND_STAGES = labels({
  preparation: "巡察准备",
  fieldwork: "巡察了解",
  reporting: "报告巡察情况",
  feedback: "反馈巡察意见",
  transfer: "移交巡察材料",
  rectification: "督查督办",
  archiving: "立卷归档",
});
export type RoundStage = (typeof ROUND_STAGES.keys)[number];

export const FINDING_STATUSES = labels({ draft: "待审批", approved: "已审批", returned: "已退回" });
export type FindingStatus = (typeof FINDING_STATUSES.keys)[number];

export const SEVERITIES = labels({ general: "一般", serious: "较重", severe: "严重" });
export type Severity = (typeof SEVERITIES.keys)[number];

/** The leading group's decision on a finding: the three transfer routes. */
export const FINDING_ROUTES = labels({
  rectify: "交被巡察单位整改",
  department: "移交职能部门督办",
  clue: "作为问题线索移交纪委监委",
});
export type FindingRoute = (typeof FINDING_ROUTES.keys)[number];

export const FEEDBACK_FORMS = labels({ meeting: "反馈会议", written: "书面反馈" });
export type FeedbackForm = (typeof FEEDBACK_FORMS.keys)[number];

export const COMPLETIONS = labels({ unfinished: "未完成", basicallyDone: "基本完成", done: "已完成" });
export type Completion = (typeof COMPLETIONS.keys)[number];

export const CLUE_RECEIVERS = labels({ disciplineCommission: "纪委监委", organizationDept: "组织部" });
export type ClueReceiver = (typeof CLUE_RECEIVERS.keys)[number];

export const CLUE_DISPOSITIONS = labels({
  inquiry: "谈话函询",
  preliminaryCheck: "初步核实",
  shelved: "暂存待查",
  closed: "予以了结",
});
export type ClueDisposition = (typeof CLUE_DISPOSITIONS.keys)[number];

/** Suggested expertise tags of the pools (业务特长); offices may add free tags. */
export const EXPERTISE_TAGS = [
  "纪检",
  "组织",
  "财会",
  "审计",
  "政法",
  "农业农村",
  "工程建设",
  "教育",
  "卫生健康",
  "文字综合",
] as const;

/** A pool member's relative, by closeness (ROLES.md recusal: spouse, lineal, close in-laws). */
export const RELATIONS = labels({ spouse: "配偶", lineal: "直系亲属", sibling: "兄弟姐妹", inLaw: "近姻亲" });
export type Relation = (typeof RELATIONS.keys)[number];

/** A superior/subordinate tie (上下级关系) between a pool member and an official. */
export const TIE_KINDS = labels({ superior: "对方曾是其上级", subordinate: "对方曾是其下级" });
export type TieKind = (typeof TIE_KINDS.keys)[number];

/** Kinds of formal documents (公文) numbered from a committee's numbering register. */
export const DOCUMENT_KINDS = labels({
  authorization: "授权任职及任务分工的决定",
  announcement: "巡察公告",
  immediateFix: "立行立改通知书",
  urgingLetter: "督办函",
  summons: "约谈通知书",
  circulation: "通报",
  accountability: "问责建议书",
});
export type DocumentKind = (typeof DOCUMENT_KINDS.keys)[number];
