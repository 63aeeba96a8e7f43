import { TIP_CIPHER_LABELS, TIP_FILE_LIMIT_BOUNDS } from "@xuncha/domain/model";

export type TipCipher = keyof typeof TIP_CIPHER_LABELS;
export type TipLimitKey = keyof typeof TIP_FILE_LIMIT_BOUNDS;

/** GET/PUT /api/committee-settings/tips: the cipher of new tips and the attachment limits. */
export interface TipSettings {
  cipher: TipCipher;
  maxFiles: number;
  maxFileMb: number;
  maxTotalMb: number;
}

/** The form's values: a number input left empty gives null. */
export type TipSettingsDraft = { cipher: TipCipher | null } & Record<TipLimitKey, number | null>;

export const TIP_LIMIT_LABELS: Record<TipLimitKey, string> = {
  maxFiles: "每次提交的附件数量上限",
  maxFileMb: "单个附件大小上限",
  maxTotalMb: "每次提交的附件合计大小上限",
};

export const TIP_LIMIT_UNITS: Record<TipLimitKey, string> = {
  maxFiles: "个",
  maxFileMb: "MB",
  maxTotalMb: "MB",
};

/**
 * Files one multipart request may carry and the default size of one file (apps/server/src/app.ts:
 * the multipart plugin's `files` and XUNCHA_UPLOAD_LIMIT_MB): a limit above them cannot take effect.
 */
export const SERVER_MAX_FILES_PER_REQUEST = 10;
export const DEFAULT_UPLOAD_LIMIT_MB = 20;

/**
 * What keeps a value from being saved, field by field, exactly as the server's schema judges it
 * (tips/tip-settings.ts): a cipher the server knows, and whole numbers within the bounds.
 */
export function tipSettingErrors(v: TipSettingsDraft): Partial<Record<keyof TipSettings, string>> {
  const errors: Partial<Record<keyof TipSettings, string>> = {};
  if (!v.cipher || !Object.hasOwn(TIP_CIPHER_LABELS, v.cipher)) errors.cipher = "请选择加密算法";
  for (const key of Object.keys(TIP_FILE_LIMIT_BOUNDS) as TipLimitKey[]) {
    const { min, max } = TIP_FILE_LIMIT_BOUNDS[key];
    const n = v[key];
    const unit = TIP_LIMIT_UNITS[key];
    // 0 至 20 个之间, 1 至 200 MB 之间: a space only beside Latin letters.
    const range = `${min} 至 ${max} ${unit}`;
    const between = unit === "个" ? `${range}之间` : `${range} 之间`;
    if (n === null || !Number.isFinite(n)) errors[key] = `请填写${TIP_LIMIT_LABELS[key]}（${range}）`;
    else if (!Number.isInteger(n)) errors[key] = `${TIP_LIMIT_LABELS[key]}须为整数`;
    else if (n < min || n > max) errors[key] = `${TIP_LIMIT_LABELS[key]}须在 ${between}`;
  }
  return errors;
}

/**
 * What the server accepts but will not work as the office may expect: said before saving, not
 * blocking it.
 */
export function tipSettingWarnings(v: TipSettings): string[] {
  const warnings: string[] = [];
  if (v.maxFiles === 0) warnings.push("附件数量上限为 0：举报人将不能上传任何附件，只能提交文字。");
  if (v.maxFiles > SERVER_MAX_FILES_PER_REQUEST)
    warnings.push(
      `系统每次提交最多接收 ${SERVER_MAX_FILES_PER_REQUEST} 个附件：举报人一次选择超过 ${SERVER_MAX_FILES_PER_REQUEST} 个附件时将无法提交，建议不超过 ${SERVER_MAX_FILES_PER_REQUEST} 个。`,
    );
  if (v.maxFileMb > DEFAULT_UPLOAD_LIMIT_MB)
    warnings.push(
      `单个附件上限超过系统默认上传上限（${DEFAULT_UPLOAD_LIMIT_MB} MB）：请先确认系统管理员已相应调高上传上限，否则较大的附件仍无法提交。`,
    );
  if (v.maxFiles > 0 && v.maxFileMb > v.maxTotalMb)
    warnings.push(
      `单个附件上限（${v.maxFileMb} MB）大于合计上限（${v.maxTotalMb} MB）：实际单个附件最大只能为 ${v.maxTotalMb} MB。`,
    );
  return warnings;
}
