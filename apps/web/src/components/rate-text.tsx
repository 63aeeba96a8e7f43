import type { Rate } from "@xuncha/domain/model";
import { formatRate } from "@xuncha/domain/model";
import { Tooltip } from "antd";

/** A rate with its formula and its counts on hover (UX.md: every rate shows its formula). */
export function RateText({ rate, strong }: { rate: Rate; strong?: boolean }) {
  const text = formatRate(rate);
  return (
    <Tooltip
      title={
        <div>
          <div>{rate.formula}</div>
          <div>
            {rate.numerator} ÷ {rate.denominator}
            {rate.percent === null ? "（尚无可计算的数据）" : ` = ${text}`}
          </div>
        </div>
      }
    >
      <button
        type="button"
        className="xc-rate"
        style={{ fontWeight: strong ? 600 : undefined }}
        aria-label={`${text}，${rate.formula}`}
      >
        {text}
      </button>
    </Tooltip>
  );
}
