import type { App } from "../types";

export async function auditRoutes(_app: App) {}
