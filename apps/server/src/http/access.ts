import type { Role } from "@xuncha/domain/model";

/**
 * What every route must declare: who may call it. A route without a declaration fails at start-up
 * (see registerAccessGuard), and routes.test.ts lists them all for review.
 *  - public: anyone, no login; the reason is required, to make each exception deliberate.
 *  - authenticated: any logged-in account (scope is then decided by the domain policies).
 *  - roles: a logged-in account holding at least one of these roles.
 */
export type Access = { public: string } | { authenticated: true } | { roles: readonly Role[] };

declare module "fastify" {
  interface FastifyContextConfig {
    access?: Access;
  }
}

export const publicRoute = (reason: string): { access: Access } => ({ access: { public: reason } });
export const anyAccount = (): { access: Access } => ({ access: { authenticated: true } });
export const roles = (...r: Role[]): { access: Access } => ({ access: { roles: r } });

export function describeAccess(access: Access | undefined): string {
  if (!access) return "UNDECLARED";
  if ("public" in access) return `public (${access.public})`;
  if ("authenticated" in access) return "authenticated";
  return `roles: ${[...access.roles].sort().join(", ")}`;
}
