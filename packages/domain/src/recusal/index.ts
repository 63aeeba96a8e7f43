export * from "./load-recusal-facts";
export * from "./rules";
