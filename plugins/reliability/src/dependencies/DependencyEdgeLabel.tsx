import { DependencyGraphTypes } from '@backstage/core-components';
import { makeStyles } from '@material-ui/core';
import { EdgeProvenance } from '@reliability-suite/backstage-plugin-reliability-common';

const useStyles = makeStyles(theme => ({
  declared: { fill: theme.palette.text.secondary },
  both: { fill: theme.palette.success.dark, fontWeight: 'bold' },
  hidden: {
    fill: theme.palette.error.main,
    fontWeight: 'bold',
    textDecoration: 'underline',
  },
}));

/**
 * An edge's label: how the dependency is known, in words and colour (declared grey, both
 * green, hidden red and underlined), so the difference does not rest on colour alone.
 */
export function DependencyEdgeLabel(
  props: DependencyGraphTypes.RenderLabelProps<{ provenance: EdgeProvenance }>,
) {
  const classes = useStyles();
  const { provenance } = props.edge;
  return (
    <text
      data-testid={`dependency-edge-${provenance}`}
      className={classes[provenance]}
      fontSize={12}
    >
      {provenance}
    </text>
  );
}
