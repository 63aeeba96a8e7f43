const DIGITS = ["零", "一", "二", "三", "四", "五", "六", "七", "八", "九"];

/** 1 → 一, 12 → 十二, 20 → 二十, 35 → 三十五 (rounds and groups are numbered in Chinese). */
export function chineseNumber(n: number): string {
  if (n < 10) return DIGITS[n]!;
  if (n < 20) return `十${n % 10 ? DIGITS[n % 10] : ""}`;
  if (n < 100) return `${DIGITS[Math.floor(n / 10)]}十${n % 10 ? DIGITS[n % 10] : ""}`;
  return String(n);
}

/** 十四届县委第八轮巡察 */
export const roundName = (termName: string, number: number) => `${termName}第${chineseNumber(number)}轮巡察`;

/** 第一巡察组 */
export const groupName = (number: number) => `第${chineseNumber(number)}巡察组`;
