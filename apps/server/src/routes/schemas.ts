import { z } from "zod";

/** Shared zod pieces for route schemas. */
export const idParam = z.strictObject({ id: z.uuid("编号格式有误") });

export const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "日期格式应为 YYYY-MM-DD")
  // Date.parse rolls 2026-02-30 over to March: require the date to read back unchanged.
  .refine((s) => {
    const d = new Date(`${s}T00:00:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
  }, "日期无效");

export const text = (label: string, max = 200) =>
  z.string().trim().min(1, `请填写${label}`).max(max, `${label}不能超过 ${max} 个字`);

export const longText = (label: string) => text(label, 20000);

export const page = {
  page: z.coerce.number().int().min(1).optional(),
  pageSize: z.coerce.number().int().min(1).max(200).optional(),
};
