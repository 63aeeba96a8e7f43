export * from "./load-recusal-facts";
export * from "./manage-overrides";
export * from "./rules";
