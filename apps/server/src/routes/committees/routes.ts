import type { App } from "../types";

export async function committeesRoutes(_app: App) {}
