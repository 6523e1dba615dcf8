import Box from '@mui/material/Box';
import { useTheme } from '@mui/material/styles';
import Typography from '@mui/material/Typography';
import { BarPlot } from '@mui/x-charts/BarChart';
import { ChartsDataProvider } from '@mui/x-charts/ChartsDataProvider';
import { ChartsLegend } from '@mui/x-charts/ChartsLegend';
import { ChartsReferenceLine } from '@mui/x-charts/ChartsReferenceLine';
import { ChartsSurface } from '@mui/x-charts/ChartsSurface';
import { ChartsXAxis } from '@mui/x-charts/ChartsXAxis';
import { ChartsYAxis } from '@mui/x-charts/ChartsYAxis';
import { LinePlot, MarkPlot } from '@mui/x-charts/LineChart';
import { useLayoutEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DashboardTable, TargetProgress } from '../../../../shared/domain/dashboards/dashboard.ts';
import { useFormats } from '../../i18n/use-formats.ts';
import { trendOf } from './trend.ts';

const HEIGHT_REM = 20;
/** A month's axis label and the gap after it ("gen 26"), in rem of the page's text. */
const MONTH_LABEL_REM = 4.5;

/** The figure's width in px, followed as the window or the text size changes. */
const useWidth = () => {
  const ref = useRef<HTMLElement>(null);
  const [width, setWidth] = useState(0);
  useLayoutEffect(() => {
    const element = ref.current;
    if (!element) return undefined;
    const observer = new ResizeObserver(([entry]) => setWidth(entry?.contentRect.width ?? 0));
    observer.observe(element);
    return () => observer.disconnect();
  }, []);
  return { ref, width };
};

/**
 * The monthly trend as a time series: a column per month in time (the month's services, or its new
 * citizens when the target counts citizens), the running total as a line, the target as a level
 * and, on the current month, where the count should be today. The figure says the same in words
 * (its caption and the chart's name), and the panel's table view lists every month.
 */
export const MonthlyTrend = ({
  table,
  targets,
  today,
}: {
  table: DashboardTable;
  targets: readonly TargetProgress[];
  today: string;
}) => {
  const { t } = useTranslation('dashboards');
  const formats = useFormats();
  const theme = useTheme();
  const trend = trendOf(table, targets, today);
  const metric = t(`targets.metric.${trend.metric}`);
  const summary = trend.target
    ? t('trend.summary', {
        achieved: formats.number(trend.target.achieved),
        metric,
        value: formats.number(trend.target.value),
        due: formats.day(trend.target.due),
        expected: formats.number(trend.target.expected),
        status: t(`targets.status.${trend.target.status}`),
      })
    : t('trend.noTarget', { total: formats.number(trend.total), metric });
  const rem = Number.parseFloat(getComputedStyle(document.documentElement).fontSize) || 16;
  const { ref, width } = useWidth();
  // Every month named when the labels fit, else every second (third…): at 200% text or over two
  // years, rather than the chart hiding them all.
  const every = Math.max(1, Math.ceil((trend.months.length * MONTH_LABEL_REM * rem) / Math.max(width, 1)));
  const labelStyle = { fontSize: 0.875 * rem };
  /** A level across the chart (the target, where to be today), dashed, with its label at one end. */
  const level = (y: number, label: string, labelAlign: 'start' | 'end', dashes: string) => (
    <ChartsReferenceLine
      y={y}
      label={label}
      labelAlign={labelAlign}
      labelStyle={labelStyle}
      lineStyle={{ strokeDasharray: dashes }}
    />
  );
  const number = (value: number | null) => (value === null ? '' : formats.number(value));
  return (
    <Box component="figure" ref={ref} sx={{ m: 0 }}>
      <ChartsDataProvider
        height={Math.round(HEIGHT_REM * rem)}
        // Room above the target's level for its label, at any text size.
        margin={{ top: Math.round(1.75 * rem), right: Math.round(rem) }}
        xAxis={[
          {
            id: 'months',
            scaleType: 'band',
            data: trend.months,
            valueFormatter: (month: string) => formats.month(month, 'short'),
            tickLabelStyle: { fontSize: 0.75 * rem },
            tickLabelInterval: (_month: string, index: number) => index % every === 0,
            tickLabelMinGap: 0,
            height: Math.round(2 * rem),
          },
        ]}
        yAxis={[
          {
            id: 'count',
            min: 0,
            max: trend.top,
            tickMinStep: 1,
            valueFormatter: number,
            tickLabelStyle: { fontSize: 0.75 * rem },
            width: Math.round(3 * rem),
          },
        ]}
        series={[
          {
            type: 'bar',
            id: 'month',
            label: t(trend.metric === 'citizens' ? 'trend.newCitizens' : 'trend.services'),
            data: trend.perMonth,
            valueFormatter: number,
            color: theme.palette.primary.main,
          },
          {
            type: 'line',
            id: 'total',
            label: t('trend.total'),
            data: trend.running,
            valueFormatter: number,
            // Straight segments and a mark a month: a running total only steps up, never curves.
            curve: 'linear',
            showMark: true,
            // Dark enough on the paper for a graphic (at least 3:1).
            color: theme.palette.warning.dark,
          },
        ]}
      >
        <ChartsLegend />
        <Box
          role="img"
          tabIndex={0}
          aria-label={t('trend.label', { summary })}
          sx={{ '&:focus-visible': { outline: 2, outlineStyle: 'solid', outlineColor: 'primary.main' } }}
        >
          <ChartsSurface>
            <BarPlot />
            <LinePlot />
            <MarkPlot />
            {/* The target's level, labelled at the right; where the count should be today, labelled at
                the left (the two labels never meet), crossing the current month's line. */}
            {trend.target &&
              level(trend.target.value, t('trend.target', { value: formats.number(trend.target.value) }), 'end', '6 4')}
            {trend.target && trend.todayMonth && <ChartsReferenceLine x={trend.todayMonth} />}
            {trend.target &&
              trend.todayMonth &&
              level(
                trend.target.expected,
                t('trend.today', { expected: formats.number(trend.target.expected) }),
                'start',
                '2 3',
              )}
            <ChartsXAxis axisId="months" />
            <ChartsYAxis axisId="count" />
          </ChartsSurface>
        </Box>
      </ChartsDataProvider>
      <Typography component="figcaption" sx={{ mt: 1 }}>
        {summary}
      </Typography>
    </Box>
  );
};
