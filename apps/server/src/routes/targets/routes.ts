import type { App } from "../types";

export async function targetsRoutes(_app: App) {}
