// @ts-check

/**
 * Drills (game days) of entities' runbooks: when each runbook was last exercised and how it went.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('runbook_drills', table => {
    table.comment('Drills of runbooks, one row per drill');
    table.bigIncrements('id').primary();
    table.string('entity_ref', 255).notNullable();
    table
      .string('runbook_url', 2000)
      .notNullable()
      .comment("One of the entity's runbook links when recorded");
    table.text('scenario').notNullable();
    table.timestamp('performed_at', { useTz: true }).notNullable();
    table
      .string('outcome', 16)
      .notNullable()
      .comment('passed, failed or partial');
    table.integer('minutes_to_mitigate').nullable();
    table
      .text('participants')
      .notNullable()
      .comment('JSON list of User entity refs');
    table.text('findings').notNullable();
    table.string('recorded_by', 255).notNullable();
    table.timestamp('recorded_at', { useTz: true }).notNullable();
    table.index(
      ['entity_ref', 'performed_at', 'id'],
      'runbook_drills_entity_idx',
    );
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.dropTable('runbook_drills');
};
