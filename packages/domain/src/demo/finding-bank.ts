import type { Severity, TargetCategory } from "../model/enums";
import type { Rng } from "./prng";

/**
 * Findings as county offices word them in their feedback and ledgers (see ../shared/seeds), with
 * the measures a target typically writes for each.
 */
export interface FindingTemplate {
  title: string;
  description: (r: Rng, year: number) => string;
  scheme: string;
  category: string;
  severity: Severity;
  for: readonly TargetCategory[];
  measures: readonly (readonly [content: string, goal: string])[];
  /** When routed to a functional department: 组织部, or the sector authority of the target. */
  dept?: "组织部" | "sector";
  /** Clues on 选人用人 go to 组织部; the others to the 纪委监委. */
  clueReceiver?: "organizationDept";
}

const money = (r: Rng, min = 1, max = 40) => (r.int(min * 100, max * 100) / 100).toFixed(2);

const UNITS: TargetCategory[] = ["department", "secondLevelUnit", "stateEnterprise", "school", "hospital"];
const ORGS: TargetCategory[] = [...UNITS, "township"];
const RURAL: TargetCategory[] = ["village", "community"];

export const FINDINGS: FindingTemplate[] = [
  {
    title: "学习贯彻党的创新理论不深入，“第一议题”制度落实不到位",
    description: (r, y) =>
      `理论学习中心组学习流于形式，${y - 1}年以来${r.int(4, 9)}次集体学习仅传达文件，未结合本单位实际开展研讨；部分学习心得网上下载、内容雷同。`,
    scheme: "fourImplementations",
    category: "fourImplementations.1",
    severity: "general",
    for: ORGS,
    measures: [
      [
        "严格落实“第一议题”制度，制定年度理论学习计划，每月至少开展1次专题研讨",
        "学习计划印发执行，研讨记录完整规范",
      ],
      ["对学习心得雷同问题进行通报，建立学习资料审核机制", "杜绝网上下载、照搬照抄现象"],
    ],
  },
  {
    title: "贯彻落实县委重大决策部署打折扣，相关工作推进缓慢",
    description: (r) =>
      `对县委关于优化营商环境、安全生产专项整治的部署要求传达不及时、研究不深入，${r.int(2, 5)}项重点任务进度滞后于全县平均水平。`,
    scheme: "fourImplementations",
    category: "fourImplementations.1",
    severity: "serious",
    for: ["department", "township", "stateEnterprise"],
    measures: [
      ["召开党组会议专题研究滞后任务，逐项明确责任领导和完成时限", "滞后任务全部追赶到位"],
      ["建立重点任务月调度、季通报制度", "调度通报常态化运行"],
    ],
  },
  {
    title: "意识形态工作责任制落实不到位",
    description: () =>
      "未按要求每半年专题研究意识形态工作，单位微信公众号信息发布未落实“三审三校”制度，意识形态领域风险排查不深入。",
    scheme: "fourImplementations",
    category: "fourImplementations.1",
    severity: "general",
    for: ORGS,
    measures: [
      ["每半年至少专题研究1次意识形态工作，形成工作台账", "意识形态工作责任制落实到位"],
      ["修订新媒体信息发布管理办法，严格执行“三审三校”", "信息发布审核留痕率100%"],
    ],
  },
  {
    title: "落实全面从严治党主体责任不力，“一岗双责”履行不到位",
    description: (_r, y) =>
      `主要负责人第一责任人责任落实不到位，班子成员对分管领域日常监督失之于宽，${y - 1}年以来未按规定开展廉政谈话。`,
    scheme: "fourImplementations",
    category: "fourImplementations.2",
    severity: "serious",
    for: ORGS,
    measures: [
      ["制定全面从严治党主体责任清单，班子成员签订“一岗双责”责任书", "责任清单覆盖全体班子成员"],
      ["建立廉政谈话制度，班子成员每年对分管股室负责人至少谈话1次", "廉政谈话全覆盖"],
    ],
  },
  {
    title: "落实中央八项规定精神不到位，存在违规发放津补贴问题",
    description: (r, y) =>
      `${y - 2}年至${y - 1}年，以加班补助、值班补助等名义违规发放津补贴共计${money(r, 3, 30)}万元，涉及干部职工${r.int(12, 60)}人。`,
    scheme: "fourImplementations",
    category: "fourImplementations.2",
    severity: "serious",
    for: UNITS,
    measures: [
      ["对违规发放的津补贴全额清退，清退资金上缴财政", "违规资金全部清退到位"],
      ["修订津补贴发放管理办法，发放前经集体研究并公示", "杜绝违规发放问题再次发生"],
    ],
  },
  {
    title: "公务接待管理不规范，存在超标准接待问题",
    description: (r, y) =>
      `抽查${y - 1}年公务接待费报销凭证${r.int(30, 80)}笔，其中${r.int(5, 15)}笔无公函、无接待清单，${r.int(2, 6)}笔超标准接待，涉及金额${money(r, 0.5, 5)}万元。`,
    scheme: "sixDisciplines",
    category: "sixDisciplines.3",
    severity: "general",
    for: UNITS,
    measures: [
      ["严格执行公务接待“三单合一”报销制度，对超标准部分由责任人退赔", "接待报销凭证规范完整"],
      ["每季度对公务接待情况进行内部审计并公开", "接待费用支出公开透明"],
    ],
  },
  {
    title: "公务用车管理不规范，派车登记制度落实不严",
    description: (r) =>
      `公务用车未严格执行派车登记制度，存在节假日公车私用风险；${r.int(2, 5)}辆车的加油、维修费用无审批记录。`,
    scheme: "sixDisciplines",
    category: "sixDisciplines.3",
    severity: "general",
    for: UNITS,
    measures: [
      ["完善公务用车管理制度，安装北斗定位，实行节假日封存", "公车使用全程可追溯"],
      ["对加油、维修费用逐笔核查，无审批记录的由经办人说明情况", "费用审批手续齐全"],
    ],
  },
  {
    title: "“三重一大”决策制度执行不严格，大额资金支出未经集体研究",
    description: (r, y) =>
      `${y - 1}年以来${r.int(3, 9)}笔大额资金支出（合计${money(r, 50, 300)}万元）未经党组（党委）会议集体研究，由主要负责人直接审批。`,
    scheme: "fourImplementations",
    category: "fourImplementations.2",
    severity: "serious",
    for: ["department", "stateEnterprise", "hospital", "school"],
    measures: [
      ["修订“三重一大”事项集体决策制度，明确大额资金标准和决策程序", "制度印发执行"],
      ["对未经集体研究的支出事项补充履行程序并说明情况", "问题事项全部规范到位"],
    ],
  },
  {
    title: "政府采购程序不规范，存在化整为零规避招标问题",
    description: (r) =>
      `将${money(r, 40, 120)}万元的设备采购项目拆分为${r.int(3, 6)}个合同，规避公开招标；部分采购项目验收记录缺失。`,
    scheme: "sixDisciplines",
    category: "sixDisciplines.6",
    severity: "serious",
    for: ["department", "school", "hospital", "secondLevelUnit"],
    measures: [
      ["组织财务、采购人员开展政府采购法规专题培训", "相关人员培训全覆盖"],
      ["建立采购项目年度计划和验收制度，纪检组织全程监督", "采购程序合规率100%"],
    ],
  },
  {
    title: "民主集中制执行不到位，议事决策程序不规范",
    description: () =>
      "党组（党委）议事规则未及时修订，部分重大事项以办公会代替党组（党委）会研究，会议记录不完整、表决情况未记录。",
    scheme: "fourImplementations",
    category: "fourImplementations.3",
    severity: "general",
    for: ORGS,
    measures: [
      ["修订党组（党委）工作规则和议事规则", "议事规则符合最新规定"],
      ["规范会议记录，重大事项逐人表态并记录在案", "会议记录完整规范"],
    ],
  },
  {
    title: "基层党组织建设薄弱，“三会一课”制度落实不严格",
    description: (r) =>
      `所属${r.int(2, 6)}个党支部“三会一课”记录不全，组织生活会批评与自我批评辣味不足，相互批评意见多为工作建议。`,
    scheme: "fourImplementations",
    category: "fourImplementations.3",
    severity: "general",
    for: ORGS,
    measures: [
      ["开展支部工作规范化建设，逐支部检查“三会一课”落实情况", "各支部组织生活规范开展"],
      ["重新召开专题组织生活会，认真开展批评与自我批评", "组织生活会质量明显提升"],
    ],
  },
  {
    title: "发展党员工作不规范，程序执行不严格",
    description: (r) =>
      `抽查${r.int(6, 15)}名发展对象材料，${r.int(1, 4)}人政治审查材料不完整，${r.int(1, 3)}人入党志愿书填写不规范。`,
    scheme: "fourImplementations",
    category: "fourImplementations.3",
    severity: "general",
    for: ["department", "township", "school", "hospital"],
    measures: [["对近三年发展党员材料全面复查，逐一补正", "发展党员材料规范完整"]],
  },
  {
    title: "干部选拔任用程序不规范",
    description: (r, y) =>
      `${y - 2}年以来提拔任用的${r.int(5, 12)}名中层干部中，${r.int(1, 3)}名未按规定进行民主推荐，部分干部考察材料内容简单、评价笼统。`,
    scheme: "fourImplementations",
    category: "fourImplementations.3",
    severity: "serious",
    for: UNITS,
    dept: "组织部",
    measures: [
      ["严格执行《党政领导干部选拔任用工作条例》，规范动议、推荐、考察程序", "选人用人程序合规"],
      ["对程序不规范的任职事项报县委组织部审核处理", "问题事项处理到位"],
    ],
  },
  {
    title: "长期违规借调基层人员，干部管理不规范",
    description: (r) =>
      `长期从下属单位和乡镇借调工作人员${r.int(3, 9)}名，最长借调时间达${r.int(2, 5)}年，未履行审批手续。`,
    scheme: "fourImplementations",
    category: "fourImplementations.3",
    severity: "general",
    for: ["department"],
    dept: "组织部",
    measures: [["全面清理借调人员，确需借调的按程序报批", "违规借调人员全部清退"]],
  },
  {
    title: "干部人事档案管理不规范，专项审核问题整改不到位",
    description: (r) =>
      `干部人事档案专项审核发现的${r.int(4, 10)}名干部出生日期、参加工作时间认定依据不足问题，至今未整改到位。`,
    scheme: "fourImplementations",
    category: "fourImplementations.3",
    severity: "general",
    for: ["department", "hospital", "school"],
    dept: "组织部",
    measures: [["逐人补充完善认定依据材料，报县委组织部审核", "档案问题全部整改销号"]],
  },
  {
    title: "上轮巡察反馈问题整改不彻底，存在“纸面整改”现象",
    description: (r) =>
      `上轮巡察反馈的${r.int(8, 15)}个问题中，${r.int(2, 5)}个整改措施停留在制定制度层面，未见实际成效。`,
    scheme: "fourImplementations",
    category: "fourImplementations.4",
    severity: "serious",
    for: ORGS,
    measures: [
      ["对上轮巡察反馈问题逐条“回头看”，建立整改对账清单", "整改事项逐项对账销号"],
      ["对整改不力的责任人进行约谈提醒", "整改责任压紧压实"],
    ],
  },
  {
    title: "审计发现问题整改不到位",
    description: (r, y) =>
      `${y - 2}年度审计指出的${r.int(5, 12)}个问题中，${r.int(2, 4)}个未按期完成整改，涉及资金${money(r, 10, 90)}万元未清理到位。`,
    scheme: "fourImplementations",
    category: "fourImplementations.4",
    severity: "general",
    for: ["department", "stateEnterprise", "secondLevelUnit", "hospital"],
    measures: [["制定审计整改任务清单，逐项清理涉及资金", "审计问题全部整改到位"]],
  },
  {
    title: "履行行业监管职责不到位，群众反映问题办理不及时",
    description: (r, y) =>
      `对行业领域安全隐患排查不深入，${y - 1}年以来群众反映的${r.int(10, 40)}件问题中有${r.int(3, 9)}件超期办理，群众满意度不高。`,
    scheme: "fourImplementations",
    category: "fourImplementations.1",
    severity: "general",
    for: ["department", "secondLevelUnit"],
    measures: [
      ["建立群众诉求办理台账，实行限时办结和回访制度", "群众诉求按期办结率100%"],
      ["开展行业安全隐患拉网式排查", "排查隐患全部整改闭环"],
    ],
  },
  {
    title: "形式主义、官僚主义问题依然存在，文山会海未根本改观",
    description: (r, y) =>
      `${y - 1}年以来以本单位名义印发文件${r.int(60, 150)}件，部分文件照搬照抄上级文件，针对性不强；督查检查考核事项多、频次高，基层负担较重。`,
    scheme: "sixDisciplines",
    category: "sixDisciplines.5",
    severity: "general",
    for: ["department", "township"],
    measures: [
      ["制定精文减会措施，严控发文数量和会议规模", "发文数量同比下降30%以上"],
      ["统筹规范督查检查考核事项", "基层负担明显减轻"],
    ],
  },
  {
    title: "固定资产管理混乱，账实不符",
    description: (r) =>
      `固定资产账实不符，${r.int(10, 60)}台（件）设备已报废未及时核销，部分资产未登记入账。`,
    scheme: "sixDisciplines",
    category: "sixDisciplines.6",
    severity: "general",
    for: UNITS,
    measures: [["开展固定资产全面清查，按程序办理报废核销和补登入账", "资产账、卡、物一致"]],
  },
  {
    title: "工程建设项目管理不规范，存在未批先建问题",
    description: (r) =>
      `抽查${r.int(6, 12)}个工程项目，${r.int(2, 4)}个存在未批先建、先施工后招标问题，${r.int(1, 3)}个项目工程变更未经审批。`,
    scheme: "fourImplementations",
    category: "fourImplementations.2",
    severity: "serious",
    for: ["department", "stateEnterprise", "township"],
    measures: [
      ["对问题项目逐个补办手续，对相关责任人进行约谈", "问题项目手续全部规范"],
      ["修订工程建设项目管理办法，变更须经集体研究", "工程管理制度健全"],
    ],
  },
  {
    title: "专项资金使用管理不规范，部分资金滞留未拨付",
    description: (r, y) =>
      `${y - 1}年专项资金${money(r, 50, 400)}万元中，${money(r, 10, 50)}万元未按规定用途使用或滞留未拨付。`,
    scheme: "fourImplementations",
    category: "fourImplementations.1",
    severity: "serious",
    for: ["department", "township", "secondLevelUnit"],
    measures: [["对滞留资金限期拨付，挪用资金全部归位", "专项资金专款专用"]],
  },
  {
    title: "服务群众作风不实，窗口服务“最后一公里”不畅通",
    description: () =>
      "窗口服务事项办理时限长，群众反映“门难进、脸难看、事难办”问题仍有发生，部分事项仍需群众多次往返。",
    scheme: "sixDisciplines",
    category: "sixDisciplines.4",
    severity: "general",
    for: ["department", "secondLevelUnit", "township", "hospital"],
    measures: [["推行“一窗受理、一次办结”，公开办事流程和时限", "群众办事满意度明显提升"]],
  },
  {
    title: "学校食堂管理不规范，存在食品安全隐患",
    description: (r) =>
      `食堂采购未严格执行索证索票制度，${r.int(5, 20)}批次食材无检验检疫证明，膳食经费账目公示不及时。`,
    scheme: "sixDisciplines",
    category: "sixDisciplines.4",
    severity: "serious",
    for: ["school"],
    dept: "sector",
    measures: [
      ["严格执行食材索证索票和陪餐制度", "食品安全管理规范"],
      ["膳食经费单独核算，每月公示收支情况", "账目公开透明"],
    ],
  },
  {
    title: "违规向学生收取费用",
    description: (r) => `以资料费、服务费名义向学生收取费用${money(r, 1, 15)}万元，未经审批。`,
    scheme: "sixDisciplines",
    category: "sixDisciplines.4",
    severity: "serious",
    for: ["school"],
    dept: "sector",
    measures: [["违规收取的费用全额退还学生", "违规收费全部清退"]],
  },
  {
    title: "医保基金使用不规范，存在串换项目收费问题",
    description: (r) =>
      `抽查${r.int(50, 120)}份住院病历，${r.int(5, 15)}份存在重复收费、串换项目收费问题，涉及医保基金${money(r, 2, 20)}万元。`,
    scheme: "sixDisciplines",
    category: "sixDisciplines.4",
    severity: "serious",
    for: ["hospital"],
    dept: "sector",
    measures: [
      ["违规收取的医保基金全额退回医保基金账户", "违规资金全部退回"],
      ["建立医保收费内部稽核制度，每月抽查病历", "违规收费问题不再发生"],
    ],
  },
  {
    title: "药品耗材采购管理不规范",
    description: (r, y) => `部分药品耗材未通过省级平台采购，${y - 1}年线下采购金额${money(r, 20, 120)}万元。`,
    scheme: "fourImplementations",
    category: "fourImplementations.2",
    severity: "general",
    for: ["hospital"],
    measures: [["药品耗材全部纳入省级平台采购，建立采购审批台账", "平台采购率100%"]],
  },
  {
    title: "国有资产监管不到位，存在国有资产流失风险",
    description: (r) => `对外出租的${r.int(5, 20)}处门面房未经评估、未公开招租，租金明显低于市场价。`,
    scheme: "fourImplementations",
    category: "fourImplementations.2",
    severity: "serious",
    for: ["stateEnterprise"],
    dept: "sector",
    measures: [["对出租资产重新评估并公开招租，建立资产出租台账", "资产出租程序合规"]],
  },
  {
    title: "企业投资决策不规范，部分项目收益未达预期",
    description: (r, y) => `${y - 2}年以来投资的${r.int(2, 5)}个项目未开展可行性论证，部分项目收益未达预期。`,
    scheme: "fourImplementations",
    category: "fourImplementations.1",
    severity: "general",
    for: ["stateEnterprise"],
    measures: [["建立投资项目可行性论证和后评价制度", "投资决策科学规范"]],
  },
  {
    title: "对村级组织监督管理不到位",
    description: () => "乡镇党委对所辖村“三资”管理、村级工程项目监管不力，“四议两公开”落实情况检查流于形式。",
    scheme: "threeFocuses",
    category: "threeFocuses.2",
    severity: "general",
    for: ["township"],
    measures: [
      ["每季度对所辖村“三资”管理和工程项目开展专项检查", "村级监管全覆盖"],
      ["建立“四议两公开”落实情况月报制度", "村级决策程序规范"],
    ],
  },
  {
    title: "防止返贫动态监测帮扶机制落实不到位",
    description: (r) => `防止返贫动态监测帮扶机制落实不到位，${r.int(3, 12)}户监测对象帮扶措施未及时落实。`,
    scheme: "threeFocuses",
    category: "threeFocuses.1",
    severity: "serious",
    for: ["township"],
    measures: [["逐户核查监测对象，一户一策落实帮扶措施", "监测对象帮扶措施全部落实"]],
  },
  {
    title: "村级“三资”管理不规范，集体资产台账不清",
    description: (r) =>
      `村集体资产、资源台账未及时更新，${r.int(2, 6)}宗集体土地发包未经村民代表大会表决，承包合同期限过长、租金偏低。`,
    scheme: "villageFocus",
    category: "villageFocus.3",
    severity: "serious",
    for: RURAL,
    measures: [
      ["全面清查村集体资产资源，建立“三资”管理台账", "集体资产台账清晰"],
      ["对不规范的承包合同依法规范或重新发包", "合同规范率100%"],
    ],
  },
  {
    title: "惠农补贴资金发放不规范",
    description: (r, y) =>
      `${y - 1}年耕地地力保护补贴发放中，${r.int(3, 15)}户存在面积核定不准问题，多发补贴${money(r, 0.2, 3)}万元。`,
    scheme: "villageFocus",
    category: "villageFocus.4",
    severity: "general",
    for: ["village"],
    dept: "sector",
    measures: [["逐户核实补贴面积，多发资金全部追回", "补贴发放精准"]],
  },
  {
    title: "低保对象认定不精准，存在“人情保”“关系保”问题",
    description: (r) =>
      `抽查低保户${r.int(20, 40)}户，${r.int(2, 6)}户家庭收入超过低保标准仍在享受低保，其中${r.int(1, 2)}户为村干部亲属。`,
    scheme: "villageFocus",
    category: "villageFocus.4",
    severity: "serious",
    for: RURAL,
    measures: [
      ["对全部低保对象开展复核，不符合条件的按程序退出", "低保认定精准"],
      ["落实村干部近亲属享受低保备案制度", "备案制度执行到位"],
    ],
  },
  {
    title: "村级小型工程项目管理不规范",
    description: (r) =>
      `${r.int(2, 6)}个村级小型工程项目未按规定进行比选，由村干部直接指定施工队伍，工程结算资料不全。`,
    scheme: "villageFocus",
    category: "villageFocus.2",
    severity: "serious",
    for: ["village"],
    measures: [["严格执行村级小型工程项目管理办法，补齐结算资料", "工程项目程序规范"]],
  },
  {
    title: "村级财务管理混乱，白条入账问题突出",
    description: (r, y) =>
      `${y - 1}年村级财务支出中，${r.int(8, 30)}笔（金额${money(r, 1, 12)}万元）以白条入账，部分支出无经办人、证明人签字。`,
    scheme: "villageFocus",
    category: "villageFocus.3",
    severity: "general",
    for: RURAL,
    measures: [["对白条入账逐笔补正票据，严格执行村级财务审批制度", "财务报账规范"]],
  },
  {
    title: "村务公开不及时、不规范",
    description: () => "村务公开栏内容长期未更新，财务收支明细未按季度公开，群众对集体收支情况知晓率低。",
    scheme: "villageFocus",
    category: "villageFocus.3",
    severity: "general",
    for: RURAL,
    measures: [["按季度公开财务收支明细，重大事项随时公开", "村务公开及时规范"]],
  },
  {
    title: "村党组织软弱涣散，组织生活不正常",
    description: (r) =>
      `“三会一课”不规范，党员大会全年仅召开${r.int(1, 3)}次，流动党员管理缺失，${r.int(2, 6)}名党员长期不参加组织生活。`,
    scheme: "villageFocus",
    category: "villageFocus.7",
    severity: "general",
    for: RURAL,
    measures: [
      ["乡镇党委派员指导整顿，规范“三会一课”", "组织生活正常开展"],
      ["建立流动党员联系台账", "流动党员管理全覆盖"],
    ],
  },
  {
    title: "村干部作风不实，“四风”问题仍有发生",
    description: (r) => `存在使用村集体资金购买烟酒、违规接待问题，涉及金额${money(r, 0.3, 3)}万元。`,
    scheme: "villageFocus",
    category: "villageFocus.1",
    severity: "serious",
    for: ["village"],
    measures: [["违规支出由责任人全额退赔，开展作风纪律专项教育", "违规资金退赔到位"]],
  },
  {
    title: "征地补偿款发放不规范，部分资金滞留村账户",
    description: (r, y) =>
      `${y - 1}年征地补偿款${money(r, 30, 200)}万元未及时足额发放到户，部分补偿款滞留村账户。`,
    scheme: "villageFocus",
    category: "villageFocus.2",
    severity: "serious",
    for: ["village"],
    measures: [["限期将滞留补偿款足额发放到户并公示", "补偿款全部发放到户"]],
  },
  {
    title: "乡村振兴衔接资金项目效益不佳，资产闲置",
    description: (r, y) =>
      `${y - 2}年实施的${r.int(1, 3)}个产业扶持项目建成后未正常运营，项目资产闲置，联农带农作用发挥不明显。`,
    scheme: "villageFocus",
    category: "villageFocus.4",
    severity: "general",
    for: ["village"],
    measures: [["引进经营主体盘活闲置资产，建立项目资产管护制度", "项目资产正常运营"]],
  },
];

/** Problems that point to possible violations by an official: routed to the 纪委监委 as clues. */
export const CLUE_FINDINGS: FindingTemplate[] = [
  {
    title: "单位负责人涉嫌违规收受管理服务对象礼品礼金",
    description: (r, y) =>
      `群众反映该单位负责人${y - 1}年春节期间收受管理服务对象所送购物卡，金额约${money(r, 0.5, 3)}万元。经巡察组初步了解，问题具有可查性。`,
    scheme: "sixDisciplines",
    category: "sixDisciplines.3",
    severity: "severe",
    for: UNITS,
    measures: [],
  },
  {
    title: "财务人员涉嫌挪用公款",
    description: (r) =>
      `查阅财务资料发现，出纳人员账户与单位账户之间存在${r.int(3, 8)}笔资金往来，金额合计${money(r, 5, 40)}万元，去向不明。`,
    scheme: "sixDisciplines",
    category: "sixDisciplines.3",
    severity: "severe",
    for: UNITS,
    measures: [],
  },
  {
    title: "中层干部涉嫌利用职务便利为亲属经营活动谋取利益",
    description: () => "反映该单位一名股室负责人利用审批职务便利，为其亲属开办的公司承接本单位业务提供帮助。",
    scheme: "sixDisciplines",
    category: "sixDisciplines.3",
    severity: "serious",
    for: ["department", "secondLevelUnit", "stateEnterprise"],
    measures: [],
  },
  {
    title: "项目负责人涉嫌在工程验收中收受施工方好处费",
    description: (r) =>
      `信访反映该单位项目负责人在${r.int(2, 4)}个工程项目验收中收受施工方好处费，并降低验收标准。`,
    scheme: "sixDisciplines",
    category: "sixDisciplines.3",
    severity: "severe",
    for: ["department", "stateEnterprise", "township"],
    measures: [],
  },
  {
    title: "干部涉嫌违规操办婚丧喜庆事宜借机敛财",
    description: (r) => `反映一名班子成员为子女操办婚宴${r.int(20, 40)}余桌，收受管理服务对象礼金。`,
    scheme: "sixDisciplines",
    category: "sixDisciplines.3",
    severity: "serious",
    for: ORGS,
    measures: [],
  },
  {
    title: "干部涉嫌在干部选拔任用中跑官要官、拉票贿选",
    description: (_r, y) =>
      `个别谈话中多人反映，该单位一名中层干部在${y - 1}年干部调整期间多次请托说情，并向部分干部职工许诺好处拉票。`,
    scheme: "fourImplementations",
    category: "fourImplementations.3",
    severity: "serious",
    for: ["department", "secondLevelUnit", "school", "hospital"],
    measures: [],
    clueReceiver: "organizationDept",
  },
  {
    title: "村党支部书记涉嫌违规承揽村级工程项目",
    description: (r) =>
      `反映村党支部书记以亲属名义承揽本村${r.int(2, 5)}个小型工程项目，工程款合计${money(r, 10, 60)}万元。`,
    scheme: "villageFocus",
    category: "villageFocus.2",
    severity: "severe",
    for: RURAL,
    measures: [],
  },
  {
    title: "村委会主任涉嫌虚报冒领惠农补贴资金",
    description: (r) => `反映村委会主任虚报种植面积，冒领耕地地力保护补贴${money(r, 0.5, 3)}万元。`,
    scheme: "villageFocus",
    category: "villageFocus.4",
    severity: "severe",
    for: ["village"],
    measures: [],
  },
  {
    title: "村干部涉嫌充当黑恶势力“保护伞”",
    description: () => "群众反映村干部与当地砂石经营人员来往密切，对其强揽工程、欺压群众行为不制止、不报告。",
    scheme: "villageFocus",
    category: "villageFocus.6",
    severity: "severe",
    for: ["village"],
    measures: [],
  },
];

export const PROGRESS_TEXTS = {
  unfinished: [
    "已召开专题会议研究部署，明确责任分工，正在逐项推进整改。",
    "已完成问题排查，正在制定具体整改办法。",
    "已开展自查自纠，相关清退工作正在进行中。",
    "已起草相关制度初稿，正在征求意见。",
  ],
  basicallyDone: [
    "主要整改任务已完成，相关制度正在修订完善，待集体研究后印发。",
    "已完成大部分整改任务，剩余事项正在收尾。",
  ],
  done: [
    "已全部整改到位，相关制度已印发执行，佐证材料已报送县委巡察办。",
    "违规资金已全部清退，整改佐证材料已归档。",
    "已建立长效机制并执行到位，经自查未发现同类问题。",
  ],
} as const;

export const REOPEN_REASONS = [
  "回访督查发现问题出现反弹，整改佐证材料不充分，退回重新整改",
  "联审认为整改措施未触及问题根源，仅停留在制度层面，退回重新整改",
];

/** Rules a target made or revised while rectifying (建章立制). */
export const RULES_MADE = [
  "《公务接待管理办法》（修订）",
  "《财务报销审批管理制度》",
  "《“三重一大”事项集体决策实施办法》",
  "《干部人事档案管理办法》",
  "《工程建设项目招投标管理规定》",
  "《公务用车使用管理办法》",
  "《党组议事规则》（修订）",
  "《津补贴发放管理规定》",
];

export const FEEDBACK_REQUIREMENTS =
  "一要提高政治站位，把巡察整改作为重要政治任务，主要负责人切实履行第一责任人责任；二要照单全收、逐一认领，在反馈后1个月内制定整改方案，报送县委巡察办；三要压实整改责任，建立问题清单、任务清单、责任清单，2个月内报送整改情况报告；四要举一反三、建章立制，巩固整改成果，做好巡察“后半篇文章”。";
