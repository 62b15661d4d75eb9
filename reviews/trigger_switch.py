"""Who may switch django-pgtrigger's triggers off: only members of the owner's role.

django-pgtrigger lets any session skip its triggers (SET pgtrigger.ignore = '{name}'): row history
and the models' append-only and immutability rules (core.triggers). Its check function is replaced
so that the application role cannot; grant_app_role (reviews.app_role) installs it with the grants.
"""

PGTRIGGER_IGNORE_FUNCTION = """
CREATE OR REPLACE FUNCTION "public"._pgtrigger_should_ignore(trigger_name NAME) RETURNS BOOLEAN AS $$
    DECLARE
        _pgtrigger_ignore TEXT[];
        _result BOOLEAN;
    BEGIN
        -- pgtrigger.ignore is a setting any session may set: honoured for the owner's role only.
        IF NOT pg_has_role(current_user, {owner}, 'MEMBER') THEN
            RETURN FALSE;
        END IF;
        BEGIN
            SELECT INTO _pgtrigger_ignore CURRENT_SETTING('pgtrigger.ignore');
            EXCEPTION WHEN OTHERS THEN
        END;
        IF _pgtrigger_ignore IS NOT NULL THEN
            SELECT trigger_name = ANY(_pgtrigger_ignore) INTO _result;
            RETURN _result;
        ELSE
            RETURN FALSE;
        END IF;
    END;
$$ LANGUAGE plpgsql
"""


def owner_only_trigger_switch(cursor, owner: str) -> None:
    """Row history (django-pghistory) and the models' append-only and immutability rules are
    django-pgtrigger triggers, which skip themselves when the session lists them in pgtrigger.ignore;
    a migration that installs a pgtrigger trigger puts the original function back, hence this runs
    after every migrate, with the grants."""
    cursor.execute("SELECT to_regprocedure('public._pgtrigger_should_ignore(name)') IS NOT NULL")
    if cursor.fetchone()[0]:
        cursor.execute(PGTRIGGER_IGNORE_FUNCTION.replace("{owner}", "'" + owner.replace("'", "''") + "'"))
