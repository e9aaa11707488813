import { DependencyGraphTypes } from '@backstage/core-components';
import { makeStyles } from '@material-ui/core';

export type EdgeKind = 'declared' | 'observed' | 'hidden';

export const ARROW_ID = 'reliability-dependency-arrow';

const useStyles = makeStyles(theme => ({
  declared: { stroke: theme.palette.text.secondary, strokeWidth: 1.3 },
  observed: { stroke: theme.palette.success.main, strokeWidth: 2 },
  hidden: {
    stroke: theme.palette.error.main,
    strokeWidth: 2,
    strokeDasharray: '6 4',
  },
  declaredLabel: { fill: theme.palette.text.secondary },
  observedLabel: { fill: theme.palette.success.dark },
  hiddenLabel: { fill: theme.palette.error.main, fontWeight: 'bold' },
}));

/** The arrow head the edges point with, for the graph's `defs`. */
export function ArrowDef() {
  return (
    <marker
      id={ARROW_ID}
      viewBox="0 0 10 10"
      refX="10"
      refY="5"
      markerWidth="6"
      markerHeight="6"
      orient="auto-start-reverse"
    >
      <path d="M 0 0 L 10 5 L 0 10 z" fill="currentColor" />
    </marker>
  );
}

/**
 * One dependency edge, drawn by how it is known: declared only (grey), declared and observed
 * (green), or observed and never declared (red, dashed), with the word at its middle so the
 * difference does not rest on colour alone.
 */
export function DependencyEdgePath(
  props: DependencyGraphTypes.RenderEdgeProps<{ kind: EdgeKind }>,
) {
  const classes = useStyles();
  const { kind, points } = props.edge;
  if (points.length === 0) return null;
  const d = points
    .map((p, i) => `${i === 0 ? 'M' : 'L'} ${p.x} ${p.y}`)
    .join(' ');
  const middle = points[Math.floor(points.length / 2)];
  return (
    <g data-testid={`dependency-edge-${kind}`}>
      <path
        d={d}
        fill="none"
        className={classes[kind]}
        markerEnd={`url(#${ARROW_ID})`}
      />
      <text
        x={middle.x}
        y={middle.y - 4}
        textAnchor="middle"
        fontSize={11}
        className={classes[`${kind}Label`]}
      >
        {kind}
      </text>
    </g>
  );
}
