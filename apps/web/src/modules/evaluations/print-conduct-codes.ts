import type { IssuedCodes } from "./api";

const escapeHtml = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);

/**
 * Opens a printable sheet of the conduct codes just issued, in a new window: one slip per code to
 * cut and hand out, grouped by target, each with the page's address and its QR code. Written in the
 * browser; the code never travels in a URL. False when the browser blocked the window.
 */
export function openConductCodesSheet(issued: IssuedCodes): boolean {
  const { pageUrl, qrDataUrl } = issued;
  const win = window.open("", "_blank");
  if (!win) return false;
  const heading = `${issued.committeeName} ${issued.roundName} ${issued.groupName}`;
  const slip = (target: string, code: string) => `
    <div class="slip">
      <img class="qr" src="${qrDataUrl}" alt="问卷页面二维码" />
      <div class="title">巡察组作风评价（${escapeHtml(target)}）</div>
      <div>${escapeHtml(heading)}</div>
      <div>请用手机扫描二维码，或用电脑打开 <b>${escapeHtml(pageUrl)}</b>，输入评价码：</div>
      <div class="code">${code}</div>
      <div class="note">匿名填写，系统不记录填写人；每个评价码只能使用一次。</div>
    </div>`;
  win.document.write(`<!doctype html><html lang="zh-CN"><head><meta charset="utf-8" />
<title>作风评价码 - ${escapeHtml(heading)}</title>
<style>
  body { font-family: "Noto Sans CJK SC", "Microsoft YaHei", sans-serif; margin: 12mm; color: #000; }
  h1 { font-size: 16pt; margin: 0 0 4mm; }
  h2 { font-size: 12pt; margin: 6mm 0 2mm; break-after: avoid; }
  .hint { font-size: 10pt; margin-bottom: 4mm; }
  .grid { display: grid; grid-template-columns: 1fr 1fr; gap: 0; }
  .slip { border: 1px dashed #888; padding: 4mm; break-inside: avoid; font-size: 9pt; min-height: 24mm; }
  .qr { float: right; width: 22mm; height: 22mm; margin-left: 2mm; }
  .title { font-weight: bold; font-size: 10pt; margin-bottom: 1mm; }
  .code { font-family: "DejaVu Sans Mono", Consolas, monospace; font-size: 14pt; font-weight: bold; letter-spacing: 1px; margin: 1.5mm 0; }
  .note { color: #444; font-size: 8pt; }
  @media print { .no-print { display: none; } body { margin: 8mm; } }
</style></head><body>
<div class="no-print"><button onclick="window.print()">打印</button></div>
<h1>${escapeHtml(heading)} 作风评价码</h1>
<div class="hint">评价码只显示这一次，系统只保存其摘要；请沿虚线裁开后分发给被巡察单位人员，剩余的评价码请销毁。</div>
${issued.targets
  .map(
    (t) =>
      `<h2>${escapeHtml(t.targetName)}（${t.codes.length} 个）</h2><div class="grid">${t.codes
        .map((c) => slip(t.targetName, c))
        .join("")}</div>`,
  )
  .join("")}
</body></html>`);
  win.document.close();
  return true;
}
