import type { TargetCategory } from "../model/enums";

/** The invented places of the demo: a city with two counties. No real place or person. */
export const DEMO_CITY = { committeeName: "江城市委", orgName: "中共江城市委" };

export interface CountySpec {
  committeeName: string;
  /** 中共青山县委: the 上级党组织 of the county's targets. */
  orgName: string;
  areaCode: string;
  termName: string;
  townships: string[];
  villagesPerTownship: number;
  communitiesPerStreet: number;
  /** Where in DEPARTMENTS the county's departments start (so the counties differ). */
  departmentOffset: number;
  /** How many entries of each list below the county has. */
  sizes: Record<"department" | "stateEnterprise" | "school" | "hospital" | "secondLevelUnit", number>;
  pools: { leader: number; talent: number };
}

export const MAIN_COUNTY: CountySpec = {
  committeeName: "青山县委",
  orgName: "中共青山县委",
  areaCode: "0739",
  termName: "十五届县委",
  townships: [
    "城关街道",
    "东城街道",
    "青山镇",
    "白沙镇",
    "石桥镇",
    "龙泉镇",
    "双河镇",
    "柳河乡",
    "枫林乡",
    "桃源乡",
  ],
  villagesPerTownship: 5,
  communitiesPerStreet: 4,
  departmentOffset: 0,
  sizes: { department: 28, stateEnterprise: 3, school: 6, hospital: 4, secondLevelUnit: 6 },
  pools: { leader: 8, talent: 32 },
};

/** A second, smaller county, so that the city sees statistics summed over two lower levels. */
export const SECOND_COUNTY: CountySpec = {
  committeeName: "云溪县委",
  orgName: "中共云溪县委",
  areaCode: "0738",
  termName: "十五届县委",
  townships: ["云溪街道", "金鸡镇", "清水镇", "高桥乡"],
  villagesPerTownship: 4,
  communitiesPerStreet: 2,
  departmentOffset: 4,
  sizes: { department: 12, stateEnterprise: 1, school: 2, hospital: 1, secondLevelUnit: 2 },
  pools: { leader: 8, talent: 25 },
};

export interface RegistryEntry {
  name: string;
  category: TargetCategory;
  orgForm: string;
  sector: string;
  /** 上级党组织 when it is not the county committee. */
  parentOrgName?: string;
}

const dept = (name: string, orgForm: string, sector: string): RegistryEntry => ({
  name,
  category: "department",
  orgForm,
  sector,
});

/**
 * Departments in the order rounds pick them (the first ones are inspected first; the first is the
 * target of the target1 demo account). The first sixteen are not home units of the pools' people.
 */
export const DEPARTMENTS: RegistryEntry[] = [
  dept("县住建局党组", "党组", "住建"),
  dept("县教育局党组", "党组", "教育"),
  dept("县农业农村局党组", "党组", "农业农村"),
  dept("县卫健局党组", "党组", "卫健"),
  dept("县交通运输局党组", "党组", "交通"),
  dept("县水利局党组", "党组", "水利"),
  dept("县民政局党组", "党组", "民政"),
  dept("县自然资源局党组", "党组", "自然资源"),
  dept("县市场监管局党组", "党组", "市场监管"),
  dept("县文化旅游广电局党组", "党组", "文旅"),
  dept("县商务局党组", "党组", "经济"),
  dept("县应急管理局党组", "党组", "应急"),
  dept("县政府办公室党组", "党组", "综合"),
  dept("县委办公室党支部", "党支部", "综合"),
  dept("县委宣传部机关党支部", "党支部", "宣传"),
  dept("县委统战部机关党支部", "党支部", "统战"),
  dept("县发展和改革局党组", "党组", "经济"),
  dept("县科技和工业信息化局党组", "党组", "经济"),
  dept("县公安局党委", "党委", "政法"),
  dept("县司法局党组", "党组", "政法"),
  dept("县财政局党组", "党组", "财政"),
  dept("县人社局党组", "党组", "人社"),
  dept("县退役军人事务局党组", "党组", "民政"),
  dept("县审计局党组", "党组", "审计"),
  dept("县医疗保障局党组", "党组", "卫健"),
  dept("县林业局党组", "党组", "林业"),
  dept("县人民法院党组", "党组", "政法"),
  dept("县人民检察院党组", "党组", "政法"),
];

export const STATE_ENTERPRISES: RegistryEntry[] = [
  { name: "县城投集团党委", category: "stateEnterprise", orgForm: "国有企业党委", sector: "国资" },
  { name: "县交通投资集团党委", category: "stateEnterprise", orgForm: "国有企业党委", sector: "国资" },
  { name: "县水务集团党委", category: "stateEnterprise", orgForm: "国有企业党委", sector: "国资" },
];

const school = (name: string, orgForm: string): RegistryEntry => ({
  name,
  category: "school",
  orgForm,
  sector: "教育",
  parentOrgName: "县委教育工委",
});

export const SCHOOLS: RegistryEntry[] = [
  school("县第一中学党委", "党委"),
  school("县第二中学党总支", "党总支"),
  school("县实验小学党支部", "党支部"),
  school("县职业中专党总支", "党总支"),
  school("县特殊教育学校党支部", "党支部"),
  school("县城关第一小学党支部", "党支部"),
];

const hospital = (name: string, orgForm: string): RegistryEntry => ({
  name,
  category: "hospital",
  orgForm,
  sector: "卫健",
  parentOrgName: "县卫健局党组",
});

export const HOSPITALS: RegistryEntry[] = [
  hospital("县人民医院党委", "党委"),
  hospital("县中医院党委", "党委"),
  hospital("县妇幼保健院党支部", "党支部"),
  hospital("县第二人民医院党总支", "党总支"),
];

const unit = (name: string, parent: string, sector: string): RegistryEntry => ({
  name,
  category: "secondLevelUnit",
  orgForm: "党支部",
  sector,
  parentOrgName: parent,
});

export const SECOND_LEVEL_UNITS: RegistryEntry[] = [
  unit("县不动产登记中心党支部", "县自然资源局党组", "自然资源"),
  unit("县社会保险服务中心党支部", "县人社局党组", "人社"),
  unit("县公路事业发展中心党支部", "县交通运输局党组", "交通"),
  unit("县疾病预防控制中心党支部", "县卫健局党组", "卫健"),
  unit("县住房公积金管理中心党支部", "县住建局党组", "住建"),
  unit("县农业技术推广中心党支部", "县农业农村局党组", "农业农村"),
];

/** The sector authority that receives a sector's common problems (route = department). */
export const SECTOR_AUTHORITY: Record<string, string> = {
  教育: "县教育局",
  卫健: "县卫健局",
  农业农村: "县农业农村局",
  国资: "县财政局",
};

/** Units of the pools' people, with the expertise they bring. */
export const POOL_UNITS: { unit: string; expertise: string; posts: string[] }[] = [
  {
    unit: "县纪委监委",
    expertise: "纪检",
    posts: ["第一纪检监察室副主任", "第二纪检监察室干部", "案件审理室干部", "派驻纪检监察组干部"],
  },
  { unit: "县委组织部", expertise: "组织", posts: ["干部监督股股长", "组织股干部", "干部股副股长"] },
  { unit: "县财政局", expertise: "财会", posts: ["会计核算中心副主任", "预算股干部", "国库股干部"] },
  { unit: "县审计局", expertise: "审计", posts: ["经济责任审计股股长", "审计员", "财政审计股干部"] },
  { unit: "县委政法委", expertise: "政法", posts: ["执法监督股干部", "综治中心副主任"] },
  { unit: "县司法局", expertise: "政法", posts: ["法治督察股干部", "公共法律服务股干部"] },
];

export const LEADER_UNITS: { unit: string; posts: string[] }[] = [
  { unit: "县委巡察办", posts: ["县委巡察组组长（专职）", "县委巡察办副主任"] },
  { unit: "县人大常委会机关", posts: ["人事代表工作委员会主任", "法制工作委员会主任"] },
  { unit: "县政协机关", posts: ["提案委员会主任", "文史和学习委员会主任"] },
  { unit: "县纪委监委", posts: ["县纪委常委", "县监委委员"] },
  { unit: "县委组织部", posts: ["部务委员", "组织员办公室主任"] },
];

export const TARGET_DEPTS: Record<TargetCategory, string[]> = {
  department: ["办公室", "财务股", "人事股", "机关党支部", "法规股", "规划股"],
  township: ["党建办", "财政所", "农业综合服务中心", "综合办", "社会事务办"],
  village: ["村党支部", "村民委员会", "村务监督委员会"],
  community: ["社区党组织", "社区居委会", "社区服务中心"],
  stateEnterprise: ["综合办公室", "财务部", "工程管理部", "资产运营部"],
  school: ["校长室", "总务处", "政教处", "教务处"],
  hospital: ["院办公室", "财务科", "医务科", "医保办"],
  secondLevelUnit: ["办公室", "财务室", "业务科"],
};
