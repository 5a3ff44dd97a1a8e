// ECharts from `echarts/core` with only the parts the dashboard uses, in a small React
// wrapper. Not echarts-for-react: its esm/core.js imports `tslib`, which it does not declare
// as a dependency (only an optional transitive one brings it), so the build fails without it.
import { BarChart, PieChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { type CSSProperties, useEffect, useRef } from 'react';

echarts.use([BarChart, PieChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

export interface ChartClick {
  componentType: string;
  seriesIndex?: number;
  seriesName?: string;
  dataIndex: number;
  name: string;
  data: unknown;
}

export function Chart({
  option, onClick, style, testId,
}: {
  option: object;
  onClick?: (p: ChartClick) => void;
  style?: CSSProperties;
  testId?: string;
}) {
  const ref = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.EChartsType | null>(null);
  const clickRef = useRef(onClick);
  clickRef.current = onClick;

  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const c = echarts.init(el, undefined, { renderer: 'canvas' });
    chart.current = c;
    c.on('click', (p) => clickRef.current?.(p as unknown as ChartClick));
    const ro = new ResizeObserver(() => c.resize());
    ro.observe(el);
    return () => {
      ro.disconnect();
      c.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    chart.current?.setOption(option as echarts.EChartsCoreOption, { notMerge: true });
  }, [option]);

  return <div ref={ref} style={{ width: '100%', ...style }} data-testid={testId} />;
}
