import { InfoCard } from '@backstage/core-components';
import { Typography, makeStyles } from '@material-ui/core';
import WarningIcon from '@material-ui/icons/Warning';
import { OverviewPart } from '@reliability-suite/backstage-plugin-reliability-common';
import { ReactNode } from 'react';

const useStyles = makeStyles(theme => ({
  note: { marginBottom: theme.spacing(1) },
  unavailable: {
    display: 'flex',
    gap: theme.spacing(1),
    alignItems: 'flex-start',
    color: theme.palette.text.secondary,
  },
}));

/**
 * One part of the overview as a card: its content when `ok`, what to set up when
 * `not-configured`, what is missing when `empty`, and, when its source failed, the reason in
 * place of the content, so one failing part never blanks the others.
 */
export function OverviewPartCard<T extends object>(props: {
  title: ReactNode;
  part: OverviewPart<T>;
  /** The content when the part is `ok`. */
  children: ReactNode;
  /** Shown under the reason when the part is `empty` or `not-configured`. */
  help?: ReactNode;
  action?: ReactNode;
  deepLink?: { title: string; link: string };
}) {
  const classes = useStyles();
  const { state, reason } = props.part;
  let content: ReactNode;
  if (state === 'unavailable') {
    content = (
      <Typography className={classes.unavailable} role="status">
        <WarningIcon fontSize="small" aria-hidden />
        <span>{reason}</span>
      </Typography>
    );
  } else if (state === 'ok') {
    content = (
      <>
        {reason && (
          <Typography className={classes.note} color="textSecondary">
            {reason}
          </Typography>
        )}
        {props.children}
      </>
    );
  } else {
    content = (
      <>
        <Typography className={classes.note}>
          {state === 'not-configured' ? 'Not configured: ' : ''}
          {reason}
        </Typography>
        {props.help}
      </>
    );
  }
  return (
    <InfoCard
      title={props.title}
      variant="gridItem"
      action={props.action}
      deepLink={props.deepLink}
    >
      {content}
    </InfoCard>
  );
}
