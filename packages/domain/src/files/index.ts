export * from "./store-file";
