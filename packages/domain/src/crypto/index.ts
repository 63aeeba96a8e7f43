export * from "./keyring";
export * from "./seal";
