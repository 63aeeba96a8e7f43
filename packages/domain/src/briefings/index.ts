export * from "./answer-briefing";
export * from "./briefing-answers";
export * from "./briefing-requests";
export * from "./briefing-scope";
export * from "./create-briefing-request";
export * from "./list-briefing-requests";
export * from "./partner-departments";
export * from "./pre-inspection-items";
