#!/bin/sh
# Run once by the postgres image, when it initialises an empty data directory, as POSTGRES_USER:
# the owner of the schema, which the migrate service connects as. Creates the login role the web
# service connects as (APP_DB_USER, APP_DB_PASSWORD). It owns nothing and gets its privileges from
# `manage.py grant_app_role`, which the migrate service runs after every migration.
# On a data directory that already exists, create the role by hand:
#   CREATE ROLE claims_app LOGIN PASSWORD '...';
set -eu
psql -v ON_ERROR_STOP=1 --no-psqlrc --username "$POSTGRES_USER" --dbname "$POSTGRES_DB" \
    -v app_user="${APP_DB_USER:?}" -v app_password="${APP_DB_PASSWORD:?}" <<'SQL'
SELECT format('CREATE ROLE %I LOGIN PASSWORD %L', :'app_user', :'app_password')
WHERE NOT EXISTS (SELECT FROM pg_roles WHERE rolname = :'app_user') \gexec
SQL
