import {
  EntityDisplayName,
  useEntityPresentation,
} from '@backstage/plugin-catalog-react';
import { CSSProperties } from 'react';
import { Box, Typography, makeStyles, useTheme } from '@material-ui/core';
import { OnCallScheduleResponse } from '@reliability-suite/backstage-plugin-reliability-common';
import { formatLocal } from '../shared/formatTime';
import { RequestContent } from '../shared/RequestContent';
import { useReliabilityApi } from '../shared/useReliabilityApi';

const DAYS = 14;
const DAY_MS = 86_400_000;

const useStyles = makeStyles(theme => ({
  row: { marginBottom: theme.spacing(1.5) },
  track: {
    position: 'relative',
    height: 28,
    background: theme.palette.background.default,
    border: `1px solid ${theme.palette.divider}`,
    borderRadius: 4,
    overflow: 'hidden',
  },
  shift: {
    position: 'absolute',
    top: 0,
    bottom: 0,
    borderRight: `1px solid ${theme.palette.background.paper}`,
    fontSize: 11,
    lineHeight: '28px',
    paddingLeft: 4,
    whiteSpace: 'nowrap',
    overflow: 'hidden',
    textOverflow: 'ellipsis',
  },
  axis: { position: 'relative', height: 18, marginTop: 2 },
  tick: {
    position: 'absolute',
    top: 0,
    fontSize: 11,
    color: theme.palette.text.secondary,
    whiteSpace: 'nowrap',
    borderLeft: `1px solid ${theme.palette.divider}`,
    paddingLeft: 2,
  },
  handoffs: { color: theme.palette.text.secondary },
}));

type Shift = OnCallScheduleResponse['rotations'][number]['shifts'][number];

/**
 * One shift on the track: the person's display name, cut to the bar, and on hover their name
 * and the times in the viewer's zone and the rotation's.
 */
function ShiftBar(props: {
  shift: Shift;
  timeZone: string;
  style: CSSProperties;
}) {
  const classes = useStyles();
  const { shift, timeZone } = props;
  const { primaryTitle } = useEntityPresentation(shift.userRef);
  const times = `${formatLocal(shift.from)} – ${formatLocal(
    shift.until,
  )} (${formatLocal(shift.from, timeZone)} – ${formatLocal(
    shift.until,
    timeZone,
  )})`;
  return (
    <div
      role="listitem"
      className={classes.shift}
      title={`${primaryTitle}: ${times}`}
      style={props.style}
    >
      <EntityDisplayName entityRef={shift.userRef} hideIcon disableTooltip />
    </div>
  );
}

/** The next 14 days of each rotation of a group's policies, one bar per rotation. */
export function OnCallSchedule(props: { groupRef: string }) {
  const schedule = useReliabilityApi(
    async api => {
      const from = new Date();
      const to = new Date(from.getTime() + DAYS * DAY_MS);
      return {
        from,
        to,
        schedule: await api.getOnCallSchedule(props.groupRef, {
          from: from.toISOString(),
          to: to.toISOString(),
        }),
      };
    },
    [props.groupRef],
  );
  return (
    <RequestContent request={schedule}>
      {value =>
        value.schedule.rotations.length === 0 ? (
          <Typography variant="body2" color="textSecondary">
            No rotations for {props.groupRef}.
          </Typography>
        ) : (
          <ScheduleBars {...value} />
        )
      }
    </RequestContent>
  );
}

function ScheduleBars(value: {
  from: Date;
  to: Date;
  schedule: OnCallScheduleResponse;
}) {
  const classes = useStyles();
  const theme = useTheme();
  // One colour per person, from the theme, so the bars follow light and dark mode.
  const colours = [
    theme.palette.primary.main,
    theme.palette.secondary.main,
    theme.palette.success.dark,
    theme.palette.warning.dark,
    theme.palette.info.dark,
    theme.palette.error.dark,
  ];
  const span = value.to.getTime() - value.from.getTime();
  const at = (iso: string | Date) =>
    ((new Date(iso).getTime() - value.from.getTime()) / span) * 100;
  // A tick every other local midnight, labelled with its day, all inside the track.
  const firstMidnight = new Date(value.from);
  firstMidnight.setHours(24, 0, 0, 0);
  const ticks = Array.from(
    { length: Math.floor(DAYS / 2) },
    (_, i) => new Date(firstMidnight.getTime() + i * 2 * DAY_MS),
  ).filter(day => at(day) < 92);
  return (
    <Box aria-label="On-call schedule, next 14 days">
      {value.schedule.rotations.map(rotation => {
        const people = [...new Set(rotation.shifts.map(s => s.userRef))];
        const colourOf = (userRef: string) =>
          colours[people.indexOf(userRef) % colours.length];
        const handoffs = rotation.shifts.filter(
          shift => new Date(shift.from) > value.from,
        );
        return (
          <div
            key={`${rotation.policy}/${rotation.rotation}`}
            className={classes.row}
          >
            <Typography variant="body2">
              {rotation.rotation} ({rotation.timeZone})
            </Typography>
            <div
              className={classes.track}
              role="list"
              aria-label={`${rotation.rotation} shifts`}
            >
              {rotation.shifts.map(shift => (
                <ShiftBar
                  key={`${shift.userRef}@${shift.from}`}
                  shift={shift}
                  timeZone={rotation.timeZone}
                  style={{
                    left: `${at(shift.from)}%`,
                    width: `${at(shift.until) - at(shift.from)}%`,
                    background: colourOf(shift.userRef),
                    color: theme.palette.getContrastText(
                      colourOf(shift.userRef),
                    ),
                  }}
                />
              ))}
            </div>
            <div className={classes.axis} aria-hidden>
              {ticks.map(day => (
                <span
                  key={day.toISOString()}
                  className={classes.tick}
                  style={{ left: `${at(day)}%` }}
                >
                  {day.toLocaleDateString('en-GB', {
                    weekday: 'short',
                    day: 'numeric',
                  })}
                </span>
              ))}
            </div>
            {handoffs.length > 0 && (
              <Typography variant="caption" className={classes.handoffs}>
                Handoffs:{' '}
                {handoffs.slice(0, 4).map((shift, i) => (
                  <span key={`${shift.userRef}@${shift.from}`}>
                    {i > 0 && ' · '}
                    {formatLocal(shift.from)} to{' '}
                    <EntityDisplayName
                      entityRef={shift.userRef}
                      hideIcon
                      disableTooltip
                    />
                  </span>
                ))}
                {handoffs.length > 4 && ' …'}
              </Typography>
            )}
          </div>
        );
      })}
    </Box>
  );
}
