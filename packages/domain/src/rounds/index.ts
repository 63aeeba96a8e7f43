export * from "./get-round";
export * from "./manage-groups";
export * from "./manage-rounds";
export * from "./manage-terms";
export * from "./round-name";
