// Backstage's database manager does not destroy SQLite clients when a backend stops (it keeps
// them for in-memory development databases), so every test backend leaves a knex pool behind
// whose idle-connection reaper, a tarn setInterval, keeps the Jest worker alive: "A worker
// process has failed to exit gracefully". Unref'ing that interval lets the worker exit once its
// tests are done; what the pool does while they run is unchanged.
const { Pool } = require('tarn');

const startReaping = Pool.prototype._startReaping;
Pool.prototype._startReaping = function startReapingUnref() {
  startReaping.call(this);
  this.interval?.unref?.();
};
