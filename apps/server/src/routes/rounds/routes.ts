import type { App } from "../types";

export async function roundsRoutes(_app: App) {}
