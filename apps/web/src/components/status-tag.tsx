import { Tag } from "antd";
import { type StatusTag, TONE_COLORS } from "../app/status";

/** A status as a coloured tag with its word (never colour alone). */
export function StatusTagView({ tag }: { tag: StatusTag }) {
  return (
    <Tag color={TONE_COLORS[tag.tone]} style={{ marginInlineEnd: 0 }}>
      {tag.label}
    </Tag>
  );
}
