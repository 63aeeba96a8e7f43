import type { App } from "../types";

export async function cluesRoutes(_app: App) {}
