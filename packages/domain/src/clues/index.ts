export * from "./manage-clues";
