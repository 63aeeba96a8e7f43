import { Typography } from "antd";
import type { ReactNode } from "react";

/** The public tip pages' frame: phone first, no login, nothing loaded from outside. */
export function PublicTipLayout({ title, children }: { title: string; children: ReactNode }) {
  return (
    <div style={{ minHeight: "100vh", background: "#f5f5f5", padding: "16px 12px 32px", fontSize: 16 }}>
      <div style={{ maxWidth: 560, margin: "0 auto" }}>
        <Typography.Title level={4} style={{ textAlign: "center", marginBottom: 16 }}>
          {title}
        </Typography.Title>
        {children}
      </div>
    </div>
  );
}

/** Copies text where the Clipboard API is missing too (plain HTTP, older WeChat). */
export async function copyText(text: string): Promise<boolean> {
  try {
    if (navigator.clipboard && window.isSecureContext) {
      await navigator.clipboard.writeText(text);
      return true;
    }
  } catch {
    // fall through to the old way
  }
  const area = document.createElement("textarea");
  area.value = text;
  area.setAttribute("readonly", "");
  area.style.position = "fixed";
  area.style.opacity = "0";
  document.body.appendChild(area);
  area.select();
  const ok = document.execCommand("copy");
  area.remove();
  return ok;
}

export const ACCEPT = "image/*,video/*,.pdf,.doc,.docx,.xls,.xlsx,.ppt,.pptx";

/** Chosen files with a remove button each, and the button that adds more. */
export function FilePicker({
  files,
  onChange,
  maxFiles,
  maxFileMb,
}: {
  files: File[];
  onChange: (files: File[]) => void;
  maxFiles: number;
  maxFileMb: number;
}) {
  const tooBig = files.filter((f) => f.size > maxFileMb * 1024 * 1024);
  return (
    <div>
      {files.map((f, i) => (
        <div
          key={`${f.name}-${f.size}-${f.lastModified}`}
          style={{
            display: "flex",
            alignItems: "center",
            gap: 8,
            padding: "6px 0",
            borderBottom: "1px solid #eee",
          }}
        >
          <span
            style={{
              flex: 1,
              minWidth: 0,
              overflow: "hidden",
              textOverflow: "ellipsis",
              whiteSpace: "nowrap",
            }}
          >
            {f.name}
          </span>
          <span style={{ color: "#888", fontSize: 13 }}>{(f.size / 1024 / 1024).toFixed(1)} MB</span>
          <button
            type="button"
            onClick={() => onChange(files.filter((_, j) => j !== i))}
            style={{
              minHeight: 40,
              minWidth: 56,
              border: "1px solid #d9d9d9",
              borderRadius: 6,
              background: "#fff",
            }}
          >
            删除
          </button>
        </div>
      ))}
      {files.length < maxFiles && (
        <label
          style={{
            display: "block",
            marginTop: 8,
            padding: "12px 0",
            textAlign: "center",
            border: "1px dashed #999",
            borderRadius: 8,
            background: "#fff",
            cursor: "pointer",
          }}
        >
          添加照片、视频或文件
          <input
            type="file"
            multiple
            accept={ACCEPT}
            aria-label="添加附件"
            style={{ display: "none" }}
            onChange={(e) => {
              const chosen = Array.from(e.target.files ?? []);
              onChange([...files, ...chosen].slice(0, maxFiles));
              e.target.value = "";
            }}
          />
        </label>
      )}
      <div style={{ color: "#888", fontSize: 13, marginTop: 6 }}>
        最多 {maxFiles} 个，每个不超过 {maxFileMb} MB。支持照片、视频、PDF 和 Word、Excel、PowerPoint 文件。
      </div>
      {tooBig.length > 0 && (
        <div role="alert" style={{ color: "#cf1322", marginTop: 4 }}>
          {tooBig.map((f) => f.name).join("、")} 超过 {maxFileMb} MB，请删除或压缩后再添加。
        </div>
      )}
    </div>
  );
}
