export * from "./assert-xlsx";
export * from "./cells";
export * from "./headers";
export * from "./read-ledger";
export * from "./spec";
export * from "./write-ledger";
