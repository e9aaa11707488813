import { CodeSnippet, InfoCard } from '@backstage/core-components';
import { Typography, makeStyles } from '@material-ui/core';
import { ReactNode } from 'react';

const useStyles = makeStyles(theme => ({
  paragraph: { marginBottom: theme.spacing(1.5) },
}));

/**
 * A capability of the suite that is not set up for this entity yet: what it will show, and what
 * to add to configure it.
 */
export function CapabilityCard(props: {
  title: string;
  shows: string;
  configure: ReactNode;
  snippet?: string;
  children?: ReactNode;
}) {
  const classes = useStyles();
  return (
    <InfoCard title={props.title} variant="gridItem">
      <Typography className={classes.paragraph}>{props.shows}</Typography>
      {props.children}
      <Typography className={classes.paragraph} component="div">
        {props.configure}
      </Typography>
      {props.snippet && (
        <CodeSnippet text={props.snippet} language="yaml" showCopyCodeButton />
      )}
    </InfoCard>
  );
}
