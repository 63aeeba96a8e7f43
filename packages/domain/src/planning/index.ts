export * from "./check-plan";
export * from "./plan-limits";
export * from "./planner";
