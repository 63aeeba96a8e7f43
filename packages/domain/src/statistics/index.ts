export * from "./overview";
export * from "./round-statistics";
