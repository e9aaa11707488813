import { TextField } from '@material-ui/core';

/** "2026-11-20T10:00" for a datetime-local field, in the viewer's zone. */
export function localInputValue(date: Date): string {
  const offset = date.getTimezoneOffset() * 60_000;
  return new Date(date.getTime() - offset).toISOString().slice(0, 16);
}

/** A date and time in the viewer's zone; `value` as `localInputValue` writes it. */
export function DateTimeField(props: {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
}) {
  return (
    <TextField
      id={props.id}
      label={props.label}
      type="datetime-local"
      value={props.value}
      onChange={e => props.onChange(e.target.value)}
      margin="normal"
      InputLabelProps={{ shrink: true }}
    />
  );
}
