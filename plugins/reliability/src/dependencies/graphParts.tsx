import { DependencyGraphTypes } from '@backstage/core-components';
import { makeStyles, Theme } from '@material-ui/core';
import { green, red } from '@material-ui/core/colors';
import { getContrastRatio } from '@material-ui/core/styles';
import { EdgeProvenance } from '@reliability-suite/backstage-plugin-reliability-common';
import { useEffect, useLayoutEffect, useRef, useState } from 'react';

const PADDING = 6;

/**
 * The first of `candidates` that reads at 4.5:1 or better on the card's background, so a
 * colour that marks provenance in the light theme does not vanish in the dark one.
 */
function readable(theme: Theme, candidates: string[]): string {
  const background = theme.palette.background.paper;
  return (
    candidates.find(c => getContrastRatio(c, background) >= 4.5) ??
    theme.palette.text.primary
  );
}

const useStyles = makeStyles(theme => ({
  box: {
    fill: theme.palette.background.paper,
    stroke: theme.palette.divider,
  },
  labelBox: { fill: theme.palette.background.paper },
  node: { fill: theme.palette.text.primary, fontSize: 14 },
  root: { fill: theme.palette.text.primary, fontSize: 14, fontWeight: 700 },
  declared: { fill: theme.palette.text.secondary },
  both: {
    fill: readable(theme, [
      theme.palette.success.dark,
      green[800],
      theme.palette.success.light,
      green[200],
    ]),
    fontWeight: 'bold',
  },
  hidden: {
    fill: readable(theme, [
      theme.palette.error.main,
      theme.palette.error.dark,
      red[800],
      theme.palette.error.light,
      red[200],
    ]),
    fontWeight: 'bold',
    textDecoration: 'underline',
  },
}));

/** Measures its text, so the box around it (and the layout) has the text's size. */
function useTextSize() {
  const ref = useRef<SVGTextElement>(null);
  const [size, setSize] = useState({ width: 0, height: 0 });
  useLayoutEffect(() => {
    if (!ref.current) return;
    const box = ref.current.getBBox();
    const measured = {
      width: Math.round(box.width),
      height: Math.round(box.height),
    };
    if (measured.width !== size.width || measured.height !== size.height) {
      setSize(measured);
    }
  }, [size]);
  return { ref, width: size.width, height: size.height };
}

export type GraphNode = DependencyGraphTypes.DependencyNode<{
  title: string;
  isRoot: boolean;
}>;

/**
 * Scrolls the nearest sideways-scrolling ancestor of `element` (and only it, never the page)
 * so that `element` is in its middle.
 */
function centreSideways(element: Element) {
  let box = element.parentElement;
  while (box && box.scrollWidth <= box.clientWidth) box = box.parentElement;
  if (!box || box === document.scrollingElement) return;
  const boxRect = box.getBoundingClientRect();
  const rect = element.getBoundingClientRect();
  box.scrollLeft +=
    rect.left - boxRect.left - (box.clientWidth - rect.width) / 2;
}

/**
 * A node: the entity's title in a box drawn from (0, 0), so the graph lays it out by its whole
 * size and never clips it; the ref on hover. The entity in view is bold and, where the graph is
 * wider than the screen, scrolled into the middle: its neighbours are what a responder came for.
 */
export function GraphNodeBox(
  props: DependencyGraphTypes.RenderNodeProps<GraphNode>,
) {
  const classes = useStyles();
  const { title, isRoot, id, x, y } = props.node as GraphNode & {
    x?: number;
    y?: number;
  };
  const text = useTextSize();
  const width = text.width + PADDING * 2;
  const height = text.height + PADDING * 2;
  const group = useRef<SVGGElement>(null);
  useEffect(() => {
    if (isRoot && group.current && x !== undefined) {
      centreSideways(group.current);
    }
  }, [isRoot, x, y, width]);
  return (
    <g
      ref={group}
      data-testid="dependency-node"
      data-root={isRoot || undefined}
    >
      <title>{id}</title>
      <rect className={classes.box} width={width} height={height} rx={6} />
      <text
        ref={text.ref}
        className={isRoot ? classes.root : classes.node}
        x={width / 2}
        y={height / 2}
        textAnchor="middle"
        dominantBaseline="central"
      >
        {title}
      </text>
    </g>
  );
}

/**
 * An edge's label: how the dependency is known, in words and colour (declared grey, both
 * green, hidden red and underlined), on the card's background so it reads over the edges.
 */
export function DependencyEdgeLabel(
  props: DependencyGraphTypes.RenderLabelProps<{ provenance: EdgeProvenance }>,
) {
  const classes = useStyles();
  const { provenance } = props.edge;
  const text = useTextSize();
  const width = text.width + PADDING;
  const height = text.height + 2;
  return (
    <g>
      <rect
        className={classes.labelBox}
        x={-width / 2}
        y={-height / 2}
        width={width}
        height={height}
      />
      <text
        ref={text.ref}
        data-testid={`dependency-edge-${provenance}`}
        className={classes[provenance]}
        fontSize={12}
        textAnchor="middle"
        dominantBaseline="central"
      >
        {provenance}
      </text>
    </g>
  );
}
