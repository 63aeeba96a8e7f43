export * from "./notify";
export * from "./list-notifications";
export * from "./outbound";
