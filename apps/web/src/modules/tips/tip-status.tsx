import type { TipStatus } from "@xuncha/domain/model";
import type { Tone } from "../../app/status";
import { StatusTagView } from "../../components/status-tag";

const TONES: Record<TipStatus, Tone> = {
  new: "waiting",
  routed: "progress",
  handedOver: "progress",
  used: "done",
  answered: "done",
  filed: "neutral",
};

export const tipStatusTag = (status: TipStatus, label: string) => (
  <StatusTagView tag={{ tone: TONES[status] ?? "neutral", label }} />
);
