import type { App } from "../types";

export async function statisticsRoutes(_app: App) {}
