import type { MessageInstance } from "antd/es/message/interface";
import { ApiError } from "./api-error";

let messageApi: MessageInstance | null = null;

/** Registered by <NotifyBridge/> inside antd's <App>, so messages follow the theme and locale. */
export function setMessageApi(api: MessageInstance | null) {
  messageApi = api;
}

export function notifySuccess(text: string) {
  messageApi?.success(text);
}

/** Shows an error's Chinese message; a 401 is not shown (the app goes to the login page). */
export function notifyError(error: unknown) {
  if (error instanceof DOMException && error.name === "AbortError") return;
  if (error instanceof ApiError) {
    if (error.status === 401 && error.code !== "auth.invalid_credentials") return;
    messageApi?.error(error.message);
    return;
  }
  messageApi?.error("操作失败，请稍后重试");
  console.error(error);
}
