import { InfoCard, WarningPanel } from '@backstage/core-components';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import {
  Box,
  Chip,
  LinearProgress,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  Typography,
  makeStyles,
} from '@material-ui/core';
import {
  BURN_RATE_WINDOWS,
  SloItem,
} from '@reliability-suite/backstage-plugin-reliability-common';
import { BudgetBurnDown } from './BudgetBurnDown';
import { formatPercent } from '../shared/format';
import { SloStateLabel } from '../shared/SloStateLabel';
import { formatBurnRate, windowLabel } from './sloFormat';

const useStyles = makeStyles(theme => ({
  section: { marginBottom: theme.spacing(2) },
  bar: { height: 10, borderRadius: 5, marginBottom: theme.spacing(0.5) },
  chips: { display: 'flex', flexWrap: 'wrap', gap: theme.spacing(1) },
}));

/** What an SLO objective's budget says, in words. */
export function budgetSentence(item: SloItem): string {
  const remaining = item.status.errorBudget.remaining;
  const window = windowLabel(item.timeWindow);
  if (remaining === null) {
    return `No data for the ${window} error budget`;
  }
  if (remaining <= 0) {
    return `The ${window} error budget is spent (${formatPercent(
      remaining,
      0,
    )} left): releases stop except for fixes`;
  }
  return `${formatPercent(remaining, 0)} of the ${window} error budget left`;
}

/** One SLO objective: verdict, SLI against target, budget, burn rates, alerts and burn-down. */
export function SloCard(props: { item: SloItem }) {
  const { item } = props;
  const { status } = item;
  const classes = useStyles();
  const remaining = status.errorBudget.remaining;
  const title = item.objectiveName
    ? `${item.title}: ${item.objectiveName}`
    : item.title;
  const firing = status.alerts.filter(alert => alert.firing);

  return (
    <InfoCard
      title={title}
      subheader={<SloStateLabel state={status.state} stale={status.stale} />}
    >
      {status.error && (
        <Box className={classes.section}>
          <WarningPanel
            severity={status.state === 'error' ? 'error' : 'warning'}
            title={
              status.stale
                ? 'Showing the last known values: the SLI source is unavailable'
                : 'This SLO cannot be evaluated'
            }
            message={status.error}
          />
        </Box>
      )}
      <Typography className={classes.section}>
        {status.sli === null
          ? `No events in the window, so no SLI (target ${formatPercent(
              item.target,
              3,
            )}).`
          : `SLI ${formatPercent(
              status.sli,
              3,
            )} against a target of ${formatPercent(
              item.target,
              3,
            )} over the ${windowLabel(item.timeWindow)} window (${
              item.budgetingMethod === 'Timeslices'
                ? 'good time slices'
                : 'good events'
            }).`}
      </Typography>

      <Box className={classes.section}>
        <LinearProgress
          className={classes.bar}
          variant="determinate"
          color={remaining !== null && remaining <= 0 ? 'secondary' : 'primary'}
          value={
            remaining === null ? 0 : Math.max(0, Math.min(100, remaining * 100))
          }
          aria-label="Error budget left"
        />
        <Typography variant="body2">{budgetSentence(item)}</Typography>
      </Box>

      <Table size="small" aria-label="Burn rates" className={classes.section}>
        <TableHead>
          <TableRow>
            <TableCell>Burn rate over</TableCell>
            {BURN_RATE_WINDOWS.map(window => (
              <TableCell key={window} align="right">
                {window}
              </TableCell>
            ))}
          </TableRow>
        </TableHead>
        <TableBody>
          <TableRow>
            <TableCell>× sustainable</TableCell>
            {BURN_RATE_WINDOWS.map(window => (
              <TableCell key={window} align="right">
                {formatBurnRate(status.burnRates[window])}
              </TableCell>
            ))}
          </TableRow>
        </TableBody>
      </Table>

      <Box
        className={`${classes.section} ${classes.chips}`}
        aria-label="Burn-rate alerts"
      >
        {status.alerts.length === 0 && (
          <Typography variant="body2" color="textSecondary">
            No burn-rate alerts evaluated.
          </Typography>
        )}
        {status.alerts.map(alert => (
          <Chip
            key={`${alert.longWindow}/${alert.shortWindow}`}
            size="small"
            color={alert.firing ? 'secondary' : 'default'}
            label={`${alert.severity} ${alert.longWindow}/${
              alert.shortWindow
            } > ${Number(alert.factor.toFixed(2))}×: ${
              alert.firing ? 'firing' : 'not firing'
            }`}
          />
        ))}
      </Box>
      {firing.length > 0 && (
        <Typography className={classes.section} variant="body2">
          Burning {formatBurnRate(status.burnRates[firing[0].longWindow])}{' '}
          faster than sustainable over the last {firing[0].longWindow}.
        </Typography>
      )}

      <Box className={classes.section}>
        <Typography variant="subtitle2">
          Error budget over the window
        </Typography>
        <BudgetBurnDown item={item} />
      </Box>
      <Typography variant="body2">
        Defined in <EntityRefLink entityRef={item.ref} />
        {status.evaluatedAt &&
          `, measured ${new Date(status.evaluatedAt).toLocaleString()}`}
        .
      </Typography>
    </InfoCard>
  );
}
