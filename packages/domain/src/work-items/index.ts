export * from "./checklist";
export { addDays, addMonths, chinaDate, computeDueDate, daysBetween, overdueDays } from "./due-date";
export * from "./list-overdue-work-items";
export * from "./list-round-work-items";
export * from "./mark-work-item";
export * from "./move-round-stage";
export * from "./sync-round";
export * from "./sync-work-items";
export * from "./work-item-access";
