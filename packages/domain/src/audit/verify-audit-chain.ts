import { asc, auditLog, gt, type Tx } from "@xuncha/db";
import { auditHash, GENESIS_HASH } from "./record-audit";

export interface ChainVerdict {
  ok: boolean;
  entries: number;
  /** The first entry whose link or content does not match, when broken. */
  firstBroken?: { seq: number; reason: "prev_hash" | "hash" };
}

/** Walks the whole audit log in order and recomputes every link. */
export async function verifyAuditChain(tx: Tx, batchSize = 2000): Promise<ChainVerdict> {
  let prevHash = GENESIS_HASH;
  let lastSeq = 0;
  let entries = 0;
  for (;;) {
    const batch = await tx
      .select()
      .from(auditLog)
      .where(gt(auditLog.seq, lastSeq))
      .orderBy(asc(auditLog.seq))
      .limit(batchSize);
    for (const row of batch) {
      if (row.prevHash !== prevHash)
        return { ok: false, entries, firstBroken: { seq: row.seq, reason: "prev_hash" } };
      if (auditHash(row.prevHash, row) !== row.hash)
        return { ok: false, entries, firstBroken: { seq: row.seq, reason: "hash" } };
      prevHash = row.hash;
      lastSeq = row.seq;
      entries++;
    }
    if (batch.length < batchSize) return { ok: true, entries };
  }
}
