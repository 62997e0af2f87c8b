-- raw rows, one per measurement
CREATE TABLE measurements (taken_at timestamptz NOT NULL, x double precision);
-- one sketch per day (the day in the server's TimeZone)
CREATE TABLE daily_sketch (day date PRIMARY KEY, h fit_histogram NOT NULL);
-- the fits of the last 30 days (the columns of fit_distributions)
CREATE TABLE recent_fits AS
  SELECT * FROM fit_distributions(NULL::fit_histogram) WITH NO DATA;

CREATE PROCEDURE refresh_daily_fits() LANGUAGE sql AS $$
  -- re-sketch the last 7 days, so that rows arriving late are counted
  INSERT INTO daily_sketch (day, h)
    SELECT taken_at::date, fit_histogram(x) FROM measurements
    WHERE taken_at >= current_date - 7
    GROUP BY 1
  ON CONFLICT (day) DO UPDATE SET h = excluded.h;
  -- refit from the rollup of the stored sketches (equal to the sketch of all their rows)
  DELETE FROM recent_fits;
  INSERT INTO recent_fits
    SELECT * FROM fit_distributions(
      (SELECT fit_histogram(h) FROM daily_sketch WHERE day >= current_date - 30),
      ARRAY['norm', 'gamma', 'lognorm', 'weibull_min']);
$$;

-- every minute (pg_cron 1.4, Debian 12's; pg_cron >= 1.5 also takes '30 seconds')
SELECT cron.schedule('bestfit-refresh', '* * * * *', 'CALL refresh_daily_fits()');
