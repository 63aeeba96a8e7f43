/** Value sets of briefings and fieldwork records, shared by the server and the web app. */
function labels<const K extends string>(map: Record<K, string>) {
  return { keys: Object.keys(map) as K[], labels: map };
}

/** Kinds of partner departments (联席会成员单位). */
export const PARTNER_DEPARTMENT_KINDS = labels({
  disciplineCommission: "纪委监委",
  organizationDept: "组织部",
  audit: "审计",
  petition: "信访",
  politicsLaw: "政法",
  finance: "财政",
  sectorAuthority: "行业主管部门",
  other: "其他",
});
export type PartnerDepartmentKind = (typeof PARTNER_DEPARTMENT_KINDS.keys)[number];

/** What a briefing request asks about (巡前情况通报的内容). */
export const BRIEFING_TOPICS = labels({
  leadership: "领导班子及成员情况",
  assessment: "考核评价结果",
  audit: "审计报告及发现问题",
  petition: "信访举报情况",
  clue: "违纪违法问题线索",
  other: "其他情况",
});
export type BriefingTopic = (typeof BRIEFING_TOPICS.keys)[number];

/** Where an item of the pre-inspection problem list comes from. */
export const PRE_INSPECTION_SOURCES = labels({ briefing: "巡前情况通报", other: "其他来源" });
export type PreInspectionSource = (typeof PRE_INSPECTION_SOURCES.keys)[number];

export const INTERVIEW_STATUSES = labels({ scheduled: "已安排", held: "已谈话", cancelled: "已取消" });
export type InterviewStatus = (typeof INTERVIEW_STATUSES.keys)[number];

/** Dated fieldwork records besides interviews: document review (查阅资料) and site visit (调研走访). */
export const FIELDWORK_RECORD_KINDS = labels({ docReview: "查阅资料", visit: "调研走访" });
export type FieldworkRecordKind = (typeof FIELDWORK_RECORD_KINDS.keys)[number];
