// DuckDB's side of tests/bench/bench, through its Node.js client
// (@duckdb/node-api, installed by tests/bench/bench in its work directory,
// where this file is copied so that the import resolves): per channel,
// leads, customers (customer_at set), the rate, and the mean days from
// created_at to customer_at over the customers, in one SQL query on
// read_csv.  The columns are given, not sniffed; quote and escape are '"',
// and DuckDB's reader takes line breaks inside quoted fields as it is.
//   node bench-duckdb.mjs FILE THREADS
import { DuckDBInstance } from '@duckdb/node-api';

const [file, threads] = process.argv.slice(2);
if (!file || !(Number(threads) >= 1)) {
	console.error('usage: node bench-duckdb.mjs FILE THREADS');
	process.exit(64);
}
const db = await DuckDBInstance.create(':memory:');
const con = await db.connect();
await con.run(`SET threads = ${Number(threads)}`);
const v = 'VARCHAR', ts = 'TIMESTAMP';
const columns = {
	id: v, company: v, channel: v, segment: v, created_at: ts, mql_at: v,
	sql_at: v, opportunity_at: v, customer_at: ts, lost_at: v, amount: v,
	mrr: v, notes: v,
};
const cols = Object.entries(columns).map(([k, t]) => `'${k}': '${t}'`).join(', ');
const path = file.replaceAll("'", "''");
const r = await con.runAndReadAll(`
	SELECT channel, count(*) AS leads, count(customer_at) AS customers,
	       count(customer_at) / count(*) AS rate,
	       avg(epoch(customer_at) - epoch(created_at)) / 86400 AS mean_days
	FROM read_csv('${path}', header = true, delim = ',', quote = '"',
	              escape = '"', timestampformat = '%Y-%m-%dT%H:%M:%SZ',
	              columns = {${cols}})
	GROUP BY channel ORDER BY channel`);
console.log('channel,leads,customers,rate,mean_days');
for (const row of r.getRows())
	console.log(row.map((x) => (x === null ? '' : String(x))).join(','));
