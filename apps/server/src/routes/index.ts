import type { App } from "./types";
import { authRoutes } from "./auth/routes";
import { healthRoutes } from "./health/routes";

/** Every module's routes, under /api. */
export async function registerRoutes(app: App) {
  await app.register(healthRoutes);
  await app.register(authRoutes);
}
