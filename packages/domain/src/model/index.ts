export * from "./enums";
export * from "./errors";
export * from "./rates";
export * from "./roles";
export * from "./taxonomy";
export * from "./workpapers";
export * from "./fieldwork";
export * from "./tips";
