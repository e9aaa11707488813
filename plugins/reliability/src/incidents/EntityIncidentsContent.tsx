import { InfoCard } from '@backstage/core-components';
import { Box, Button, Grid, Typography } from '@material-ui/core';
import {
  DurationStats,
  INCIDENT_CAUSES,
  INCIDENT_SEVERITIES,
  IncidentMetrics,
} from '@reliability-suite/backstage-plugin-reliability-common';
import { useState } from 'react';
import { countOf } from '../shared/format';
import { RequestContent } from '../shared/RequestContent';
import { DeclareIncidentDialog } from './DeclareIncidentDialog';
import { IncidentHistory } from './IncidentHistory';
import { OpenIncidentList } from './OpenIncidentList';
import { IncidentTrendChart } from './IncidentTrendChart';
import { weeklyTrend } from './incidentTrend';
import { CAUSE_LABELS, durationText } from './incidentWords';
import { TREND_WEEKS, useEntityIncidentOverview } from './useEntityIncidents';

const TIMES: Array<[keyof IncidentMetrics, string]> = [
  ['mttd', 'Time to detect'],
  ['mtta', 'Time to acknowledge'],
  ['mttm', 'Time to mitigate'],
  ['mttr', 'Time to resolve'],
];

function timeText(stats: DurationStats): string {
  if (stats.median === null || stats.mean === null) return 'not measured';
  return `median ${durationText(stats.median)}, mean ${durationText(
    stats.mean,
  )} (${countOf(stats.count, 'incident')})`;
}

function Metrics(props: {
  metrics: IncidentMetrics;
  allTime: IncidentMetrics;
}) {
  const { metrics, allTime } = props;
  const nonZero = <K extends string>(
    counts: Record<K, number>,
    keys: readonly K[],
    label: (k: K) => string,
  ) =>
    keys
      .filter(k => counts[k] > 0)
      .map(k => `${label(k)} ${counts[k]}`)
      .join(' · ') || 'none';
  return (
    <Box>
      <Typography paragraph>
        {countOf(metrics.count, 'incident')} in the last {TREND_WEEKS} weeks (
        {countOf(allTime.count, 'incident')} in all).{' '}
        {countOf(allTime.openActionItems, 'open action item')}
        {allTime.postmortemsMissing > 0 &&
          `; ${countOf(allTime.postmortemsMissing, 'postmortem')} overdue`}
        .
      </Typography>
      <Typography variant="body2">
        By severity: {nonZero(metrics.bySeverity, INCIDENT_SEVERITIES, k => k)}
      </Typography>
      <Typography variant="body2" paragraph>
        By cause:{' '}
        {nonZero(metrics.byCause, INCIDENT_CAUSES, k => CAUSE_LABELS[k])}
      </Typography>
      <dl style={{ margin: 0 }}>
        {TIMES.map(([key, label]) => (
          <Box key={key} display="flex" gridGap={8}>
            <Typography
              component="dt"
              variant="body2"
              style={{ minWidth: 150 }}
            >
              {label}
            </Typography>
            <Typography component="dd" variant="body2" style={{ margin: 0 }}>
              {timeText(metrics[key] as DurationStats)}
            </Typography>
          </Box>
        ))}
      </dl>
    </Box>
  );
}

/**
 * The Incidents tab: open incidents first, with the way to declare one; then how often and how
 * fast over the last 13 weeks, and the whole history.
 *
 * @public
 */
export function EntityIncidentsContent() {
  const [refresh, setRefresh] = useState(0);
  const [declaring, setDeclaring] = useState(false);
  const overview = useEntityIncidentOverview(refresh);
  return (
    <Grid container spacing={3}>
      <Grid item xs={12}>
        <InfoCard
          title="Open incidents"
          action={
            <Button
              color="primary"
              variant="contained"
              onClick={() => setDeclaring(true)}
              style={{ margin: 16 }}
            >
              Declare incident
            </Button>
          }
        >
          <RequestContent request={overview}>
            {({ open }) => <OpenIncidentList incidents={open} />}
          </RequestContent>
        </InfoCard>
      </Grid>
      <Grid item xs={12} md={5}>
        <InfoCard title="How often, how fast">
          <RequestContent request={overview}>
            {({ metrics, allTime }) => (
              <Metrics metrics={metrics} allTime={allTime} />
            )}
          </RequestContent>
        </InfoCard>
      </Grid>
      <Grid item xs={12} md={7}>
        <InfoCard title={`Incidents per week, last ${TREND_WEEKS} weeks`}>
          <RequestContent request={overview}>
            {({ recent, now, truncated }) => (
              <>
                <IncidentTrendChart
                  weeks={weeklyTrend(recent, now, TREND_WEEKS)}
                />
                {truncated && (
                  <Typography variant="caption" color="textSecondary">
                    Drawn from the newest {recent.length} incidents only.
                  </Typography>
                )}
              </>
            )}
          </RequestContent>
        </InfoCard>
      </Grid>
      <Grid item xs={12}>
        <InfoCard title="History">
          <IncidentHistory refresh={refresh} />
        </InfoCard>
      </Grid>
      {declaring && (
        <DeclareIncidentDialog
          open
          onClose={() => setDeclaring(false)}
          onDeclared={() => setRefresh(r => r + 1)}
        />
      )}
    </Grid>
  );
}
