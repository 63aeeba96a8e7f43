import { FINDING_ROUTES, type FindingRoute, SEVERITIES, type Severity } from "@xuncha/domain/model";

export const SEVERITY_COLORS: Record<Severity, string> = {
  general: "default",
  serious: "orange",
  severe: "red",
};

export const severityLabel = (s: string) => SEVERITIES.labels[s as Severity] ?? s;

/** The decision in short words for tables. */
export const ROUTE_SHORT: Record<FindingRoute, string> = {
  rectify: "交单位整改",
  department: "移交职能部门",
  clue: "移交线索",
};

export function routeText(route: string | null, routeDept?: string): string {
  if (!route) return "待决定";
  const label = ROUTE_SHORT[route as FindingRoute] ?? FINDING_ROUTES.labels[route as FindingRoute] ?? route;
  return route === "department" && routeDept ? `${label}（${routeDept}）` : label;
}

/** "共 N 个问题"; the server stops counting at 10,000: "共 10000+ 个问题". */
export const findingsCountText = (total: number, capped = false) => `共 ${total}${capped ? "+" : ""} 个问题`;
