import { BarChart } from "echarts/charts";
import { GridComponent, TooltipComponent } from "echarts/components";
import * as echarts from "echarts/core";
import { CanvasRenderer } from "echarts/renderers";
import { useEffect, useRef } from "react";

echarts.use([BarChart, GridComponent, TooltipComponent, CanvasRenderer]);

/** A small horizontal bar chart (tree-shaken ECharts): categories with one count each. */
export function HorizontalBarChart({
  data,
  unit,
  height,
  ariaLabel,
}: {
  data: { name: string; value: number }[];
  unit: string;
  height?: number;
  ariaLabel: string;
}) {
  const ref = useRef<HTMLDivElement>(null);
  const h = height ?? Math.max(160, data.length * 32 + 40);

  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    // ECharts draws the first category at the bottom: reverse so the list reads top-down.
    const rows = [...data].reverse();
    const chart = echarts.init(el, undefined, { renderer: "canvas" });
    chart.setOption({
      grid: { left: 8, right: 40, top: 8, bottom: 8, containLabel: true },
      tooltip: {
        trigger: "axis",
        axisPointer: { type: "shadow" },
        valueFormatter: (v: unknown) => `${v} ${unit}`,
      },
      xAxis: { type: "value", minInterval: 1 },
      yAxis: {
        type: "category",
        data: rows.map((r) => r.name),
        axisLabel: { width: 150, overflow: "truncate" },
      },
      series: [
        {
          type: "bar",
          data: rows.map((r) => r.value),
          itemStyle: { color: "#1677ff", borderRadius: [0, 4, 4, 0] },
          label: { show: true, position: "right" },
          barMaxWidth: 22,
        },
      ],
    });
    const observer = new ResizeObserver(() => chart.resize());
    observer.observe(el);
    return () => {
      observer.disconnect();
      chart.dispose();
    };
  }, [data, unit]);

  return <div ref={ref} role="img" aria-label={ariaLabel} style={{ width: "100%", height: h }} />;
}
