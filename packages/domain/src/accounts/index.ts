export * from "./account-roles";
export * from "./create-account";
export * from "./grant-role";
export * from "./list-accounts";
export * from "./present-account";
export * from "./provision-account";
export * from "./security-settings";
export * from "./set-account-disabled";
