export * from "./create-committee";
export * from "./list-committees";
