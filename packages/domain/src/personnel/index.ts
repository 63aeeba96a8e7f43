export * from "./create-person";
export * from "./list-people";
export * from "./present-person";
