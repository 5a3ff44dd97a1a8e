import { Grid } from 'antd';

/** Phone widths (below antd's md breakpoint, 768px). */
export function useIsMobile(): boolean {
  const screens = Grid.useBreakpoint();
  // Before the first measurement every breakpoint is undefined: assume desktop.
  return screens.md === false;
}
