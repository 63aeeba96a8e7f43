import { accounts, eq } from "@xuncha/db";
import { describe, expect, it } from "vitest";
import { routeTestKit } from "../../../test/route-kit";
import { buildWorld } from "../../../test/world";

const kit = routeTestKit();
const { as, audited, refused } = kit;

describe("account addresses (email, mobile) for outbound messages", () => {
  it("the system administrator sets and clears them, audited; others cannot; bad formats are refused", async () => {
    const w = await buildWorld(kit.t.database.db);
    const admin = await as(w, "sysAdmin");
    const url = `/api/accounts/${w.accounts.contactA.id}/addresses`;
    const res = await admin.request("PUT", url, {
      email: "contact-a@example.gov.cn",
      mobile: "138 0000 0000",
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ email: "contact-a@example.gov.cn", mobile: "138 0000 0000" });
    const [entry] = await audited("account.addresses", w.accounts.contactA.id);
    expect(entry).toMatchObject({ actorId: admin.id });
    expect(entry!.summary).toMatchObject({
      to: { email: "contact-a@example.gov.cn", mobile: "138 0000 0000" },
    });

    const cleared = await admin.request("PUT", url, { email: "", mobile: null });
    expect(cleared.json()).toMatchObject({ email: null, mobile: null });
    const [row] = await kit.t.database.db
      .select()
      .from(accounts)
      .where(eq(accounts.id, w.accounts.contactA.id));
    expect(row).toMatchObject({ email: null, mobile: null });

    const bad = await admin.request("PUT", url, { email: "not-an-email", mobile: null });
    expect(bad.statusCode).toBe(400);
    const office = await as(w, "office");
    await refused(office, (s) => s.request("PUT", url, { email: null, mobile: null }), 403, "auth.forbidden");
    const security = await as(w, "securityAdmin");
    await refused(
      security,
      (s) => s.request("PUT", url, { email: null, mobile: null }),
      403,
      "auth.forbidden",
    );
  });
});
