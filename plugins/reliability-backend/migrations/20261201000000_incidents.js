// @ts-check

/**
 * Incidents, the entities they involve, their timelines, postmortems with action items, and
 * the pager webhook deliveries already applied.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('incidents', table => {
    table.comment('Incidents declared in the portal or by a pager webhook');
    table.bigIncrements('id').primary();
    table.string('title', 200).notNullable();
    table.string('severity', 8).notNullable().comment('SEV1 (worst) to SEV4');
    table
      .string('status', 16)
      .notNullable()
      .comment('investigating, identified, monitoring or resolved');
    table.string('cause', 16).notNullable().comment('hardware … unknown');
    table.string('mitigation', 16).nullable().comment('rollback … other');
    table.timestamp('started_at', { useTz: true }).notNullable();
    table.timestamp('detected_at', { useTz: true }).nullable();
    table.timestamp('declared_at', { useTz: true }).nullable();
    table.timestamp('mitigated_at', { useTz: true }).nullable();
    table.timestamp('resolved_at', { useTz: true }).nullable();
    table.string('commander', 255).nullable().comment('User entity ref');
    table.text('summary').nullable();
    table.text('impact').nullable();
    table.string('channel', 255).nullable();
    table.string('created_by', 255).notNullable();
    table.timestamp('created_at', { useTz: true }).notNullable();
    table.timestamp('updated_at', { useTz: true }).notNullable();
    table
      .integer('version')
      .notNullable()
      .comment(
        'Raised by one on every change; a write with another is refused',
      );
    table.index(['started_at', 'id'], 'incidents_started_idx');
    table.index(['status'], 'incidents_status_idx');
  });

  await knex.schema.createTable('incident_entities', table => {
    table.comment('The catalog entities an incident involves, and their role');
    table
      .bigInteger('incident_id')
      .unsigned()
      .notNullable()
      .references('id')
      .inTable('incidents')
      .onDelete('CASCADE');
    table.string('entity_ref', 255).notNullable();
    table.string('role', 16).notNullable().comment('root-cause or affected');
    table.primary(['incident_id', 'entity_ref']);
    table.index(['entity_ref'], 'incident_entities_ref_idx');
  });

  await knex.schema.createTable('incident_external_refs', table => {
    table.comment('The same incident in other systems, e.g. PagerDuty');
    table
      .bigInteger('incident_id')
      .unsigned()
      .notNullable()
      .references('id')
      .inTable('incidents')
      .onDelete('CASCADE');
    table.string('system', 64).notNullable();
    table.string('external_id', 255).notNullable();
    table.string('url', 2000).nullable();
    table.unique(['system', 'external_id'], {
      indexName: 'incident_external_refs_uq',
    });
  });

  await knex.schema.createTable('incident_timeline', table => {
    table.comment('What happened during an incident, in order');
    table.bigIncrements('id').primary();
    table
      .bigInteger('incident_id')
      .unsigned()
      .notNullable()
      .references('id')
      .inTable('incidents')
      .onDelete('CASCADE');
    table.timestamp('at', { useTz: true }).notNullable();
    table.string('author', 255).notNullable();
    table
      .string('kind', 16)
      .notNullable()
      .comment('note, action, status-change, alert or change');
    table.text('text').notNullable();
    table.index(['incident_id', 'at'], 'incident_timeline_at_idx');
  });

  await knex.schema.createTable('incident_postmortems', table => {
    table.comment('One blameless postmortem per incident');
    table
      .bigInteger('incident_id')
      .unsigned()
      .primary()
      .references('id')
      .inTable('incidents')
      .onDelete('CASCADE');
    table.text('symptom').notNullable();
    table.text('response').notNullable();
    table.text('cause').notNullable();
    table.text('trigger').nullable();
    table.text('detection').nullable();
    table.text('went_well').nullable();
    table.text('went_wrong').nullable();
    table.text('got_lucky').nullable();
    table.integer('version').notNullable();
    table.string('created_by', 255).notNullable();
    table.string('updated_by', 255).notNullable();
    table.timestamp('updated_at', { useTz: true }).notNullable();
  });

  await knex.schema.createTable('incident_action_items', table => {
    table.comment('Action items of a postmortem, in its order');
    table
      .bigInteger('incident_id')
      .unsigned()
      .notNullable()
      .references('incident_id')
      .inTable('incident_postmortems')
      .onDelete('CASCADE');
    table.integer('position').notNullable();
    table.string('text', 1000).notNullable();
    table
      .string('category', 16)
      .notNullable()
      .comment('prevent, detect or respond');
    table.string('owner_ref', 255).notNullable();
    table.string('due_date', 10).nullable().comment('YYYY-MM-DD');
    table.string('status', 8).notNullable().comment('open or done');
    table.string('link', 2000).nullable();
    table.primary(['incident_id', 'position']);
    table.index(['owner_ref', 'status'], 'incident_action_items_owner_idx');
  });

  await knex.schema.createTable('incident_webhook_deliveries', table => {
    table.comment(
      'Pager webhook deliveries and events already applied, so a repeat changes nothing',
    );
    table
      .string('delivery_key', 300)
      .primary()
      .comment('system:webhook id or system:event id');
    table.timestamp('received_at', { useTz: true }).notNullable();
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.dropTable('incident_webhook_deliveries');
  await knex.schema.dropTable('incident_action_items');
  await knex.schema.dropTable('incident_postmortems');
  await knex.schema.dropTable('incident_timeline');
  await knex.schema.dropTable('incident_external_refs');
  await knex.schema.dropTable('incident_entities');
  await knex.schema.dropTable('incidents');
};
