import type { IssuedSurveyCodes } from "./api";

const escapeHtml = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);

/**
 * Opens the printable sheet of codes in a new window: one slip per code, to cut and hand out, each
 * with the survey, the page's link and its QR code (the QR opens the page; the code is typed there,
 * so it never travels in a URL). Nothing is sent anywhere: the sheet is written in the browser.
 */
export function openCodesSheet(issued: IssuedSurveyCodes): boolean {
  const win = window.open("", "_blank");
  if (!win) return false;
  const slip = (code: string) => `
    <div class="slip">
      <img src="${issued.qrDataUrl}" alt="问卷页面二维码" />
      <div class="text">
        <div class="title">${escapeHtml(issued.title)}</div>
        <div>${escapeHtml(issued.targetName)} · 填写时间 ${issued.opensOn} 至 ${issued.closesOn}</div>
        <div>扫码或打开 <b>${escapeHtml(issued.pageUrl)}</b>，输入测评码：</div>
        <div class="code">${code}</div>
        <div class="note">匿名填写，答卷与测评码不关联；每个测评码只能使用一次。</div>
      </div>
    </div>`;
  win.document.write(`<!doctype html><html lang="zh-CN"><head><meta charset="utf-8" />
<title>测评码 - ${escapeHtml(issued.title)}</title>
<style>
  body { font-family: "Noto Sans CJK SC", "Microsoft YaHei", sans-serif; margin: 12mm; color: #000; }
  h1 { font-size: 16pt; margin: 0 0 4mm; }
  .hint { font-size: 10pt; margin-bottom: 6mm; }
  .grid { display: grid; grid-template-columns: 1fr 1fr; gap: 0; }
  .slip { display: flex; gap: 4mm; border: 1px dashed #888; padding: 4mm; break-inside: avoid; font-size: 9pt; }
  .slip img { width: 26mm; height: 26mm; }
  .title { font-weight: bold; font-size: 10pt; margin-bottom: 1mm; }
  .code { font-family: "DejaVu Sans Mono", Consolas, monospace; font-size: 14pt; font-weight: bold; letter-spacing: 1px; margin: 1.5mm 0; }
  .note { color: #444; font-size: 8pt; }
  @media print { .no-print { display: none; } body { margin: 8mm; } }
</style></head><body>
<div class="no-print"><button onclick="window.print()">打印</button></div>
<h1>${escapeHtml(issued.title)}（${escapeHtml(issued.targetName)}）测评码 ${issued.codes.length} 个</h1>
<div class="hint">${escapeHtml(issued.groupName)}。测评码只显示这一次，系统只保存其摘要；请沿虚线裁开后分发，剩余的测评码请销毁。</div>
<div class="grid">${issued.codes.map(slip).join("")}</div>
</body></html>`);
  win.document.close();
  return true;
}
