export * from "./create-finding";
export * from "./decide-finding";
export * from "./finding-abilities";
export * from "./list-findings";
export * from "./load-finding";
export * from "./review-finding";
