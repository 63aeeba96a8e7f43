export * from "./manage-reports";
export * from "./report-content";
