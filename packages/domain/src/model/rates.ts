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
