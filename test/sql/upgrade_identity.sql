-- Upgrade identity: a fresh CREATE EXTENSION bestfit and one created as
-- VERSION '0.1.0' then updated along the chain of upgrade scripts
-- (ALTER EXTENSION bestfit UPDATE) define identical objects.  Every member
-- of the extension, its functions, aggregates, types, casts, operators and
-- comments are collected in a form that does not depend on OIDs, saved in
-- temp tables, and compared both ways: any difference is printed (and the
-- test fails).
SET client_min_messages = warning;

-- the chain of upgrade scripts
SELECT source, target, path FROM pg_extension_update_paths('bestfit')
 WHERE path IS NOT NULL ORDER BY source, target;

-- What the extension defines, one row per object and aspect.  The view reads
-- only the catalogues, so it survives DROP EXTENSION.
CREATE TEMP VIEW bestfit_objects (kind, object, definition) AS
WITH ext AS (SELECT oid FROM pg_extension WHERE extname = 'bestfit'),
members AS (
  SELECT d.classid, d.objid, d.objsubid
    FROM pg_depend d, ext
   WHERE d.refclassid = 'pg_extension'::regclass AND d.refobjid = ext.oid AND d.deptype = 'e'),
types AS (   -- the member types and their array types
  SELECT t.oid FROM pg_type t JOIN members m ON m.classid = 'pg_type'::regclass AND m.objid = t.oid
  UNION
  SELECT a.oid FROM pg_type a JOIN members m ON m.classid = 'pg_type'::regclass AND a.typelem = m.objid
   WHERE a.typcategory = 'A')
-- membership: every object of the extension
SELECT 'member', i.type || ' ' || i.identity, NULL::text
  FROM members m, pg_identify_object(m.classid, m.objid, m.objsubid) i
UNION ALL
-- functions, procedures and aggregates as pg_proc sees them
SELECT 'pg_proc', p.oid::regprocedure::text, to_jsonb(x)::text
  FROM pg_proc p
  JOIN members m ON m.classid = 'pg_proc'::regclass AND m.objid = p.oid
 CROSS JOIN LATERAL (SELECT
    p.prokind, p.pronamespace::regnamespace::text AS namespace,
    pg_get_function_arguments(p.oid) AS arguments,
    pg_get_function_result(p.oid) AS result,
    p.prorettype::regtype::text AS rettype, p.proretset, p.pronargs, p.pronargdefaults,
    p.proargtypes::regtype[]::text AS argtypes, p.proallargtypes::regtype[]::text AS allargtypes,
    p.proargmodes, p.proargnames, p.provariadic::regtype::text AS variadic,
    (SELECT lanname FROM pg_language WHERE oid = p.prolang) AS language,
    p.prorows, p.procost, p.provolatile, p.proparallel, p.proisstrict, p.prosecdef,
    p.proleakproof, p.prosupport::regprocedure::text AS support, p.proconfig, p.proacl,
    p.protrftypes::regtype[]::text AS trftypes, p.prosrc, p.probin) x
UNION ALL
SELECT 'pg_aggregate', a.aggfnoid::regprocedure::text, to_jsonb(x)::text
  FROM pg_aggregate a
  JOIN members m ON m.classid = 'pg_proc'::regclass AND m.objid = a.aggfnoid
 CROSS JOIN LATERAL (SELECT
    a.aggkind, a.aggnumdirectargs,
    a.aggtransfn::regprocedure::text AS transfn, a.aggfinalfn::regprocedure::text AS finalfn,
    a.aggcombinefn::regprocedure::text AS combinefn,
    a.aggserialfn::regprocedure::text AS serialfn, a.aggdeserialfn::regprocedure::text AS deserialfn,
    a.aggmtransfn::regprocedure::text AS mtransfn, a.aggminvtransfn::regprocedure::text AS minvtransfn,
    a.aggmfinalfn::regprocedure::text AS mfinalfn,
    a.aggfinalextra, a.aggmfinalextra, a.aggfinalmodify, a.aggmfinalmodify,
    a.aggsortop::regoperator::text AS sortop,
    a.aggtranstype::regtype::text AS transtype, a.aggtransspace,
    a.aggmtranstype::regtype::text AS mtranstype, a.aggmtransspace,
    a.agginitval, a.aggminitval) x
UNION ALL
SELECT 'pg_type', t.oid::regtype::text, to_jsonb(x)::text
  FROM pg_type t
  JOIN types USING (oid)
 CROSS JOIN LATERAL (SELECT
    t.typnamespace::regnamespace::text AS namespace, t.typlen, t.typbyval, t.typtype,
    t.typcategory, t.typispreferred, t.typisdefined, t.typdelim, t.typrelid::regclass::text AS rel,
    t.typsubscript::regprocedure::text AS subscript, t.typelem::regtype::text AS elem,
    t.typarray::regtype::text AS array,
    t.typinput::regprocedure::text AS input, t.typoutput::regprocedure::text AS output,
    t.typreceive::regprocedure::text AS receive, t.typsend::regprocedure::text AS send,
    t.typmodin::regprocedure::text AS modin, t.typmodout::regprocedure::text AS modout,
    t.typanalyze::regprocedure::text AS analyze, t.typalign, t.typstorage, t.typnotnull,
    t.typbasetype::regtype::text AS basetype, t.typtypmod, t.typndims,
    t.typcollation, t.typdefault, t.typacl) x
UNION ALL
SELECT 'pg_cast', format('(%s AS %s)', c.castsource::regtype, c.casttarget::regtype), to_jsonb(x)::text
  FROM pg_cast c
 CROSS JOIN LATERAL (SELECT
    c.castfunc::regprocedure::text AS func, c.castcontext, c.castmethod) x
 WHERE c.castsource IN (SELECT oid FROM types) OR c.casttarget IN (SELECT oid FROM types)
    OR c.oid IN (SELECT objid FROM members WHERE classid = 'pg_cast'::regclass)
UNION ALL
SELECT 'pg_operator', o.oid::regoperator::text, to_jsonb(x)::text
  FROM pg_operator o
  JOIN members m ON m.classid = 'pg_operator'::regclass AND m.objid = o.oid
 CROSS JOIN LATERAL (SELECT
    o.oprkind, o.oprcanmerge, o.oprcanhash, o.oprresult::regtype::text AS result,
    o.oprcom::regoperator::text AS com, o.oprnegate::regoperator::text AS negate,
    o.oprcode::regprocedure::text AS code, o.oprrest::regprocedure::text AS rest,
    o.oprjoin::regprocedure::text AS join) x
UNION ALL
-- comments on every member (and on the extension itself)
SELECT 'comment', i.type || ' ' || i.identity, obj_description(m.objid, c.relname::text)
  FROM members m
  JOIN pg_class c ON c.oid = m.classid
 CROSS JOIN LATERAL pg_identify_object(m.classid, m.objid, m.objsubid) i
UNION ALL
SELECT 'comment', 'extension bestfit', obj_description(ext.oid, 'pg_extension') FROM ext
UNION ALL
SELECT 'pg_extension', e.extname, to_jsonb(x)::text
  FROM pg_extension e
 CROSS JOIN LATERAL (SELECT
    e.extnamespace::regnamespace::text AS namespace, e.extrelocatable, e.extversion,
    e.extconfig::regclass[]::text AS config, e.extcondition) x
 WHERE e.extname = 'bestfit';

-- a fresh install of the current version
DROP EXTENSION IF EXISTS bestfit CASCADE;
CREATE EXTENSION bestfit;
SELECT extversion FROM pg_extension WHERE extname = 'bestfit';
CREATE TEMP TABLE fresh AS SELECT * FROM bestfit_objects;

-- 0.1.0, updated along the chain to the current version (installing 0.2.0
-- runs the same scripts: 0.1.0, then 0.1.0--0.2.0)
DROP EXTENSION bestfit;
CREATE EXTENSION bestfit VERSION '0.1.0';
ALTER EXTENSION bestfit UPDATE;
SELECT extversion FROM pg_extension WHERE extname = 'bestfit';
CREATE TEMP TABLE upgraded AS SELECT * FROM bestfit_objects;

-- what was collected (so that an empty difference means something)
SELECT kind, count(*) AS fresh,
       (SELECT count(*) FROM upgraded u WHERE u.kind = f.kind) AS upgraded
  FROM fresh f GROUP BY kind ORDER BY kind;
-- every object has a COMMENT ON
SELECT object AS uncommented FROM fresh WHERE kind = 'comment' AND definition IS NULL;

-- the difference, both ways: must be empty
(SELECT 'only fresh' AS side, * FROM fresh EXCEPT SELECT 'only fresh', * FROM upgraded)
UNION ALL
(SELECT 'only upgraded', * FROM upgraded EXCEPT SELECT 'only upgraded', * FROM fresh)
ORDER BY kind, object, side;

DROP VIEW bestfit_objects;
