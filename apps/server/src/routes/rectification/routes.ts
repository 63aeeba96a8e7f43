import type { App } from "../types";

export async function rectificationRoutes(_app: App) {}
