/** A published figure with its definition, so every statistic can be reproduced and explained. */
export interface Rate {
  numerator: number;
  denominator: number;
  /** Percentage with two decimals, or null when nothing is counted yet. */
  percent: number | null;
  formula: string;
}

/** Rounds half up to two decimals; numerator × 10000 ÷ denominator keeps exact halves exact (57/800 = 7.13%). */
export function rate(numerator: number, denominator: number, formula: string): Rate {
  const percent = denominator === 0 ? null : Math.round((numerator * 10000) / denominator) / 100;
  return { numerator, denominator, percent, formula };
}

/** 整改率 = 已销号问题数 ÷ 已反馈问题数 × 100% */
export const RECTIFICATION_RATE_FORMULA = "整改率 = 已销号的问题数 ÷ 已反馈给被巡察单位的问题数 × 100%";

export function rectificationRate(closed: number, fedBack: number): Rate {
  return rate(closed, fedBack, RECTIFICATION_RATE_FORMULA);
}

export function formatRate(r: Rate): string {
  return r.percent === null ? "—" : `${r.percent.toFixed(2)}%`;
}

/** The groupings the rectification rate is published for. */
export const RATE_GROUPINGS = ["target", "round", "category", "committee"] as const;
export type RateGrouping = (typeof RATE_GROUPINGS)[number];
export const RATE_GROUPING_LABELS: Record<RateGrouping, string> = {
  target: "被巡察单位",
  round: "巡察轮次",
  category: "问题类别",
  committee: "巡察机构",
};

/** The formula of each grouping's rate: the same count, restricted to the group. */
export const RECTIFICATION_RATE_FORMULAS: Record<RateGrouping, string> = {
  target: "被巡察单位整改率 = 该单位已销号的问题数 ÷ 已反馈给该单位的问题数 × 100%",
  round: "本轮整改率 = 本轮已销号的问题数 ÷ 本轮已反馈给被巡察单位的问题数 × 100%",
  category: "分类整改率 = 该类已销号的问题数 ÷ 该类已反馈给被巡察单位的问题数 × 100%",
  committee: "总体整改率 = 本机构已销号的问题数 ÷ 本机构已反馈给被巡察单位的问题数 × 100%",
};

/** A target's rectification rate (closed-out ÷ fed-back problems of the target). */
export const targetRectificationRate = (closed: number, fedBack: number): Rate =>
  rate(closed, fedBack, RECTIFICATION_RATE_FORMULAS.target);
/** A round's rectification rate (closed-out ÷ fed-back problems of the round). */
export const roundRectificationRate = (closed: number, fedBack: number): Rate =>
  rate(closed, fedBack, RECTIFICATION_RATE_FORMULAS.round);
/** A category's rectification rate (closed-out ÷ fed-back problems of the category). */
export const categoryRectificationRate = (closed: number, fedBack: number): Rate =>
  rate(closed, fedBack, RECTIFICATION_RATE_FORMULAS.category);
/** A committee's rectification rate (closed-out ÷ fed-back problems of the committee). */
export const committeeRectificationRate = (closed: number, fedBack: number): Rate =>
  rate(closed, fedBack, RECTIFICATION_RATE_FORMULAS.committee);

export const RECTIFICATION_RATE_BY: Record<RateGrouping, (closed: number, fedBack: number) => Rate> = {
  target: targetRectificationRate,
  round: roundRectificationRate,
  category: categoryRectificationRate,
  committee: committeeRectificationRate,
};
