import { and, committeeSettings, eq, type Tx } from "@xuncha/db";
import type { Ctx } from "../access/ctx";
import { actingCommittee, committeesWhere } from "../access/policies";
import { recordAudit } from "../audit/record-audit";
import { AppError } from "../model/errors";
import { syncCommitteeWorkItems } from "../work-items/sync-work-items";
import { COMMITTEE_SETTING_KEYS, settingDef } from "./registry";
import { loadSetting } from "./setting";

/** What happens after a key is saved (e.g. open rounds follow an edited checklist or deadlines). */
const AFTER_SAVE: Partial<Record<string, (tx: Tx, committeeId: string) => Promise<unknown>>> = {
  workItemChecklist: syncCommitteeWorkItems,
  deadlines: syncCommitteeWorkItems,
};

/** The committee the actor reads settings of: the office's or the leading group's own. */
function readingCommittee(ctx: Ctx) {
  const [committeeId] = committeesWhere(ctx.actor, ["officeStaff", "leadership"]);
  if (!committeeId) throw new AppError("auth.forbidden");
  return committeeId;
}

const present = (key: string, label: string, value: unknown, isDefault: boolean) => ({
  key,
  label,
  value,
  isDefault,
});

/** Every setting of the actor's committee, with its default where the office saved none. */
export async function listCommitteeSettings(ctx: Ctx) {
  const committeeId = readingCommittee(ctx);
  return Promise.all(
    COMMITTEE_SETTING_KEYS.map(async (key) => {
      const def = settingDef(key)!;
      const { value, isDefault } = await loadSetting(ctx.db, committeeId, def);
      return present(key, def.label, value, isDefault);
    }),
  );
}

export async function getCommitteeSetting(ctx: Ctx, key: string) {
  const def = settingDef(key);
  if (!def) throw new AppError("setting.not_found");
  const committeeId = readingCommittee(ctx);
  const { value, isDefault } = await loadSetting(ctx.db, committeeId, def);
  return present(key, def.label, value, isDefault);
}

/**
 * Saves the office's value of one setting (validated by the key's schema; `null` restores the
 * default), audited with the previous and new value.
 */
export async function updateCommitteeSetting(ctx: Ctx, key: string, input: { value: unknown }) {
  const def = settingDef(key);
  if (!def) throw new AppError("setting.not_found");
  const committeeId = actingCommittee(ctx.actor, ["officeStaff"]);
  const parsed = input.value === null ? undefined : def.schema.safeParse(input.value);
  if (parsed && !parsed.success) {
    const issue = parsed.error.issues[0];
    throw new AppError("setting.invalid", issue ? `${def.label}有误：${issue.message}` : undefined, {
      issues: parsed.error.issues.map((i) => ({ path: i.path.join("."), message: i.message })),
    });
  }
  return ctx.db.transaction(async (tx) => {
    const before = await loadSetting(tx, committeeId, def);
    const where = and(eq(committeeSettings.committeeId, committeeId), eq(committeeSettings.key, key));
    if (parsed) {
      await tx
        .insert(committeeSettings)
        .values({ committeeId, key, value: parsed.data })
        .onConflictDoUpdate({
          target: [committeeSettings.committeeId, committeeSettings.key],
          set: { value: parsed.data },
        });
    } else {
      await tx.delete(committeeSettings).where(where);
    }
    await AFTER_SAVE[key]?.(tx, committeeId);
    const after = await loadSetting(tx, committeeId, def);
    await recordAudit(tx, ctx.actor, {
      action: "setting.update",
      entity: "committeeSetting",
      entityId: null,
      committeeId,
      summary: {
        key,
        from: before.isDefault ? "default" : before.value,
        to: parsed ? after.value : "default",
      },
    });
    return present(key, def.label, after.value, after.isDefault);
  });
}
