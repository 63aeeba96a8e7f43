export * from "./deadlines";
export * from "./manage-settings";
export * from "./registry";
export * from "./setting";
