import { Tooltip } from '@material-ui/core';

/** Cuts `text` to at most `max` characters, with an ellipsis; unchanged when it fits. */
export function shorten(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

/** Text that may be long (a name from telemetry, a query), shortened, the whole on hover. */
export function ShortText(props: { text: string; max: number }) {
  const short = shorten(props.text, props.max);
  if (short === props.text) return <>{props.text}</>;
  return (
    <Tooltip title={props.text}>
      <span title={props.text}>{short}</span>
    </Tooltip>
  );
}
