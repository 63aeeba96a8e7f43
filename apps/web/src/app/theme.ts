import type { ThemeConfig } from "antd";

/** Base font 14 px (UX.md), the usual Pro-style dark side navigation. */
export const theme: ThemeConfig = {
  token: {
    fontSize: 14,
    borderRadius: 6,
    fontFamily:
      '-apple-system, BlinkMacSystemFont, "Segoe UI", "PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", "Noto Sans CJK SC", "Source Han Sans SC", "WenQuanYi Micro Hei", sans-serif',
  },
  components: {
    Layout: { headerHeight: 56, headerPadding: "0 16px" },
  },
};
