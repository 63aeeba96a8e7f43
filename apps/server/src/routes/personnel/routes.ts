import type { App } from "../types";

export async function personnelRoutes(_app: App) {}
