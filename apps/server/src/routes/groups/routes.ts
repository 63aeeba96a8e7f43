import {
  addGroupMember,
  assignTargets,
  checkGroupRecusal,
  createGroup,
  drawMembers,
  listCommitments,
  listDraws,
  listRoundRecusal,
  readCommitmentFile,
  recordCommitment,
  recordRecusalOverride,
  removeGroupMember,
  replayRecordedDraw,
  setBranchSecretary,
  suggestGroupMembers,
  updateGroupMember,
} from "@xuncha/domain";
import { GROUP_ROLES } from "@xuncha/domain/model";
import { z } from "zod";
import { roles } from "../../http/access";
import { ctxOf } from "../context";
import { attachment } from "../files/routes";
import { idParam, isoDate, text } from "../schemas";
import type { App } from "../types";

const OVERSIGHT = ["officeStaff", "leadership"] as const;

const memberParams = z.strictObject({ id: z.uuid("编号格式有误"), personId: z.uuid("编号格式有误") });
const member = z.strictObject({ personId: z.uuid(), role: z.enum(GROUP_ROLES) });
const candidateSet = {
  groupId: z.uuid().optional(),
  members: z
    .array(z.strictObject({ personId: z.uuid(), role: z.enum(GROUP_ROLES).optional() }))
    .max(50)
    .optional(),
  targetIds: z.array(z.uuid()).max(200).optional(),
};

/** Forming groups (members, roles, branch secretary, targets), suggestions, draws, recusal, commitments. */
export async function groupsRoutes(app: App) {
  app.post(
    "/rounds/:id/groups",
    {
      config: roles("officeStaff"),
      schema: {
        tags: ["groups"],
        params: idParam,
        body: z.strictObject({
          members: z.array(member).min(1, "请选择巡察组成员").max(30),
          targetIds: z.array(z.uuid()).max(200).optional(),
          branchSecretaryId: z.uuid().optional(),
        }),
      },
    },
    (req) => createGroup(ctxOf(req), req.params.id, req.body),
  );

  app.post(
    "/groups/:id/targets",
    {
      config: roles("officeStaff"),
      schema: {
        tags: ["groups"],
        params: idParam,
        body: z.strictObject({ targetIds: z.array(z.uuid()).min(1, "请选择巡察对象").max(200) }),
      },
    },
    (req) => assignTargets(ctxOf(req), req.params.id, req.body),
  );

  app.post(
    "/groups/:id/members",
    { config: roles("officeStaff"), schema: { tags: ["groups"], params: idParam, body: member } },
    async (req) => {
      await addGroupMember(ctxOf(req), req.params.id, req.body);
      return { ok: true };
    },
  );

  app.patch(
    "/groups/:id/members/:personId",
    {
      config: roles("officeStaff"),
      schema: { tags: ["groups"], params: memberParams, body: z.strictObject({ role: z.enum(GROUP_ROLES) }) },
    },
    async (req) => {
      await updateGroupMember(ctxOf(req), req.params.id, req.params.personId, req.body);
      return { ok: true };
    },
  );

  app.delete(
    "/groups/:id/members/:personId",
    { config: roles("officeStaff"), schema: { tags: ["groups"], params: memberParams } },
    async (req) => {
      await removeGroupMember(ctxOf(req), req.params.id, req.params.personId);
      return { ok: true };
    },
  );

  app.patch(
    "/groups/:id/branch-secretary",
    {
      config: roles("officeStaff"),
      schema: { tags: ["groups"], params: idParam, body: z.strictObject({ personId: z.uuid() }) },
    },
    async (req) => {
      await setBranchSecretary(ctxOf(req), req.params.id, req.body);
      return { ok: true };
    },
  );

  app.post(
    "/rounds/:id/recusal-check",
    {
      config: roles(...OVERSIGHT),
      schema: { tags: ["groups"], params: idParam, body: z.strictObject(candidateSet) },
    },
    (req) => checkGroupRecusal(ctxOf(req), req.params.id, req.body),
  );

  app.post(
    "/rounds/:id/suggestions",
    {
      config: roles("officeStaff"),
      schema: {
        tags: ["groups"],
        params: idParam,
        body: z.strictObject({ ...candidateSet, limit: z.number().int().min(1).max(50).optional() }),
      },
    },
    (req) => suggestGroupMembers(ctxOf(req), req.params.id, req.body),
  );

  app.get(
    "/rounds/:id/recusal",
    { config: roles(...OVERSIGHT), schema: { tags: ["groups"], params: idParam } },
    (req) => listRoundRecusal(ctxOf(req), req.params.id),
  );

  app.post(
    "/rounds/:id/recusal-overrides",
    {
      config: roles("leadership"),
      schema: {
        tags: ["groups"],
        params: idParam,
        body: z.strictObject({ personId: z.uuid(), targetId: z.uuid(), reason: text("同意理由", 500) }),
      },
    },
    (req) => recordRecusalOverride(ctxOf(req), req.params.id, req.body),
  );

  app.post(
    "/rounds/:id/draws",
    {
      config: roles("officeStaff"),
      schema: {
        tags: ["groups"],
        params: idParam,
        body: z.strictObject({
          pool: z.enum(["leader", "talent"]),
          count: z.number().int().min(1, "至少抽取 1 人").max(30),
          groupId: z.uuid().optional(),
          expertise: z.array(z.string().trim().min(1).max(20)).max(10).optional(),
        }),
      },
    },
    (req) => drawMembers(ctxOf(req), req.params.id, req.body),
  );

  app.get(
    "/rounds/:id/draws",
    { config: roles(...OVERSIGHT), schema: { tags: ["groups"], params: idParam } },
    (req) => listDraws(ctxOf(req), req.params.id),
  );

  app.get(
    "/draws/:id/replay",
    { config: roles(...OVERSIGHT), schema: { tags: ["groups"], params: idParam } },
    (req) => replayRecordedDraw(ctxOf(req), req.params.id),
  );

  app.post(
    "/rounds/:id/commitments",
    {
      config: roles("officeStaff"),
      schema: {
        tags: ["groups"],
        params: idParam,
        body: z.strictObject({
          personId: z.uuid(),
          kind: z.enum(["confidentiality", "integrity"]),
          signedOn: isoDate,
          fileId: z.uuid().optional(),
        }),
      },
    },
    (req) => recordCommitment(ctxOf(req), req.params.id, req.body),
  );

  app.get(
    "/rounds/:id/commitments",
    { config: roles(...OVERSIGHT), schema: { tags: ["groups"], params: idParam } },
    (req) => listCommitments(ctxOf(req), req.params.id),
  );

  app.get(
    "/commitments/:id/file",
    { config: roles(...OVERSIGHT), schema: { tags: ["groups"], params: idParam } },
    async (req, reply) => {
      const file = await readCommitmentFile(ctxOf(req), req.params.id);
      return reply
        .header("content-type", file.mime)
        .header("content-disposition", attachment(file.name))
        .send(Buffer.from(file.content));
    },
  );
}
