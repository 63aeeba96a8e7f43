import type { App } from "../types";

export async function findingsRoutes(_app: App) {}
