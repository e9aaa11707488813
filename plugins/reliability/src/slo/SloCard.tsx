import { InfoCard, Link, WarningPanel } from '@backstage/core-components';
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
import { formatMultiple, formatPercent } from '../shared/format';
import { formatLocal } from '../shared/formatTime';
import { SloStateLabel } from '../shared/SloStateLabel';
import { windowLabel } from './sloFormat';
import { alertFactors, budgetSentence, sloVerdict } from './sloVerdict';

const useStyles = makeStyles(theme => ({
  section: { marginBottom: theme.spacing(2) },
  bar: { height: 10, borderRadius: 5, marginBottom: theme.spacing(0.5) },
  chips: { display: 'flex', flexWrap: 'wrap', gap: theme.spacing(1) },
  // The burn-rate table scrolls inside a narrow card rather than wrap "8.0×" in two.
  scroll: { overflowX: 'auto' },
  nowrap: { whiteSpace: 'nowrap' },
}));

/** One SLO objective: verdict, SLI against target, budget, burn rates, alerts and burn-down. */
export function SloCard(props: {
  item: SloItem;
  /** The runbook that covers it, shown while it is in warning or freeze. */
  runbook?: { title: string; url: string } | null;
}) {
  const { item, runbook } = props;
  const { status } = item;
  const classes = useStyles();
  const remaining = status.errorBudget.remaining;
  const title = item.objectiveName
    ? `${item.title}: ${item.objectiveName}`
    : item.title;
  const factors = alertFactors(item);
  const measured = status.state !== 'pending';

  return (
    <InfoCard
      title={title}
      subheader={<SloStateLabel state={status.state} stale={status.stale} />}
    >
      {status.state !== 'error' && (
        <Typography className={classes.section} data-testid="slo-verdict">
          {sloVerdict(item)}
        </Typography>
      )}
      {runbook && (status.state === 'warning' || status.state === 'freeze') && (
        <Typography className={classes.section}>
          Runbook: <Link to={runbook.url}>{runbook.title}</Link>
        </Typography>
      )}
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
      {measured && (
        <>
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
              color={
                remaining !== null && remaining <= 0 ? 'secondary' : 'primary'
              }
              value={
                remaining === null
                  ? 0
                  : Math.max(0, Math.min(100, remaining * 100))
              }
              aria-label="Error budget left"
            />
            <Typography variant="body2">{budgetSentence(item)}</Typography>
          </Box>

          <Box className={`${classes.section} ${classes.scroll}`}>
            <Table size="small" aria-label="Burn rates">
              <TableHead>
                <TableRow>
                  <TableCell className={classes.nowrap}>
                    Burn rate over
                  </TableCell>
                  {BURN_RATE_WINDOWS.map(window => (
                    <TableCell
                      key={window}
                      align="right"
                      className={classes.nowrap}
                    >
                      {window}
                    </TableCell>
                  ))}
                </TableRow>
              </TableHead>
              <TableBody>
                <TableRow>
                  <TableCell className={classes.nowrap}>
                    × sustainable
                  </TableCell>
                  {BURN_RATE_WINDOWS.map(window => {
                    const rate = status.burnRates[window];
                    return (
                      <TableCell
                        key={window}
                        align="right"
                        className={classes.nowrap}
                      >
                        {rate === null
                          ? 'no data'
                          : formatMultiple(rate, factors)}
                      </TableCell>
                    );
                  })}
                </TableRow>
              </TableBody>
            </Table>
          </Box>

          <Box
            className={`${classes.section} ${classes.chips}`}
            aria-label="Burn-rate alerts"
          >
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

          <Box className={classes.section}>
            <Typography variant="subtitle2">
              Error budget over the window
            </Typography>
            <BudgetBurnDown item={item} />
          </Box>
        </>
      )}
      <Typography variant="body2">
        Defined in <EntityRefLink entityRef={item.ref} />
        {status.evaluatedAt && `, measured ${formatLocal(status.evaluatedAt)}`}.
      </Typography>
    </InfoCard>
  );
}
