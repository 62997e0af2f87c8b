-- Bad input quoted in error messages in a database whose encoding is not
-- UTF-8 (issue 11, loose parsing): the core cuts a quote after at most 64
-- bytes at a UTF-8 character boundary, which can split a two-byte EUC_JP
-- character; the error report itself then failed with "invalid byte
-- sequence for encoding" instead of the parser's error.  The SQL layer now
-- keeps the valid prefix of the message, followed by "...".
\set VERBOSITY default
\set regress_db :DBNAME
CREATE DATABASE bestfit_regress_eucjp ENCODING 'EUC_JP' TEMPLATE template0
    LC_COLLATE 'C' LC_CTYPE 'C';
\c bestfit_regress_eucjp
SET client_encoding = 'UTF8';
SET client_min_messages = warning;
CREATE EXTENSION bestfit;
-- U+3068 is A4 C8 in EUC_JP: the 64-byte cut falls inside a character
SELECT ('norm(-' || repeat(U&'\3068', 40) || ')')::distribution;
SELECT ('norm(loc=' || repeat(U&'\3068', 40) || ')')::distribution;
SELECT ('v1;level=0;nan=0;posinf=0;neginf=0;min=' || repeat(U&'\3068', 40))::fit_histogram;
-- a short quote is whole
SELECT ('norm(loc=' || repeat(U&'\3068', 3) || ')')::distribution;
\c :regress_db
DROP DATABASE bestfit_regress_eucjp;
