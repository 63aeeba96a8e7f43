import type { App } from "../types";

export async function filesRoutes(_app: App) {}
