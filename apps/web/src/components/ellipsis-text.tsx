import { Typography } from "antd";

/** A long name cut to `width`, with the full name on hover. */
export function EllipsisText({
  text,
  width = 220,
}: {
  text: string | null | undefined;
  width?: number | string;
}) {
  if (!text) return <>—</>;
  return (
    <Typography.Text ellipsis={{ tooltip: text }} style={{ maxWidth: width, display: "inline-block" }}>
      {text}
    </Typography.Text>
  );
}
