/** The release gate's states in words, for action descriptions a model reads. */
export const RELEASE_GATE_STATES_TEXT =
  'freeze: budget spent, stop releases except fixes; warning; ok; no-data; error; no-slos';
