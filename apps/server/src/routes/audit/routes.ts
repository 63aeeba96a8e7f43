import { checkAuditChain, listAuditEntries } from "@xuncha/domain";
import { z } from "zod";
import { roles } from "../../http/access";
import { ctxOf } from "../context";
import type { App } from "../types";

const day = z.iso.date("日期格式应为 YYYY-MM-DD");
const listQuery = z.strictObject({
  action: z.string().trim().max(100).optional(),
  entity: z.string().trim().max(100).optional(),
  actor: z.string().trim().max(100).optional(),
  from: day.optional(),
  to: day.optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});

export async function auditRoutes(app: App) {
  app.get(
    "/audit",
    { config: roles("auditAdmin"), schema: { tags: ["audit"], querystring: listQuery } },
    (request) => listAuditEntries(ctxOf(request), request.query),
  );

  app.get("/audit/verify", { config: roles("auditAdmin"), schema: { tags: ["audit"] } }, (request) =>
    checkAuditChain(ctxOf(request)),
  );
}
