import type { App } from "../types";

export async function accountsRoutes(_app: App) {}
