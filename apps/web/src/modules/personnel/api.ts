/** GET /api/people items: a person of the committee's pools (组长库 / 人才库). */
export interface Person {
  id: string;
  name: string;
  sex: string;
  birthMonth: string;
  politicalStatus: string;
  unit: string;
  post: string;
  rank: string;
  expertise: string[];
  pool: PersonPool;
  joinedOn: string | null;
  available: boolean;
  phone: string;
}

export type PersonPool = "leader" | "talent";

export const POOL_LABELS: Record<PersonPool, string> = { leader: "组长库", talent: "人才库" };

/** Expertise as offices record it (GLOSSARY: 纪检, 组织, 财会, 审计, 政法…). */
export const EXPERTISE_OPTIONS = [
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
];
