export * from "./list-notifications";
export * from "./notify";
export * from "./outbound";
