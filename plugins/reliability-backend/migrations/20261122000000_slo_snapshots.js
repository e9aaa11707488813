// @ts-check

/**
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('slo_snapshots', table => {
    table.comment(
      'Results of evaluating SLOs against their SLI source: the latest per objective, plus a bounded history',
    );
    table
      .bigIncrements('id')
      .primary()
      .comment(
        'Insertion order; the highest id per objective is its latest snapshot',
      );
    table
      .string('slo_ref', 255)
      .notNullable()
      .comment(
        'Entity ref of the openslo/v1 SLO entity, e.g. slo:default/orders-availability',
      );
    table
      .integer('objective_index')
      .notNullable()
      .comment('Position of the objective in the SLO spec.objectives list');
    table
      .timestamp('evaluated_at', { useTz: true })
      .notNullable()
      .comment('When the evaluation ran');
    table
      .string('state', 32)
      .notNullable()
      .comment(
        'Verdict of the evaluation: ok, warning, freeze, no-data or error',
      );
    table
      .double('sli')
      .nullable()
      .comment(
        'SLI over the SLO window as a fraction; null when the window had no events',
      );
    table
      .text('details')
      .notNullable()
      .comment(
        'JSON: error budget, burn rates, alerts and the error message, as the API returns them',
      );
    table.index(['slo_ref', 'objective_index'], 'slo_snapshots_objective_idx');
    table.index(['evaluated_at'], 'slo_snapshots_evaluated_at_idx');
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.dropTable('slo_snapshots');
};
