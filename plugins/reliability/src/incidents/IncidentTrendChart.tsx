import { Typography, useTheme } from '@material-ui/core';
import {
  Bar,
  CartesianGrid,
  ComposedChart,
  Legend,
  Line,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { formatLocal } from '../shared/formatTime';
import { durationText } from './incidentWords';
import { TrendWeek } from './incidentTrend';

/** Incidents per week as bars, and the week's median time to resolve as a line. */
export function IncidentTrendChart(props: { weeks: TrendWeek[] }) {
  const theme = useTheme();
  if (props.weeks.every(week => week.incidents === 0)) {
    return (
      <Typography color="textSecondary">
        No incidents in the last {props.weeks.length} weeks.
      </Typography>
    );
  }
  const data = props.weeks.map(week => ({
    ...week,
    week: formatLocal(week.weekStart).replace(/, \d\d:\d\d$/, ''),
    mttrHours:
      week.mttrMedian === null
        ? null
        : Math.round((week.mttrMedian / 60) * 10) / 10,
  }));
  return (
    <div
      role="img"
      aria-label={`Incidents per week over the last ${props.weeks.length} weeks, with the median time to resolve`}
      style={{ width: '100%', height: 240 }}
    >
      <ResponsiveContainer>
        <ComposedChart data={data} margin={{ top: 8, right: 8, left: 0 }}>
          <CartesianGrid stroke={theme.palette.divider} vertical={false} />
          <XAxis
            dataKey="week"
            tick={{ fill: theme.palette.text.secondary, fontSize: 11 }}
          />
          <YAxis
            yAxisId="count"
            allowDecimals={false}
            tick={{ fill: theme.palette.text.secondary, fontSize: 11 }}
            label={{
              value: 'incidents',
              angle: -90,
              position: 'insideLeft',
              fill: theme.palette.text.secondary,
              fontSize: 11,
            }}
          />
          <YAxis
            yAxisId="hours"
            orientation="right"
            tick={{ fill: theme.palette.text.secondary, fontSize: 11 }}
            label={{
              value: 'hours to resolve',
              angle: 90,
              position: 'insideRight',
              fill: theme.palette.text.secondary,
              fontSize: 11,
            }}
          />
          <Tooltip
            contentStyle={{
              background: theme.palette.background.paper,
              color: theme.palette.text.primary,
            }}
            formatter={(value: unknown, name: string) =>
              name === 'Median time to resolve' && typeof value === 'number'
                ? durationText(value * 60)
                : String(value)
            }
          />
          <Legend />
          <Bar
            yAxisId="count"
            dataKey="incidents"
            name="Incidents"
            fill={theme.palette.primary.main}
          />
          <Line
            yAxisId="hours"
            dataKey="mttrHours"
            name="Median time to resolve"
            stroke={theme.palette.secondary.main}
            connectNulls
            dot
          />
        </ComposedChart>
      </ResponsiveContainer>
    </div>
  );
}
