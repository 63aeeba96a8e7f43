export * from "./export-fieldwork";
export * from "./fieldwork-counts";
export * from "./fieldwork-records";
export * from "./fieldwork-scope";
export * from "./interviews";
export * from "./read-interview";
export * from "./schedule-interview";
export * from "./update-interview";
