import { describe, expect, it } from "vitest";
import { AppError } from "../model/errors";
import { INSTALLATION_ADMIN_ROLES } from "../model/roles";
import { checkAdminExclusive, isInstallationRole } from "./account-roles";
import { checkAdminSeparation } from "./create-account";

const codeOf = (fn: () => void) => {
  try {
    fn();
    return null;
  } catch (error) {
    return error instanceof AppError ? error.code : "other";
  }
};

describe("三员分立", () => {
  it("no account may hold two of sysAdmin, securityAdmin and auditAdmin", () => {
    for (const a of INSTALLATION_ADMIN_ROLES) {
      for (const b of INSTALLATION_ADMIN_ROLES) {
        const expected = a === b ? null : "account.admin_separation";
        expect(codeOf(() => checkAdminSeparation([{ role: a }, { role: b }]))).toBe(expected);
      }
    }
    expect(
      codeOf(() =>
        checkAdminSeparation([{ role: "sysAdmin" }, { role: "securityAdmin" }, { role: "auditAdmin" }]),
      ),
    ).toBe("account.admin_separation");
  });

  it("a single administrator role, or business roles only, pass", () => {
    expect(codeOf(() => checkAdminSeparation([{ role: "auditAdmin" }]))).toBeNull();
    expect(codeOf(() => checkAdminSeparation([{ role: "officeStaff" }, { role: "leadership" }]))).toBeNull();
    expect(codeOf(() => checkAdminSeparation([]))).toBeNull();
  });

  it("an administrator account holds no business role", () => {
    expect(codeOf(() => checkAdminExclusive([{ role: "sysAdmin" }, { role: "officeStaff" }]))).toBe(
      "account.admin_role_exclusive",
    );
    expect(codeOf(() => checkAdminExclusive([{ role: "leadership" }, { role: "auditAdmin" }]))).toBe(
      "account.admin_role_exclusive",
    );
    expect(codeOf(() => checkAdminExclusive([{ role: "securityAdmin" }]))).toBeNull();
    expect(
      codeOf(() => checkAdminExclusive([{ role: "officeStaff" }, { role: "targetContact" }])),
    ).toBeNull();
    expect(isInstallationRole("upperLevel")).toBe(false);
  });
});
