export * from "./change-workpaper";
export * from "./get-workpaper";
export * from "./load-workpaper";
export * from "./workpaper-abilities";
