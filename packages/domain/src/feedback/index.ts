export * from "./give-feedback";
