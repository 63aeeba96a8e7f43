export * from "./enums";
export * from "./errors";
export * from "./fieldwork";
export * from "./rates";
export * from "./roles";
export * from "./taxonomy";
export * from "./tips";
export * from "./workpapers";
