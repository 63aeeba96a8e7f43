import type { App } from "../types";

export async function feedbackRoutes(_app: App) {}
