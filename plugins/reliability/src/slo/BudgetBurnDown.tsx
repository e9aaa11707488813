import { parseEntityRef } from '@backstage/catalog-model';
import { Typography, makeStyles } from '@material-ui/core';
import {
  SloHistoryPoint,
  SloItem,
} from '@reliability-suite/backstage-plugin-reliability-common';
import { formatPercent } from '../shared/format';
import { RequestContent } from '../shared/RequestContent';
import { useReliabilityApi } from '../shared/useReliabilityApi';

const WIDTH = 600;
const HEIGHT = 120;

const useStyles = makeStyles(theme => ({
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
      {value => <BurnDownChart points={value.points} />}
    </RequestContent>
  );
}

function BurnDownChart(props: { points: SloHistoryPoint[] }) {
  const classes = useStyles();
  const points = props.points.filter(p => p.errorBudgetRemaining !== null);
  if (points.length < 2) {
    return (
      <Typography variant="body2" color="textSecondary">
        No budget history yet.
      </Typography>
    );
  }
  const values = points.map(p => p.errorBudgetRemaining!);
  const top = Math.max(1, ...values);
  const bottom = Math.min(0, ...values);
  const x = (i: number) => (i / (points.length - 1)) * WIDTH;
  const y = (v: number) => ((top - v) / (top - bottom)) * HEIGHT;
  const first = values[0];
  const last = values[values.length - 1];
  const description = `Error budget left went from ${formatPercent(
    first,
    0,
  )} on ${new Date(points[0].t).toLocaleDateString()} to ${formatPercent(
    last,
    0,
  )} now`;

  return (
    <>
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
        <line className={classes.zero} x1={0} x2={WIDTH} y1={y(0)} y2={y(0)} />
        <polyline
          className={classes.line}
          points={values.map((v, i) => `${x(i)},${y(v)}`).join(' ')}
        />
      </svg>
      <Typography variant="caption" color="textSecondary">
        {description}
      </Typography>
    </>
  );
}
