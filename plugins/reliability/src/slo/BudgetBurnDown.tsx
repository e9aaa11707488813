import { parseEntityRef } from '@backstage/catalog-model';
import { Typography, makeStyles } from '@material-ui/core';
import {
  SloHistoryPoint,
  SloItem,
} from '@reliability-suite/backstage-plugin-reliability-common';
import { formatBudgetLeft, formatPercent } from '../shared/format';
import { formatLocal } from '../shared/formatTime';
import { RequestContent } from '../shared/RequestContent';
import { useReliabilityApi } from '../shared/useReliabilityApi';

const WIDTH = 600;
const HEIGHT = 120;
// Budget left is labelled in steps of half the budget.
const AXIS_STEP = 0.5;

const useStyles = makeStyles(theme => ({
  // Labels outside the drawing, so that stretching it to the card's width never distorts them.
  frame: {
    display: 'grid',
    gridTemplateColumns: 'auto 1fr',
    columnGap: theme.spacing(1),
  },
  yAxis: {
    height: HEIGHT,
    position: 'relative',
    textAlign: 'right',
    minWidth: '3.5em',
  },
  yLabel: { position: 'absolute', right: 0, transform: 'translateY(-50%)' },
  xAxis: { display: 'flex', justifyContent: 'space-between' },
  chart: { width: '100%', height: HEIGHT, display: 'block' },
  line: { fill: 'none', stroke: theme.palette.primary.main, strokeWidth: 2 },
  zero: { stroke: theme.palette.error.main, strokeDasharray: '4 4' },
  axis: { stroke: theme.palette.divider },
}));

/** Error budget left over the SLO window, from the source's history. */
export function BudgetBurnDown(props: { item: SloItem }) {
  const { item } = props;
  const history = useReliabilityApi(
    api =>
      api.getSloHistory(parseEntityRef(item.ref), {
        objective: item.objective,
      }),
    [item.ref, item.objective],
  );
  return (
    <RequestContent request={history}>
      {value => <BurnDownChart points={value.points} now={item} />}
    </RequestContent>
  );
}

function BurnDownChart(props: { points: SloHistoryPoint[]; now: SloItem }) {
  const classes = useStyles();
  const points = props.points.filter(p => p.errorBudgetRemaining !== null);
  const nowRemaining = props.now.status.errorBudget.remaining;
  if (points.length < 2 || nowRemaining === null) {
    return (
      <Typography variant="body2" color="textSecondary">
        No budget history yet.
      </Typography>
    );
  }
  // The line ends on the SLO's own latest value, so the chart, its caption and the card read
  // the same number.
  const values = [...points.map(p => p.errorBudgetRemaining!), nowRemaining];
  // The axis is labelled at round steps, never at a data point that could disagree with the card.
  const top = Math.ceil(Math.max(1, ...values) / AXIS_STEP) * AXIS_STEP;
  const bottom = Math.floor(Math.min(0, ...values) / AXIS_STEP) * AXIS_STEP;
  const x = (i: number) => (i / (values.length - 1)) * WIDTH;
  const y = (v: number) => ((top - v) / (top - bottom)) * HEIGHT;
  const description = `The error budget went from ${formatBudgetLeft(
    values[0],
  )} on ${formatLocal(points[0].t)} to ${formatBudgetLeft(nowRemaining)} now`;
  const yLabels = [...new Set([top, 0, bottom])];

  return (
    <>
      <div className={classes.frame}>
        <div className={classes.yAxis} aria-hidden>
          {yLabels.map(v => (
            <Typography
              key={v}
              variant="caption"
              color="textSecondary"
              className={classes.yLabel}
              style={{ top: y(v) }}
            >
              {formatPercent(v, 0)}
            </Typography>
          ))}
        </div>
        <svg
          className={classes.chart}
          viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
          preserveAspectRatio="none"
          role="img"
          aria-label={description}
        >
          <line
            className={classes.axis}
            x1={0}
            x2={WIDTH}
            y1={y(top)}
            y2={y(top)}
          />
          <line
            className={classes.zero}
            x1={0}
            x2={WIDTH}
            y1={y(0)}
            y2={y(0)}
          />
          <polyline
            className={classes.line}
            points={values.map((v, i) => `${x(i)},${y(v)}`).join(' ')}
          />
        </svg>
        <span />
        <div className={classes.xAxis} aria-hidden>
          <Typography variant="caption" color="textSecondary">
            {formatLocal(points[0].t)}
          </Typography>
          <Typography variant="caption" color="textSecondary">
            now
          </Typography>
        </div>
      </div>
      <Typography variant="caption" color="textSecondary">
        {description}
      </Typography>
    </>
  );
}
