import {
  ASSIGNABLE_ROLES,
  getSecuritySettings,
  grantRole,
  listAccounts,
  provisionAccount,
  revokeRole,
  SECURITY_POLICY_BOUNDS,
  setAccountAddresses,
  setAccountDisabled,
  updateSecuritySettings,
} from "@xuncha/domain";
import { z } from "zod";
import { roles } from "../../http/access";
import { ctxOf } from "../context";
import type { App } from "../types";

const roleBody = z.strictObject({
  role: z.enum(ASSIGNABLE_ROLES),
  committeeId: z.uuid().nullish(),
  targetId: z.uuid().nullish(),
  partnerDepartmentId: z.uuid().nullish(),
  isHead: z.boolean().optional(),
});

const accountBody = z.strictObject({
  username: z
    .string()
    .trim()
    .min(3, "用户名至少 3 个字符")
    .max(50)
    .regex(/^[A-Za-z0-9_.@-]+$/, "用户名只能包含字母、数字和 _ . @ -"),
  displayName: z.string().trim().min(1, "请输入姓名").max(50),
  password: z.string().min(1, "请输入初始密码").max(200),
  committeeId: z.uuid().nullable(),
  roles: z.array(roleBody).max(20).default([]),
});

const listQuery = z.strictObject({
  q: z.string().trim().max(100).optional(),
  committeeId: z.uuid().optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});

const bounded = (key: keyof typeof SECURITY_POLICY_BOUNDS) => {
  const [min, max] = SECURITY_POLICY_BOUNDS[key];
  return z.number().int().min(min).max(max);
};
const securityBody = z.strictObject({
  maxFailedLogins: bounded("maxFailedLogins"),
  lockoutMinutes: bounded("lockoutMinutes"),
  minPasswordLength: bounded("minPasswordLength"),
});

const idParams = z.strictObject({ id: z.uuid() });

/** 三员分立: the system administrator keeps accounts, the security administrator roles and policy. */
export async function accountsRoutes(app: App) {
  app.get(
    "/accounts",
    { config: roles("sysAdmin", "securityAdmin"), schema: { tags: ["accounts"], querystring: listQuery } },
    (request) => listAccounts(ctxOf(request), request.query),
  );

  app.post(
    "/accounts",
    { config: roles("sysAdmin"), schema: { tags: ["accounts"], body: accountBody } },
    async (request, reply) => reply.status(201).send(await provisionAccount(ctxOf(request), request.body)),
  );

  app.post(
    "/accounts/:id/roles",
    { config: roles("securityAdmin"), schema: { tags: ["accounts"], params: idParams, body: roleBody } },
    (request) => grantRole(ctxOf(request), request.params.id, request.body),
  );

  app.delete(
    "/accounts/:id/roles/:roleId",
    {
      config: roles("securityAdmin"),
      schema: { tags: ["accounts"], params: z.strictObject({ id: z.uuid(), roleId: z.uuid() }) },
    },
    (request) => revokeRole(ctxOf(request), request.params.id, request.params.roleId),
  );

  app.post(
    "/accounts/:id/disable",
    { config: roles("sysAdmin"), schema: { tags: ["accounts"], params: idParams } },
    (request) => setAccountDisabled(ctxOf(request), request.params.id, true),
  );

  app.post(
    "/accounts/:id/enable",
    { config: roles("sysAdmin"), schema: { tags: ["accounts"], params: idParams } },
    (request) => setAccountDisabled(ctxOf(request), request.params.id, false),
  );

  app.put(
    "/accounts/:id/addresses",
    {
      config: roles("sysAdmin"),
      schema: {
        tags: ["accounts"],
        params: idParams,
        body: z.strictObject({
          email: z.union([z.email("电子邮箱格式有误").max(200), z.literal("")]).nullable(),
          mobile: z
            .string()
            .trim()
            .regex(/^(\+?\d[\d -]{4,19})?$/, "手机号码格式有误")
            .nullable(),
        }),
      },
    },
    (request) => setAccountAddresses(ctxOf(request), request.params.id, request.body),
  );

  app.get(
    "/settings/security",
    { config: roles("securityAdmin"), schema: { tags: ["accounts"] } },
    (request) => getSecuritySettings(ctxOf(request)),
  );

  app.put(
    "/settings/security",
    { config: roles("securityAdmin"), schema: { tags: ["accounts"], body: securityBody } },
    (request) => updateSecuritySettings(ctxOf(request), request.body),
  );
}
