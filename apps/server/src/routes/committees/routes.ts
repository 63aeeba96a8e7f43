import { COMMITTEE_LEVELS, createCommittee, listCommittees } from "@xuncha/domain";
import { z } from "zod";
import { anyAccount, roles } from "../../http/access";
import { ctxOf } from "../context";
import type { App } from "../types";

const committeeBody = z.strictObject({
  name: z.string().trim().min(1, "请输入党委名称").max(100),
  level: z.enum(COMMITTEE_LEVELS.keys),
  parentId: z.uuid().nullish(),
});

export async function committeesRoutes(app: App) {
  app.get("/committees", { config: anyAccount(), schema: { tags: ["committees"] } }, (request) =>
    listCommittees(ctxOf(request)),
  );

  app.post(
    "/committees",
    { config: roles("sysAdmin"), schema: { tags: ["committees"], body: committeeBody } },
    async (request, reply) => reply.status(201).send(await createCommittee(ctxOf(request), request.body)),
  );
}
