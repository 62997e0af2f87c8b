-- on the coordinator (each shard: CREATE EXTENSION bestfit, and its table readings
-- with the rows of its partition; psql variables: host, port1, port2, port3)
CREATE EXTENSION bestfit;
CREATE EXTENSION postgres_fdw;
-- extensions 'bestfit': bestfit's functions and aggregates may run on the shard;
-- async_capable: the shards' scans run at the same time
CREATE SERVER shard1 FOREIGN DATA WRAPPER postgres_fdw OPTIONS (host :'host', port :'port1',
  dbname 'postgres', extensions 'bestfit', async_capable 'true');
CREATE SERVER shard2 FOREIGN DATA WRAPPER postgres_fdw OPTIONS (host :'host', port :'port2',
  dbname 'postgres', extensions 'bestfit', async_capable 'true');
CREATE SERVER shard3 FOREIGN DATA WRAPPER postgres_fdw OPTIONS (host :'host', port :'port3',
  dbname 'postgres', extensions 'bestfit', async_capable 'true');
-- the role on the shards (a user that is not a superuser also gives its password '...')
CREATE USER MAPPING FOR CURRENT_USER SERVER shard1 OPTIONS (user 'postgres');
CREATE USER MAPPING FOR CURRENT_USER SERVER shard2 OPTIONS (user 'postgres');
CREATE USER MAPPING FOR CURRENT_USER SERVER shard3 OPTIONS (user 'postgres');

-- one table, one foreign partition per shard
CREATE TABLE readings (shard int NOT NULL, x double precision) PARTITION BY LIST (shard);
CREATE FOREIGN TABLE readings_1 PARTITION OF readings FOR VALUES IN (1)
  SERVER shard1 OPTIONS (table_name 'readings');
CREATE FOREIGN TABLE readings_2 PARTITION OF readings FOR VALUES IN (2)
  SERVER shard2 OPTIONS (table_name 'readings');
CREATE FOREIGN TABLE readings_3 PARTITION OF readings FOR VALUES IN (3)
  SERVER shard3 OPTIONS (table_name 'readings');

-- each shard sketches its own rows (a whole aggregate per partition, pushed down:
-- this needs partitionwise aggregation), the coordinator merges the sketches
ALTER DATABASE postgres SET enable_partitionwise_aggregate = on;
CREATE VIEW readings_rollup AS
  SELECT fit_histogram(h) AS h
  FROM (SELECT shard, fit_histogram(x) AS h FROM readings GROUP BY shard) per_shard;
