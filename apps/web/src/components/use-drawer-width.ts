import { Grid } from "antd";

/** A drawer's width: `desktop` pixels, or the full screen on a phone. */
export function useDrawerWidth(desktop: number): number | string {
  const screens = Grid.useBreakpoint();
  return screens.md === false ? "100%" : desktop;
}
