export * from "./conduct-questionnaire";
export * from "./criteria";
export * from "./manage-evaluations";
export * from "./person-evaluations";
