export * from "./ledger";
export * from "./record-rectification";
export * from "./rectification-state";
