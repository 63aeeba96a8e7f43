export * from "./escalation";
export * from "./joint-review";
export * from "./ledger";
export * from "./record-rectification";
export * from "./rectification-state";
