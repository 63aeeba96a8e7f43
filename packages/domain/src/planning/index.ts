export * from "./check-plan";
export * from "./coverage";
export * from "./load-plan-input";
export * from "./plan-limits";
export * from "./planner";
export * from "./proposals";
export * from "./term-scope";
