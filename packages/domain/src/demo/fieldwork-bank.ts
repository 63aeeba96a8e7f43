import type { PartnerDepartmentKind } from "../model/fieldwork";
import type { WorkpaperSource } from "../model/workpapers";
import type { TargetRow } from "./demo-rows";
import type { Rng } from "./prng";

/**
 * The words of the demo's fieldwork: posts of the people a group talks to, what it reviews and
 * visits, what the partner departments brief, what the public writes in, as county groups record
 * them. Invented; no real place or person.
 */

/** The posts met in a target: its principal, a deputy, and staff. */
export function postsOf(target: TargetRow): { principal: string; deputy: string; staff: string[] } {
  switch (target.category) {
    case "township":
      return target.orgForm === "党工委"
        ? {
            principal: "街道党工委书记",
            deputy: "街道党工委委员、办事处副主任",
            staff: ["党政办主任", "社区建设办主任", "财政所所长"],
          }
        : {
            principal: "镇（乡）党委书记",
            deputy: "党委委员、副镇（乡）长",
            staff: ["党政办主任", "财政所所长", "农业综合服务中心主任"],
          };
    case "village":
      return {
        principal: "村党支部书记、村委会主任",
        deputy: "村委会副主任",
        staff: ["村报账员", "村务监督委员会主任", "村民小组长"],
      };
    case "community":
      return {
        principal: "社区党组织书记、居委会主任",
        deputy: "社区居委会副主任",
        staff: ["社区会计", "社区网格员", "居委会委员"],
      };
    case "school":
      return {
        principal: "学校党组织书记、校长",
        deputy: "副校长",
        staff: ["总务处主任", "办公室主任", "财务会计"],
      };
    case "hospital":
      return {
        principal: "医院党委书记、院长",
        deputy: "副院长",
        staff: ["财务科科长", "药剂科主任", "医务科科长"],
      };
    case "stateEnterprise":
      return {
        principal: "集团党委书记、董事长",
        deputy: "党委委员、副总经理",
        staff: ["财务部经理", "工程管理部经理", "综合办公室主任"],
      };
    case "secondLevelUnit":
      return {
        principal: "党支部书记、主任",
        deputy: "副主任",
        staff: ["办公室主任", "财务会计", "业务股股长"],
      };
    default:
      return target.orgForm === "党组"
        ? {
            principal: "党组书记、局长",
            deputy: "党组成员、副局长",
            staff: ["办公室主任", "计划财务股股长", "人事股股长"],
          }
        : { principal: "党支部书记", deputy: "副主任", staff: ["办公室主任", "财务会计", "综合股股长"] };
  }
}

/** The target's name without its party organization's form: 县住建局党组 → 县住建局. */
export const unitName = (target: TargetRow) =>
  target.name.replace(/(党组|党委|党工委|党总支|党支部|机关党支部|国有企业党委)$/, "");

/** What a group reviews (查阅资料), by the kind of target. */
export function reviewSubjects(target: TargetRow, year: number): string[] {
  const common = [
    `${year - 1}年以来党组织会议记录及“三重一大”事项决策台账`,
    `${year - 1}年以来财务凭证、公务接待及公务用车台账`,
    "上轮巡察、审计发现问题整改台账及佐证材料",
  ];
  switch (target.category) {
    case "village":
    case "community":
      return [
        `${year - 1}年以来村（居）级“三资”管理账目及村（居）务公开资料`,
        "低保、临时救助等惠民资金发放花名册",
        `${year - 1}年以来“四议两公开”会议记录`,
      ];
    case "school":
      return [...common, "学校食堂采购及收支台账", "教辅资料征订和收费资料"];
    case "hospital":
      return [...common, "药品耗材集中采购及验收资料", "医保基金结算台账"];
    case "stateEnterprise":
      return [...common, "工程项目招投标及合同管理资料", "企业薪酬及业务招待费支出资料"];
    case "township":
      return [...common, "涉农专项资金拨付台账", "干部考勤及请销假记录"];
    default:
      return [...common, "干部选拔任用工作纪实材料", "政府采购及项目招投标资料"];
  }
}

/** Where a group goes (调研走访), by the kind of target. */
export function visitSubjects(target: TargetRow): string[] {
  const unit = unitName(target);
  switch (target.category) {
    case "village":
    case "community":
      return [`${unit}党群服务中心`, `${unit}困难群众家中`, `${unit}集体经济项目现场`];
    case "school":
      return [`${unit}学生食堂及食材库房`, `${unit}在建教学楼项目现场`];
    case "hospital":
      return [`${unit}门诊收费处及药房`, `${unit}住院部病区`];
    case "stateEnterprise":
      return [`${unit}所属在建项目工地`, `${unit}下属子公司`];
    case "township":
      return [`${unit}便民服务中心`, `${unit}高标准农田建设项目现场`, `${unit}辖区村（社区）`];
    default:
      return [`${unit}政务服务窗口`, `${unit}下属二级机构`, `${unit}负责实施的项目现场`];
  }
}

/** Notes of a document review that led to no finding of its own. */
export const REVIEW_NOTES = [
  "资料较为齐全，未发现明显问题，已做好查阅记录。",
  "已复印相关资料备查，有关情况待与分管负责人谈话时进一步核实。",
  "部分会议记录内容过于简单，未能完整反映讨论过程，已要求单位作出说明。",
];

/** Notes of a visit that led to no finding of its own. */
export const VISIT_NOTES = [
  "现场情况与单位汇报基本一致，对个别细节已要求补充说明。",
  "群众对单位工作总体评价较好，也反映了个别办事效率不高的问题，已记录。",
  "现场查看了有关台账和设施，未发现明显问题。",
];

/** What a group reviewed to establish a problem, by what the problem is about. */
export function reviewSubjectFor(description: string, year: number): string {
  const rules: [RegExp, string][] = [
    [/三资|村务|集体|村级/, `${year - 1}年以来村（居）级“三资”管理账目及村（居）务公开资料`],
    [/低保|救助|惠民|补贴资金|涉农/, "惠民惠农资金发放花名册及审批资料"],
    [/采购|招标|工程|项目|合同/, "政府采购、工程项目招投标及合同管理资料"],
    [/接待|公车|吃喝|八项规定|礼品|津补贴/, `${year - 1}年以来公务接待、公务用车及津补贴发放台账`],
    [/干部|选拔|档案|借调|人事|编制/, "干部选拔任用工作纪实材料及干部人事档案"],
    [/整改|审计/, "上轮巡察、审计发现问题整改台账及佐证材料"],
    [/资金|费|万元|财务|报销|账|资产/, `${year - 1}年以来财务凭证、收支台账及固定资产账簿`],
    [/会议|研究|学习|第一议题|意识形态|民主生活会|决策/, `${year - 1}年以来党组织会议记录及理论学习资料`],
  ];
  return rules.find(([re]) => re.test(description))?.[1] ?? "相关工作台账和会议记录";
}

/** What interviewees say when the talk led to no finding of its own. */
export const INTERVIEW_REMARKS = [
  "认为班子总体团结，但民主生活会批评与自我批评“辣味”不足。",
  "反映单位干部队伍年龄结构偏大，年轻干部储备不足，部分岗位长期由同一人负责。",
  "认为单位落实中央八项规定精神总体较好，但个别干部工作日午餐饮酒的情况仍偶有发生。",
  "反映单位重点工作推进中存在“上热中温下冷”现象，部分任务推进缓慢。",
  "对单位财务管理提出意见，认为报销审批流于形式，个别票据附件不全。",
  "介绍了上轮巡察反馈问题的整改情况，认为部分问题整改还不够彻底，存在反弹风险。",
];

/** The workpaper's summary: where the problem came from and what the group checked. */
export function workpaperSummary(
  source: WorkpaperSource,
  detail: { description: string; record?: string; department?: string },
): string {
  const lead: Record<WorkpaperSource, string> = {
    tip: "巡察期间收到群众反映，巡察组调取相关资料并与有关人员谈话核实，查明",
    interview: `巡察组在个别谈话中了解到有关情况${detail.record ? `（${detail.record}）` : ""}，经调阅资料核实，查明`,
    survey: "问卷测评中多名干部职工反映有关情况，巡察组经查阅资料、个别谈话核实，查明",
    document: `巡察组查阅${detail.record ?? "相关资料"}发现，并经与经办人员谈话核实，查明`,
    visit: `巡察组调研走访${detail.record ?? "有关现场"}时发现，并经调阅资料核实，查明`,
    briefing: `${detail.department ?? "有关部门"}巡前情况通报反映有关情况，巡察组进驻后经查阅资料核实，查明`,
    other: "巡察组在工作中发现，经核实，查明",
  };
  return `${lead[source]}：${detail.description}`;
}

export const REVIEW_OPINIONS = [
  "事实清楚，证据充分，定性准确，同意提交组长审批。",
  "问题表述准确，佐证材料齐全，同意。",
  "同意。建议在报告中与同类问题合并表述。",
  "经审核，底稿要素齐全，同意报组长审批。",
];

export const RETURN_REASONS = [
  "问题定性依据不够充分，请补充相关会议记录和财务凭证后重新提交。",
  "涉及人员的具体责任尚未厘清，请与经办人补充谈话后完善底稿。",
];

/** What a partner department answers on one target, by its kind. */
export function briefingAnswer(
  kind: PartnerDepartmentKind,
  target: TargetRow,
  rng: Rng,
  year: number,
): { content: string; item?: { title: string; description: string } } {
  const unit = unitName(target);
  switch (kind) {
    case "disciplineCommission": {
      const n = rng.int(2, 9);
      const done = rng.int(1, n);
      return {
        content: `${year - 1}年以来，县纪委监委共受理反映${unit}党组织和党员干部的信访举报${n}件，主要涉及违规发放津补贴、工程项目管理和工作作风等方面，已办结${done}件，给予党纪政务处分${rng.int(0, 2)}人。该单位领导班子成员中暂无在办问题线索。`,
        item: {
          title: "违规发放津补贴问题反映较多",
          description: `纪委监委通报：${unit}近年来多次被反映违规发放津补贴，需重点查阅工资和津补贴发放台账。`,
        },
      };
    }
    case "organizationDept":
      return {
        content: `${unit}领导班子现有成员${rng.int(5, 8)}名，近两年年度考核等次分别为“${rng.pick(["好", "较好"])}”“${rng.pick(["好", "较好"])}”；${year - 1}年以来新提拔任用科级干部${rng.int(1, 4)}名，选人用人工作“一报告两评议”满意度${rng.int(86, 97)}%。个别班子成员在同一岗位任职已超过10年，干部交流轮岗不够。`,
        item: {
          title: "干部交流轮岗不够",
          description: `组织部通报：${unit}个别班子成员和关键岗位人员长期未交流，需在谈话中了解干部队伍建设情况。`,
        },
      };
    case "audit":
      return {
        content: `县审计局于${year - 1}年对${unit}开展了预算执行审计，发现资金管理不规范、政府采购程序不到位等${rng.int(3, 6)}个方面问题，截至目前已整改${rng.int(1, 3)}个，其余问题正在整改中。`,
        item: {
          title: "审计发现问题整改不到位",
          description: `审计局通报：${unit}预算执行审计发现的问题尚未全部整改，需核查整改台账和佐证材料。`,
        },
      };
    case "petition":
      return {
        content: `${year - 1}年以来，县信访局共受理涉及${unit}的群众来信来访${rng.int(3, 15)}件次，主要反映办事效率不高、惠民政策落实不到位等问题，均已转交有关单位办理，其中${rng.int(1, 2)}件群众对办理结果仍不满意。`,
      };
    case "finance":
      return {
        content: `${year - 1}年${unit}部门预算支出${rng.int(800, 6000)}万元，执行率${rng.int(82, 98)}%；年度财政专项资金检查中发现个别项目资金拨付进度缓慢，已督促整改。`,
      };
    default:
      return { content: `${unit}相关情况正常，暂未发现需要通报的问题。` };
  }
}

/** Topics asked of each kind of department (keys of BRIEFING_TOPICS). */
export const BRIEFING_TOPICS_OF: Partial<Record<PartnerDepartmentKind, string[]>> = {
  disciplineCommission: ["petition", "clue"],
  organizationDept: ["leadership", "assessment"],
  audit: ["audit"],
  petition: ["petition"],
  finance: ["other"],
};

/** Tips the public writes in, by category, besides those that led to a finding. */
export const TIP_TEXTS: { category: string; text: (unit: string) => string }[] = [
  {
    category: "sixDisciplines.3",
    text: (u) =>
      `反映${u}一名负责人经常在工作日中午到城郊一家农家乐吃饭，每次都是一家建筑公司的老板买单，公车就停在门口，附近群众都看得到。`,
  },
  {
    category: "sixDisciplines.4",
    text: (u) =>
      `我家低保申请交到${u}三个多月了，一直说名额满了，可有的人家里有车有门面也吃着低保，请巡察组查一查。`,
  },
  {
    category: "sixDisciplines.5",
    text: (u) =>
      `到${u}办事，窗口工作人员说材料不全，前后让我跑了四趟，每次要的材料都不一样，也没有一次性告知清楚。`,
  },
  {
    category: "sixDisciplines.2",
    text: (u) => `${u}去年提拔的一名副股长，推荐时票数并不高，听说和单位领导是亲戚，干部职工意见比较大。`,
  },
  {
    category: "sixDisciplines.6",
    text: (u) => `反映${u}有名干部长期沉迷打牌，经常上班时间不在岗，群众找他办事找不到人。`,
  },
  {
    category: "other",
    text: () =>
      "我们小区旁边的工地每天晚上十点以后还在施工，噪音很大，向有关部门反映过几次都没有结果，希望巡察组帮忙督促解决。",
  },
];
