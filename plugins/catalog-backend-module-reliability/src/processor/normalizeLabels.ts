const MAX_LABEL_VALUE = 63;

/**
 * Turns OpenSLO label values (a string or a list of strings) into Backstage label values: a
 * list's values joined with `_`, characters Backstage does not allow replaced by `-`, cut to 63.
 */
export function normalizeLabels(
  labels: Record<string, unknown>,
): Record<string, string> {
  return Object.fromEntries(
    Object.entries(labels).map(([key, value]) => {
      const values = (Array.isArray(value) ? value : [value]).map(v =>
        String(v ?? ''),
      );
      const text = values
        .join('_')
        .replace(/[^a-zA-Z0-9._-]+/g, '-')
        .replace(/^[^a-zA-Z0-9]+|[^a-zA-Z0-9]+$/g, '')
        .slice(0, MAX_LABEL_VALUE)
        .replace(/[^a-zA-Z0-9]+$/, '');
      return [key, text];
    }),
  );
}
