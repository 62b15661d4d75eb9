"""The append-only and immutability rules of this app's tables become django-pgtrigger triggers
declared on the models (Meta.triggers, core.triggers): contributors, publications' side tables and
the changes feed append-only; a publication never deleted, its content frozen, `is_current` only
from true to false and `withdrawn_at` only from empty to a time; a review keeps its id and claim,
and a standing approval is frozen; TRUNCATE refused on each (and on the row-history tables). The
rules generated from the workflow table stay in reviews.db_rules.

The raw triggers they replace are dropped (PostgreSQL): those reviews.db_rules installed after every
migrate until now, and those of reviews 0006, which a fresh migrate would otherwise install again.
Reversed, only the pgtrigger triggers go: the earlier release's post-migrate hook installs its own
again."""

import pgtrigger.compiler
import pgtrigger.migrations
from django.db import migrations


def _drop(schema_editor, triggers, functions=()):
    """PostgreSQL only: on SQLite the triggers of these names are reviews.db_rules.sqlite's, kept."""
    if schema_editor.connection.vendor != "postgresql":
        return
    for table, name in triggers:
        schema_editor.execute(f'DROP TRIGGER IF EXISTS "{name}" ON "{table}"')
    for function in functions:
        schema_editor.execute(f"DROP FUNCTION IF EXISTS {function}")


APPEND_ONLY_TABLES = (
    "reviews_reviewcontribution",
    "reviews_publicationchange",
    "reviews_publicationcondition",
    "reviews_publicationremedyname",
    "reviews_publicationsource",
    "reviews_contraindicationevent",
    "reviews_domainjudgementevent",
    "reviews_referenceevent",
    "reviews_reviewevent",
    "reviews_reviewreferenceevent",
)
RAW_TRIGGERS = [
    # reviews.db_rules, after every migrate
    *[(table, f"{table}_{rule}") for table in APPEND_ONLY_TABLES for rule in ("append_only", "no_truncate")],
    ("reviews_publication", "reviews_publication_no_truncate"),
    # reviews 0006
    ("reviews_publication", "reviews_publication_content_frozen"),
    ("reviews_publication", "reviews_publication_no_delete"),
    ("reviews_publicationchange", "reviews_publicationchange_no_update"),
    ("reviews_publicationchange", "reviews_publicationchange_no_delete"),
]


def drop_raw_triggers(apps, schema_editor):
    # The shared function goes last: audit 0002 and claims 0005 dropped its other triggers.
    _drop(schema_editor, RAW_TRIGGERS, ["reviews_refuse_change()", "reviews_refuse_append_only_change()"])


class Migration(migrations.Migration):

    dependencies = [
        ('reviews', '0014_apitoken_replaced_by_knox'),
        ('audit', '0002_append_only_by_pgtrigger'),
        ('claims', '0005_row_history_no_truncate'),
    ]

    operations = [
        pgtrigger.migrations.AddTrigger(
            model_name='contraindicationevent',
            trigger=pgtrigger.compiler.Trigger(name='no_truncate', sql=pgtrigger.compiler.UpsertTriggerSql(func="IF current_setting('reviews.allow_truncate', true) = 'on' AND (SELECT rolsuper FROM pg_roles WHERE rolname = current_user) THEN RETURN NULL; END IF; RAISE EXCEPTION '% on %: the table is append-only', TG_OP, TG_TABLE_NAME USING ERRCODE = 'insufficient_privilege';", hash='6cecba7c3fa8a766e2545e742b4aee3a906e0e32', level='STATEMENT', operation='TRUNCATE', pgid='pgtrigger_no_truncate_47987', table='reviews_contraindicationevent', when='BEFORE')),
        ),
        pgtrigger.migrations.AddTrigger(
            model_name='domainjudgementevent',
            trigger=pgtrigger.compiler.Trigger(name='no_truncate', sql=pgtrigger.compiler.UpsertTriggerSql(func="IF current_setting('reviews.allow_truncate', true) = 'on' AND (SELECT rolsuper FROM pg_roles WHERE rolname = current_user) THEN RETURN NULL; END IF; RAISE EXCEPTION '% on %: the table is append-only', TG_OP, TG_TABLE_NAME USING ERRCODE = 'insufficient_privilege';", hash='ec20be5e433e34300d616231980c488fbd556539', level='STATEMENT', operation='TRUNCATE', pgid='pgtrigger_no_truncate_fa789', table='reviews_domainjudgementevent', when='BEFORE')),
        ),
        pgtrigger.migrations.AddTrigger(
            model_name='publication',
            trigger=pgtrigger.compiler.Trigger(name='no_truncate', sql=pgtrigger.compiler.UpsertTriggerSql(func="IF current_setting('reviews.allow_truncate', true) = 'on' AND (SELECT rolsuper FROM pg_roles WHERE rolname = current_user) THEN RETURN NULL; END IF; RAISE EXCEPTION '% on %: the table is append-only', TG_OP, TG_TABLE_NAME USING ERRCODE = 'insufficient_privilege';", hash='4c2216aec2ee99aa1df1fc9eed64c8bffea19584', level='STATEMENT', operation='TRUNCATE', pgid='pgtrigger_no_truncate_b4762', table='reviews_publication', when='BEFORE')),
        ),
        pgtrigger.migrations.AddTrigger(
            model_name='publication',
            trigger=pgtrigger.compiler.Trigger(name='no_delete', sql=pgtrigger.compiler.UpsertTriggerSql(func="RAISE EXCEPTION '% on %: published data is immutable', TG_OP, TG_TABLE_NAME USING ERRCODE = 'insufficient_privilege';", hash='d29c4fdc2c2b3bd719877b5ab6f9742c4df05254', operation='DELETE', pgid='pgtrigger_no_delete_70cc1', table='reviews_publication', when='BEFORE')),
        ),
        pgtrigger.migrations.AddTrigger(
            model_name='publication',
            trigger=pgtrigger.compiler.Trigger(name='content_frozen', sql=pgtrigger.compiler.UpsertTriggerSql(condition='WHEN (OLD."id" IS DISTINCT FROM (NEW."id") OR OLD."claim_id" IS DISTINCT FROM (NEW."claim_id") OR OLD."review_id" IS DISTINCT FROM (NEW."review_id") OR OLD."version" IS DISTINCT FROM (NEW."version") OR OLD."snapshot" IS DISTINCT FROM (NEW."snapshot") OR OLD."approved_hash" IS DISTINCT FROM (NEW."approved_hash") OR OLD."remedy_id" IS DISTINCT FROM (NEW."remedy_id") OR OLD."remedy_name" IS DISTINCT FROM (NEW."remedy_name") OR OLD."category" IS DISTINCT FROM (NEW."category") OR OLD."kind" IS DISTINCT FROM (NEW."kind") OR OLD."population" IS DISTINCT FROM (NEW."population") OR OLD."risk_tier" IS DISTINCT FROM (NEW."risk_tier") OR OLD."certainty" IS DISTINCT FROM (NEW."certainty") OR OLD."recommendation" IS DISTINCT FROM (NEW."recommendation") OR OLD."search_text" IS DISTINCT FROM (NEW."search_text") OR OLD."change_note" IS DISTINCT FROM (NEW."change_note") OR OLD."published_by_id" IS DISTINCT FROM (NEW."published_by_id") OR OLD."published_at" IS DISTINCT FROM (NEW."published_at"))', func="RAISE EXCEPTION '% on %: published data is immutable', TG_OP, TG_TABLE_NAME USING ERRCODE = 'insufficient_privilege';", hash='9946540cff8865e4e58477385be7050dc8b45f85', operation='UPDATE', pgid='pgtrigger_content_frozen_0ecb7', table='reviews_publication', when='BEFORE')),
        ),
        pgtrigger.migrations.AddTrigger(
            model_name='publication',
            trigger=pgtrigger.compiler.Trigger(name='status_one_way', sql=pgtrigger.compiler.UpsertTriggerSql(condition='WHEN ((NEW."is_current" IS NOT DISTINCT FROM true AND OLD."is_current" IS NOT DISTINCT FROM false) OR (OLD."withdrawn_at" IS DISTINCT FROM (NEW."withdrawn_at") AND OLD."withdrawn_at" IS NOT NULL))', func="RAISE EXCEPTION 'publication %: a superseded or withdrawn version does not come back', OLD.id USING ERRCODE = 'check_violation';", hash='3da28b3497304daed4e036384d0627a1e8d2ba06', operation='UPDATE', pgid='pgtrigger_status_one_way_9585c', table='reviews_publication', when='BEFORE')),
        ),
        pgtrigger.migrations.AddTrigger(
            model_name='publicationchange',
            trigger=pgtrigger.compiler.Trigger(name='append_only', sql=pgtrigger.compiler.UpsertTriggerSql(func="RAISE EXCEPTION '% on %: the table is append-only', TG_OP, TG_TABLE_NAME USING ERRCODE = 'insufficient_privilege';", hash='b787224ffb3e34f6d56970220a292a465b7c5ba0', operation='UPDATE OR DELETE', pgid='pgtrigger_append_only_d133b', table='reviews_publicationchange', when='BEFORE')),
        ),
        pgtrigger.migrations.AddTrigger(
            model_name='publicationchange',
            trigger=pgtrigger.compiler.Trigger(name='no_truncate', sql=pgtrigger.compiler.UpsertTriggerSql(func="IF current_setting('reviews.allow_truncate', true) = 'on' AND (SELECT rolsuper FROM pg_roles WHERE rolname = current_user) THEN RETURN NULL; END IF; RAISE EXCEPTION '% on %: the table is append-only', TG_OP, TG_TABLE_NAME USING ERRCODE = 'insufficient_privilege';", hash='20851d356057bb2f7ef69be3da880796b7514186', level='STATEMENT', operation='TRUNCATE', pgid='pgtrigger_no_truncate_c71af', table='reviews_publicationchange', when='BEFORE')),
        ),
        pgtrigger.migrations.AddTrigger(
            model_name='publicationcondition',
            trigger=pgtrigger.compiler.Trigger(name='append_only', sql=pgtrigger.compiler.UpsertTriggerSql(func="RAISE EXCEPTION '% on %: the table is append-only', TG_OP, TG_TABLE_NAME USING ERRCODE = 'insufficient_privilege';", hash='481faaf147463d9909d491546ec8a853342f0ade', operation='UPDATE OR DELETE', pgid='pgtrigger_append_only_a8af1', table='reviews_publicationcondition', when='BEFORE')),
        ),
        pgtrigger.migrations.AddTrigger(
            model_name='publicationcondition',
            trigger=pgtrigger.compiler.Trigger(name='no_truncate', sql=pgtrigger.compiler.UpsertTriggerSql(func="IF current_setting('reviews.allow_truncate', true) = 'on' AND (SELECT rolsuper FROM pg_roles WHERE rolname = current_user) THEN RETURN NULL; END IF; RAISE EXCEPTION '% on %: the table is append-only', TG_OP, TG_TABLE_NAME USING ERRCODE = 'insufficient_privilege';", hash='33bd098bf798c1a742e957837bfcec6c8d767d13', level='STATEMENT', operation='TRUNCATE', pgid='pgtrigger_no_truncate_ebe86', table='reviews_publicationcondition', when='BEFORE')),
        ),
        pgtrigger.migrations.AddTrigger(
            model_name='publicationremedyname',
            trigger=pgtrigger.compiler.Trigger(name='append_only', sql=pgtrigger.compiler.UpsertTriggerSql(func="RAISE EXCEPTION '% on %: the table is append-only', TG_OP, TG_TABLE_NAME USING ERRCODE = 'insufficient_privilege';", hash='ae2332744f1190a6ff205fcb466014bbf0d10edc', operation='UPDATE OR DELETE', pgid='pgtrigger_append_only_e3e41', table='reviews_publicationremedyname', when='BEFORE')),
        ),
        pgtrigger.migrations.AddTrigger(
            model_name='publicationremedyname',
            trigger=pgtrigger.compiler.Trigger(name='no_truncate', sql=pgtrigger.compiler.UpsertTriggerSql(func="IF current_setting('reviews.allow_truncate', true) = 'on' AND (SELECT rolsuper FROM pg_roles WHERE rolname = current_user) THEN RETURN NULL; END IF; RAISE EXCEPTION '% on %: the table is append-only', TG_OP, TG_TABLE_NAME USING ERRCODE = 'insufficient_privilege';", hash='baf1dd75047641020c1caa11a4d6f0cbe669ec1f', level='STATEMENT', operation='TRUNCATE', pgid='pgtrigger_no_truncate_9826c', table='reviews_publicationremedyname', when='BEFORE')),
        ),
        pgtrigger.migrations.AddTrigger(
            model_name='publicationsource',
            trigger=pgtrigger.compiler.Trigger(name='append_only', sql=pgtrigger.compiler.UpsertTriggerSql(func="RAISE EXCEPTION '% on %: the table is append-only', TG_OP, TG_TABLE_NAME USING ERRCODE = 'insufficient_privilege';", hash='df66671d1a48adae915ad3907b6e84577aff5524', operation='UPDATE OR DELETE', pgid='pgtrigger_append_only_f2852', table='reviews_publicationsource', when='BEFORE')),
        ),
        pgtrigger.migrations.AddTrigger(
            model_name='publicationsource',
            trigger=pgtrigger.compiler.Trigger(name='no_truncate', sql=pgtrigger.compiler.UpsertTriggerSql(func="IF current_setting('reviews.allow_truncate', true) = 'on' AND (SELECT rolsuper FROM pg_roles WHERE rolname = current_user) THEN RETURN NULL; END IF; RAISE EXCEPTION '% on %: the table is append-only', TG_OP, TG_TABLE_NAME USING ERRCODE = 'insufficient_privilege';", hash='f09e1ef612b56ae21e86d862c6bbcac2b777a757', level='STATEMENT', operation='TRUNCATE', pgid='pgtrigger_no_truncate_57faf', table='reviews_publicationsource', when='BEFORE')),
        ),
        pgtrigger.migrations.AddTrigger(
            model_name='referenceevent',
            trigger=pgtrigger.compiler.Trigger(name='no_truncate', sql=pgtrigger.compiler.UpsertTriggerSql(func="IF current_setting('reviews.allow_truncate', true) = 'on' AND (SELECT rolsuper FROM pg_roles WHERE rolname = current_user) THEN RETURN NULL; END IF; RAISE EXCEPTION '% on %: the table is append-only', TG_OP, TG_TABLE_NAME USING ERRCODE = 'insufficient_privilege';", hash='34c1d65f05be445d67d53af27574834cde035872', level='STATEMENT', operation='TRUNCATE', pgid='pgtrigger_no_truncate_b4356', table='reviews_referenceevent', when='BEFORE')),
        ),
        pgtrigger.migrations.AddTrigger(
            model_name='review',
            trigger=pgtrigger.compiler.Trigger(name='keeps_its_claim', sql=pgtrigger.compiler.UpsertTriggerSql(condition='WHEN (OLD."id" IS DISTINCT FROM (NEW."id") OR OLD."claim_id" IS DISTINCT FROM (NEW."claim_id"))', func="RAISE EXCEPTION 'review %: a review keeps its id and its claim', OLD.id USING ERRCODE = 'check_violation';", hash='924b3cef5c99943335bfa2647b61ad337ae90b03', operation='UPDATE', pgid='pgtrigger_keeps_its_claim_87a2f', table='reviews_review', when='BEFORE')),
        ),
        pgtrigger.migrations.AddTrigger(
            model_name='review',
            trigger=pgtrigger.compiler.Trigger(name='approval_frozen', sql=pgtrigger.compiler.UpsertTriggerSql(condition='WHEN (NEW."state" = \'approved\' AND OLD."state" = \'approved\' AND (OLD."approved_hash" IS DISTINCT FROM (NEW."approved_hash") OR OLD."approved_snapshot" IS DISTINCT FROM (NEW."approved_snapshot") OR OLD."decided_by_id" IS DISTINCT FROM (NEW."decided_by_id")))', func="RAISE EXCEPTION 'review %: an approval is frozen', OLD.id USING ERRCODE = 'check_violation';", hash='22a33cfea828fab565f4386018dd31f31cfcf742', operation='UPDATE', pgid='pgtrigger_approval_frozen_0900b', table='reviews_review', when='BEFORE')),
        ),
        pgtrigger.migrations.AddTrigger(
            model_name='reviewcontribution',
            trigger=pgtrigger.compiler.Trigger(name='append_only', sql=pgtrigger.compiler.UpsertTriggerSql(func="RAISE EXCEPTION '% on %: the table is append-only', TG_OP, TG_TABLE_NAME USING ERRCODE = 'insufficient_privilege';", hash='ca627b9c79d834f53e10d22128b4930d312b470b', operation='UPDATE OR DELETE', pgid='pgtrigger_append_only_0d0f3', table='reviews_reviewcontribution', when='BEFORE')),
        ),
        pgtrigger.migrations.AddTrigger(
            model_name='reviewcontribution',
            trigger=pgtrigger.compiler.Trigger(name='no_truncate', sql=pgtrigger.compiler.UpsertTriggerSql(func="IF current_setting('reviews.allow_truncate', true) = 'on' AND (SELECT rolsuper FROM pg_roles WHERE rolname = current_user) THEN RETURN NULL; END IF; RAISE EXCEPTION '% on %: the table is append-only', TG_OP, TG_TABLE_NAME USING ERRCODE = 'insufficient_privilege';", hash='0d64a1504893316f362032d10dc4ff26316318fd', level='STATEMENT', operation='TRUNCATE', pgid='pgtrigger_no_truncate_46767', table='reviews_reviewcontribution', when='BEFORE')),
        ),
        pgtrigger.migrations.AddTrigger(
            model_name='reviewevent',
            trigger=pgtrigger.compiler.Trigger(name='no_truncate', sql=pgtrigger.compiler.UpsertTriggerSql(func="IF current_setting('reviews.allow_truncate', true) = 'on' AND (SELECT rolsuper FROM pg_roles WHERE rolname = current_user) THEN RETURN NULL; END IF; RAISE EXCEPTION '% on %: the table is append-only', TG_OP, TG_TABLE_NAME USING ERRCODE = 'insufficient_privilege';", hash='7f09f7e3efeb0b710a89acdeda2e0eb91ab0fd46', level='STATEMENT', operation='TRUNCATE', pgid='pgtrigger_no_truncate_f322a', table='reviews_reviewevent', when='BEFORE')),
        ),
        pgtrigger.migrations.AddTrigger(
            model_name='reviewreferenceevent',
            trigger=pgtrigger.compiler.Trigger(name='no_truncate', sql=pgtrigger.compiler.UpsertTriggerSql(func="IF current_setting('reviews.allow_truncate', true) = 'on' AND (SELECT rolsuper FROM pg_roles WHERE rolname = current_user) THEN RETURN NULL; END IF; RAISE EXCEPTION '% on %: the table is append-only', TG_OP, TG_TABLE_NAME USING ERRCODE = 'insufficient_privilege';", hash='65eed4dc4165a2eed9f1f4dcfb935cf9602aa6df', level='STATEMENT', operation='TRUNCATE', pgid='pgtrigger_no_truncate_dd7dc', table='reviews_reviewreferenceevent', when='BEFORE')),
        ),
        migrations.RunPython(drop_raw_triggers, migrations.RunPython.noop),
    ]
