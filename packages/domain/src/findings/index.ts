export * from "./create-finding";
export * from "./decide-finding";
export * from "./finding-abilities";
export * from "./immediate-fix-content";
export * from "./immediate-fixes";
export * from "./list-findings";
export * from "./load-finding";
export * from "./review-finding";
