// @ts-check

/**
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('observed_dependencies', table => {
    table.comment(
      'Dependencies seen at run time (traffic, incidents, probes, manual), one row per edge and evidence',
    );
    table.bigIncrements('id').primary();
    table
      .string('source_ref', 255)
      .notNullable()
      .comment(
        'Entity ref of the dependent, e.g. component:default/orders-service',
      );
    table
      .string('target_ref', 255)
      .notNullable()
      .comment(
        'Entity ref of what it depends on, e.g. resource:default/orders-db',
      );
    table
      .string('evidence_kind', 16)
      .notNullable()
      .comment('traffic, incident, probe or manual');
    table
      .string('detail', 255)
      .notNullable()
      .defaultTo('')
      .comment(
        'The metric, incident id or probe name; empty when none was given',
      );
    table
      .timestamp('first_seen', { useTz: true })
      .notNullable()
      .comment('Earliest observation of this edge with this evidence');
    table
      .timestamp('last_seen', { useTz: true })
      .notNullable()
      .comment(
        'Latest observation; rows not seen for the retention period are dropped',
      );
    table
      .bigInteger('count')
      .notNullable()
      .defaultTo(1)
      .comment('How many times it was observed');
    table.unique(['source_ref', 'target_ref', 'evidence_kind', 'detail'], {
      indexName: 'observed_dependencies_edge_uq',
    });
    table.index(['last_seen'], 'observed_dependencies_last_seen_idx');
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.dropTable('observed_dependencies');
};
