import type { SurveyQuestion } from "./questions";

const SCALE = ["好", "较好", "一般", "差"];
const scale = (id: string, title: string): SurveyQuestion => ({
  id,
  kind: "scale",
  title,
  required: true,
  options: SCALE,
});
const single = (id: string, title: string, options: string[]): SurveyQuestion => ({
  id,
  kind: "single",
  title,
  required: true,
  options,
});
const multiple = (id: string, title: string, options: string[]): SurveyQuestion => ({
  id,
  kind: "multiple",
  title,
  required: false,
  options,
});
const text = (id: string, title: string): SurveyQuestion => ({
  id,
  kind: "text",
  title,
  required: false,
  options: [],
});

export interface BuiltInQuestionnaire {
  key: string;
  title: string;
  intro: string;
  questions: SurveyQuestion[];
}

const ANONYMOUS =
  "本问卷匿名填写，不记录您的姓名、网络地址或设备信息，答卷与测评码不关联。请根据您的了解如实作答。";

/**
 * The questionnaires every committee starts with, drawn from the 民主测评 forms inspection groups
 * commonly hand out: the leadership team and its members, 党风廉政建设, and 选人用人 (the
 * "一报告两评议" items). Offices copy one to adapt it; groups use them as they are.
 */
export const BUILT_IN_QUESTIONNAIRES: readonly BuiltInQuestionnaire[] = [
  {
    key: "leadership",
    title: "领导班子及成员民主测评",
    intro: ANONYMOUS,
    questions: [
      scale("q1", "对领导班子的总体评价"),
      scale("q2", "贯彻落实党中央决策部署和上级党委工作要求情况"),
      scale("q3", "落实全面从严治党主体责任情况"),
      scale("q4", "执行民主集中制、“三重一大”事项集体决策情况"),
      scale("q5", "领导班子团结协作情况"),
      scale("q6", "主要负责人履职尽责情况"),
      scale("q7", "班子成员落实“一岗双责”情况"),
      scale("q8", "领导班子作风建设情况（形式主义、官僚主义问题）"),
      multiple("q9", "您认为领导班子存在的主要问题（可多选）", [
        "政治站位不够高",
        "担当作为不够",
        "民主决策不规范",
        "工作作风不扎实",
        "廉洁自律不严",
        "团结协作不够",
        "没有明显问题",
      ]),
      text("q10", "对领导班子及成员的意见和建议"),
    ],
  },
  {
    key: "integrity",
    title: "党风廉政建设情况问卷",
    intro: ANONYMOUS,
    questions: [
      scale("q1", "本单位党风廉政建设总体情况"),
      scale("q2", "党组织落实全面从严治党主体责任情况"),
      scale("q3", "纪检组织履行监督责任情况"),
      scale("q4", "落实中央八项规定及其实施细则精神情况"),
      scale("q5", "“三重一大”事项集体决策和财务管理规范情况"),
      single("q6", "本单位是否存在违规收送礼品礼金、违规吃喝等问题", [
        "没有",
        "个别存在",
        "较为普遍",
        "不了解",
      ]),
      single("q7", "与上一年相比，本单位党风廉政建设情况", ["明显好转", "有所好转", "没有变化", "有所下降"]),
      multiple("q8", "您认为本单位廉政风险较高的领域（可多选）", [
        "财务管理",
        "工程项目",
        "物资采购",
        "人事管理",
        "行政审批",
        "资金分配",
        "其他",
      ]),
      text("q9", "对本单位党风廉政建设的意见和建议"),
    ],
  },
  {
    key: "appointments",
    title: "选人用人工作民主评议",
    intro: ANONYMOUS,
    questions: [
      scale("q1", "对本单位选人用人工作的总体评价"),
      scale("q2", "执行干部选拔任用工作程序情况"),
      scale("q3", "本单位选人用人风气"),
      scale("q4", "对本单位新提拔任用干部的总体评价"),
      single("q5", "对本单位新提拔任用的干部中有无不认同的", ["没有", "有", "不了解"]),
      single("q6", "您对本单位选人用人工作是否满意", ["满意", "基本满意", "不满意", "不了解"]),
      multiple("q7", "您认为本单位选人用人工作存在的主要问题（可多选）", [
        "论资排辈",
        "任人唯亲",
        "程序不规范",
        "跑官要官",
        "考察识别不准",
        "干部队伍结构不合理",
        "没有明显问题",
      ]),
      text("q8", "对本单位选人用人工作的意见和建议"),
    ],
  },
];

export const builtInQuestionnaire = (key: string) => BUILT_IN_QUESTIONNAIRES.find((q) => q.key === key);
