import { committees, eq } from "@xuncha/db";
import { DEMO_ACCOUNTS, DEMO_PASSWORD, deleteSession, login, menuFor, ROLE_LABELS } from "@xuncha/domain";
import { z } from "zod";
import { anyAccount, publicRoute } from "../../http/access";
import { requireActor, SESSION_COOKIE } from "../../http/auth";
import type { App } from "../types";

const loginBody = z.strictObject({
  username: z.string().trim().min(1, "请输入用户名").max(100),
  password: z.string().min(1, "请输入密码").max(200),
});

export async function authRoutes(app: App) {
  const { config, db } = app.deps;
  const cookieOptions = {
    httpOnly: true,
    sameSite: "strict" as const,
    secure: config.secureCookies,
    path: "/",
  };

  app.post(
    "/auth/login",
    { config: publicRoute("登录"), schema: { tags: ["auth"], body: loginBody } },
    async (request, reply) => {
      const session = await login(db, request.body);
      reply.setCookie(SESSION_COOKIE, session.token, { ...cookieOptions, maxAge: 12 * 3600 });
      return { csrfToken: session.csrfToken };
    },
  );

  app.post("/auth/logout", { config: anyAccount(), schema: { tags: ["auth"] } }, async (request, reply) => {
    const token = request.cookies[SESSION_COOKIE];
    if (token) await deleteSession(db, token);
    reply.clearCookie(SESSION_COOKIE, { path: "/" });
    return { ok: true };
  });

  app.get("/auth/me", { config: anyAccount(), schema: { tags: ["auth"] } }, async (request) => {
    const actor = requireActor(request);
    const [committee] = actor.committeeId
      ? await db.select().from(committees).where(eq(committees.id, actor.committeeId))
      : [];
    return {
      account: {
        id: actor.accountId,
        name: actor.name,
        committeeId: actor.committeeId,
        committeeName: committee?.name ?? null,
      },
      grants: actor.grants.map((g) => ({ ...g, label: ROLE_LABELS[g.role] })),
      menu: menuFor(actor),
      csrfToken: request.csrfToken,
    };
  });

  app.get("/auth/demo-accounts", { config: publicRoute("演示模式下在登录页列出演示账号") }, async () => ({
    demo: config.demo,
    accounts: config.demo ? DEMO_ACCOUNTS.map((a) => ({ ...a, password: DEMO_PASSWORD })) : [],
  }));
}
