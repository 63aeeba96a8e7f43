import { Grid } from "antd";

/** A phone-sized screen (narrower than antd's md breakpoint, 768 px). Desktop until first measured. */
export function useIsPhone(): boolean {
  return Grid.useBreakpoint().md === false;
}
