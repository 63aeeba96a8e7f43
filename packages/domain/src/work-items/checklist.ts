import { z } from "zod";
import { DEADLINE_KEY_LIST, periodSchema } from "../committee-settings/deadlines";
import { defineSetting } from "../committee-settings/setting";
import { ROUND_STAGES, type RoundStage } from "../model/enums";

/** Who does a work item. */
export const WORK_ITEM_OWNERS = {
  office: "巡察办",
  group: "巡察组",
  leadingGroup: "领导小组",
  target: "被巡察单位",
  disciplineCommission: "纪委监委",
  organizationDept: "组织部",
} as const;
export type WorkItemOwner = keyof typeof WORK_ITEM_OWNERS;

/** How many a round gets: one, one per group, or one per target. */
export const WORK_ITEM_SCOPES = { round: "每轮一项", group: "每组一项", target: "每个对象一项" } as const;
export type WorkItemScope = keyof typeof WORK_ITEM_SCOPES;

/**
 * The dates a due rule counts from: the round's entry (startsOn), its midpoint, the end of fieldwork
 * (endsOn), the feedback to the target(s), the transfer of clues.
 */
export const DUE_ANCHORS = {
  roundStart: "进驻之日",
  roundMiddle: "巡察了解期中",
  roundEnd: "巡察了解结束",
  feedback: "反馈之日",
  clueTransfer: "线索移交之日",
} as const;
export type DueAnchor = keyof typeof DUE_ANCHORS;

/**
 * A due date: the anchor, moved by a deadline setting and/or a fixed period, before or after it.
 * E.g. the notice: { anchor: roundStart, before: true, deadline: noticeBeforeEntry }.
 */
export const dueRuleSchema = z.strictObject({
  anchor: z.enum(Object.keys(DUE_ANCHORS) as [DueAnchor, ...DueAnchor[]]),
  before: z.boolean(),
  deadline: z.enum(DEADLINE_KEY_LIST).nullable(),
  offset: periodSchema.nullable(),
});
export type DueRule = z.infer<typeof dueRuleSchema>;

export const checklistItemSchema = z.strictObject({
  code: z.string().regex(/^[a-zA-Z][a-zA-Z0-9_.-]{0,59}$/, "事项编码只能包含字母、数字、点、下划线和连字符"),
  stage: z.enum(ROUND_STAGES.keys),
  title: z.string().trim().min(1, "请填写事项名称").max(100, "事项名称不能超过 100 个字"),
  owner: z.enum(Object.keys(WORK_ITEM_OWNERS) as [WorkItemOwner, ...WorkItemOwner[]]),
  scope: z.enum(Object.keys(WORK_ITEM_SCOPES) as [WorkItemScope, ...WorkItemScope[]]),
  due: dueRuleSchema.nullable(),
});
export type ChecklistItem = z.infer<typeof checklistItemSchema>;

export const checklistSchema = z
  .array(checklistItemSchema)
  .max(200, "工作事项不能超过 200 项")
  .superRefine((items, ctx) => {
    const seen = new Set<string>();
    items.forEach((item, i) => {
      if (seen.has(item.code))
        ctx.addIssue({ code: "custom", message: `事项编码重复：${item.code}`, path: [i, "code"] });
      seen.add(item.code);
    });
  });

type Rule = [DueAnchor, "before" | "after", DueRule["deadline"], (number | null)?, ("days" | "months")?];
const rule = ([anchor, dir, deadline, amount, unit = "days"]: Rule): DueRule => ({
  anchor,
  before: dir === "before",
  deadline,
  offset: amount === undefined || amount === null ? null : { amount, unit },
});

type Row = [string, RoundStage, string, WorkItemOwner, WorkItemScope, Rule | null];

/** The default checklist: the seven stages of LIFECYCLE.md as practised by county offices. */
const DEFAULT_ROWS: Row[] = [
  // 1. 巡察准备
  [
    "prep.consult",
    "preparation",
    "征求纪委监委、组织部意见，提出被巡察对象和巡察组组长人选",
    "office",
    "round",
    ["roundStart", "before", null, 30],
  ],
  [
    "prep.plan",
    "preparation",
    "拟定巡察工作方案并报领导小组审定",
    "office",
    "round",
    ["roundStart", "before", null, 20],
  ],
  [
    "prep.planFiling",
    "preparation",
    "巡察工作方案报上级巡察机构备案",
    "office",
    "round",
    ["roundStart", "before", null, 14],
  ],
  [
    "prep.formGroups",
    "preparation",
    "组建巡察组（组长库、人才库抽选，回避审查）",
    "office",
    "round",
    ["roundStart", "before", null, 15],
  ],
  [
    "prep.commitments",
    "preparation",
    "签订保密承诺书和廉洁履职承诺书",
    "group",
    "group",
    ["roundStart", "before", null, 3],
  ],
  ["prep.branch", "preparation", "成立巡察组临时党支部", "group", "group", ["roundStart", "before", null, 3]],
  ["prep.training", "preparation", "开展巡前业务培训", "office", "round", ["roundStart", "before", null, 5]],
  [
    "prep.briefing",
    "preparation",
    "听取巡前情况通报（纪委监委、组织部、审计、信访等）",
    "group",
    "group",
    ["roundStart", "before", null, 5],
  ],
  [
    "prep.problemList",
    "preparation",
    "梳理形成巡前问题清单",
    "group",
    "target",
    ["roundStart", "before", null, 2],
  ],
  [
    "prep.notice",
    "preparation",
    "向被巡察党组织发出巡察通知",
    "office",
    "target",
    ["roundStart", "before", "noticeBeforeEntry"],
  ],
  [
    "prep.mobilization",
    "preparation",
    "召开巡察动员部署会（宣布授权决定）",
    "office",
    "round",
    ["roundStart", "before", null, 1],
  ],
  [
    "prep.announcement",
    "preparation",
    "公布巡察公告（电话、信箱、邮箱、二维码）",
    "group",
    "target",
    ["roundStart", "after", null, 0],
  ],
  [
    "prep.selfReport",
    "preparation",
    "报送工作情况报告及有关资料",
    "target",
    "target",
    ["roundStart", "after", null, 3],
  ],
  // 2. 巡察了解
  [
    "field.entryMeeting",
    "fieldwork",
    "召开巡察工作动员会，听取被巡察党组织工作汇报",
    "group",
    "target",
    ["roundStart", "after", null, 3],
  ],
  ["field.interviews", "fieldwork", "个别谈话", "group", "target", ["roundEnd", "after", null, 0]],
  ["field.survey", "fieldwork", "问卷测评", "group", "target", ["roundEnd", "after", null, 0]],
  ["field.docReview", "fieldwork", "查阅资料", "group", "target", ["roundEnd", "after", null, 0]],
  ["field.visits", "fieldwork", "调研走访、下沉走访", "group", "target", ["roundEnd", "after", null, 0]],
  ["field.tips", "fieldwork", "受理来信来访，办理信访件", "group", "group", ["roundEnd", "after", null, 0]],
  [
    "field.immediateFix",
    "fieldwork",
    "下发立行立改通知书并跟踪落实",
    "group",
    "target",
    ["roundEnd", "after", null, 0],
  ],
  ["field.midterm", "fieldwork", "中期汇报", "group", "group", ["roundMiddle", "after", null, 0]],
  [
    "field.workpapers",
    "fieldwork",
    "问题底稿审核签字（事实确认）",
    "group",
    "group",
    ["roundEnd", "after", null, 0],
  ],
  // 3. 报告巡察情况
  ["report.draft", "reporting", "形成巡察报告", "group", "target", ["roundEnd", "after", null, 10]],
  ["report.special", "reporting", "形成专题报告（如有）", "group", "group", ["roundEnd", "after", null, 10]],
  ["report.jointReview", "reporting", "组办联审巡察报告", "office", "group", ["roundEnd", "after", null, 20]],
  [
    "report.leadingGroup",
    "reporting",
    "领导小组会听取汇报，研究问题处置意见",
    "leadingGroup",
    "round",
    ["roundEnd", "after", "reportAfterFieldwork"],
  ],
  [
    "report.secretary",
    "reporting",
    "书记专题会听取巡察情况汇报",
    "leadingGroup",
    "round",
    ["roundEnd", "after", "reportAfterFieldwork", 15],
  ],
  // 4. 反馈巡察意见
  [
    "fb.draft",
    "feedback",
    "起草反馈意见和领导小组整改要求",
    "group",
    "target",
    ["roundEnd", "after", "reportAfterFieldwork", 20],
  ],
  [
    "fb.give",
    "feedback",
    "反馈巡察意见（向领导班子和主要负责人双反馈）",
    "group",
    "target",
    ["roundEnd", "after", "reportAfterFieldwork", 30],
  ],
  ["fb.sign", "feedback", "主要负责人签字背书", "target", "target", ["feedback", "after", null, 7]],
  [
    "fb.copy",
    "feedback",
    "四抄告（分管领导、行业主管部门、纪委监委、组织部）",
    "office",
    "target",
    ["feedback", "after", null, 10],
  ],
  // 5. 移交巡察材料
  ["tr.clues", "transfer", "移交问题线索（纪委监委）", "office", "round", ["feedback", "after", null, 10]],
  [
    "tr.departments",
    "transfer",
    "移交职能部门督办（选人用人问题移交组织部等）",
    "office",
    "round",
    ["feedback", "after", null, 10],
  ],
  [
    "tr.clueResults",
    "transfer",
    "反馈问题线索处置情况",
    "disciplineCommission",
    "round",
    ["clueTransfer", "after", "clueResultsAfterTransfer"],
  ],
  [
    "tr.orgResults",
    "transfer",
    "反馈选人用人问题处理情况",
    "organizationDept",
    "round",
    ["feedback", "after", null, 3, "months"],
  ],
  // 6. 督查督办
  [
    "rect.plan",
    "rectification",
    "整改方案报送",
    "target",
    "target",
    ["feedback", "after", "rectificationPlanAfterFeedback"],
  ],
  [
    "rect.planReview",
    "rectification",
    "联审整改方案（巡察办、纪委监委、组织部）",
    "office",
    "target",
    ["feedback", "after", "rectificationPlanAfterFeedback", 10],
  ],
  [
    "rect.lifeMeeting",
    "rectification",
    "召开巡察整改专题民主生活会",
    "target",
    "target",
    ["feedback", "after", "rectificationPlanAfterFeedback", 1, "months"],
  ],
  [
    "rect.progress",
    "rectification",
    "整改进展报告",
    "target",
    "target",
    ["feedback", "after", "rectificationPlanAfterFeedback", 15],
  ],
  [
    "rect.final",
    "rectification",
    "整改情况报告（主要负责人签字）",
    "target",
    "target",
    ["feedback", "after", "finalReportAfterFeedback"],
  ],
  [
    "rect.finalReview",
    "rectification",
    "联审整改情况报告",
    "office",
    "target",
    ["feedback", "after", "finalReportAfterFeedback", 15],
  ],
  [
    "rect.disclosure",
    "rectification",
    "整改情况公开",
    "target",
    "target",
    ["feedback", "after", "finalReportAfterFeedback", 1, "months"],
  ],
  [
    "rect.revisit",
    "rectification",
    "回访督查",
    "office",
    "target",
    ["feedback", "after", "finalReportAfterFeedback", 1, "months"],
  ],
  [
    "rect.evaluation",
    "rectification",
    "整改成效评估",
    "office",
    "target",
    ["feedback", "after", "finalReportAfterFeedback", 2, "months"],
  ],
  // 7. 立卷归档
  [
    "arch.groupEvaluation",
    "archiving",
    "巡察组一巡一评（工作质量评价、作风评价）",
    "office",
    "round",
    ["roundEnd", "after", "reportAfterFieldwork", 1, "months"],
  ],
  [
    "arch.collect",
    "archiving",
    "收集整理巡察材料移交巡察办",
    "group",
    "group",
    ["feedback", "after", null, 1, "months"],
  ],
  ["arch.file", "archiving", "立卷归档", "office", "round", ["feedback", "after", null, 3, "months"]],
];

export const DEFAULT_CHECKLIST: ChecklistItem[] = DEFAULT_ROWS.map(
  ([code, stage, title, owner, scope, due]) => ({
    code,
    stage,
    title,
    owner,
    scope,
    due: due ? rule(due) : null,
  }),
);

export const workItemChecklistSetting = defineSetting({
  key: "workItemChecklist",
  label: "巡察工作事项清单",
  schema: checklistSchema,
  defaults: () => structuredClone(DEFAULT_CHECKLIST),
});
