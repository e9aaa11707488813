import { InfoCard } from '@backstage/core-components';
import { Typography, makeStyles } from '@material-ui/core';
import { ReactNode } from 'react';

const useStyles = makeStyles(theme => ({
  paragraph: { marginBottom: theme.spacing(1.5) },
}));

/**
 * A capability summed up on the overview: what it shows (or that it is not yet available), and
 * what the entity has or needs for it.
 */
export function CapabilityCard(props: {
  title: string;
  shows: string;
  configure?: ReactNode;
  children?: ReactNode;
}) {
  const classes = useStyles();
  return (
    <InfoCard title={props.title} variant="gridItem">
      <Typography className={classes.paragraph}>{props.shows}</Typography>
      {props.configure && (
        <Typography className={classes.paragraph} component="div">
          {props.configure}
        </Typography>
      )}
      {props.children}
    </InfoCard>
  );
}
