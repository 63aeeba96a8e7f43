import { TAXONOMY } from "./taxonomy";

/** How a tip came in: the web form (码上巡察) or registered by the office. */
export const TIP_CHANNELS = ["web", "letter", "phone", "visit", "email"] as const;
export type TipChannel = (typeof TIP_CHANNELS)[number];
export const TIP_CHANNEL_LABELS: Record<TipChannel, string> = {
  web: "码上巡察",
  letter: "来信",
  phone: "来电",
  visit: "来访",
  email: "电子邮件",
};

/** new: waits for the office to route it; routed: with a group, undecided; then the decision. */
export const TIP_STATUSES = ["new", "routed", "used", "handedOver", "answered", "filed"] as const;
export type TipStatus = (typeof TIP_STATUSES)[number];
export const TIP_STATUS_LABELS: Record<TipStatus, string> = {
  new: "待分送",
  routed: "待处理",
  used: "已采用",
  handedOver: "已交办",
  answered: "交办已答复",
  filed: "已存档",
};

/** What the submitter reads with the receipt, before the group's own words. */
export const TIP_PUBLIC_STATUS: Record<TipStatus, string> = {
  new: "您反映的情况已收到，正在办理中。",
  routed: "您反映的情况已转巡察组，正在办理中。",
  used: "您反映的情况已被巡察组采用，作为巡察工作的参考。",
  handedOver: "您反映的问题已交有关党组织办理，办理结果将在此答复。",
  answered: "您反映的问题已由有关党组织办理完毕。",
  filed: "您反映的情况经研究后予以存档。",
};

/** 六大纪律 and "other": what a tip is about. */
export const TIP_CATEGORIES = [
  ...TAXONOMY.find((s) => s.key === "sixDisciplines")!.categories.map((c) => ({ key: c.key, name: c.name })),
  { key: "other", name: "其他" },
];
export const tipCategoryName = (key: string) => TIP_CATEGORIES.find((c) => c.key === key)?.name ?? key;

/**
 * The ciphers of new tips (crypto/seal.ts CIPHERS), as the office chooses them in the settings. Each
 * tip records its own cipher, so a change applies to tips received afterwards.
 */
export const TIP_CIPHER_LABELS = {
  sm4: "SM4（国密算法，默认）",
  "aes-256-gcm": "AES-256-GCM",
} as const;

/**
 * The bounds of the attachment limits in the committee's `tips` setting (tips/tip-settings.ts), shared
 * by the server's schema and the settings form.
 */
export const TIP_FILE_LIMIT_BOUNDS = {
  maxFiles: { min: 0, max: 20 },
  maxFileMb: { min: 1, max: 200 },
  maxTotalMb: { min: 1, max: 500 },
} as const;
