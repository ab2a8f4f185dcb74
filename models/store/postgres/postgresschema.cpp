#include "postgresschema.h"

#include "postgresconnection.h"

#include <QSqlQuery>
#include <QStringBuilder>

namespace annorev::PostgresSchema {

namespace {

// Version 1: the tables, and the server-side rules that keep them honest.
const QString tablesV1 = QStringLiteral(R"sql(
CREATE SCHEMA annorev;
CREATE TABLE annorev.meta (key text PRIMARY KEY, value text NOT NULL);

-- A team batch: a name, and what the last import read (the importer's paths, for messages).
CREATE TABLE annorev.batches (
    id bigserial PRIMARY KEY,
    name text NOT NULL UNIQUE,
    inputs text NOT NULL DEFAULT '',
    input_errors text NOT NULL DEFAULT '[]',
    created_at timestamptz NOT NULL DEFAULT now(),
    created_by text NOT NULL DEFAULT session_user);

-- A document and its review. version grows with every change of its text, decision or source
-- flags; a write states the version it was made on and is refused on any other.
CREATE TABLE annorev.documents (
    batch bigint NOT NULL REFERENCES annorev.batches (id),
    id text COLLATE "C" NOT NULL,
    position bigint NOT NULL,
    layout text NOT NULL,
    source_path text NOT NULL,
    relative_path text NOT NULL,
    source_line integer NOT NULL,
    source_hash bytea NOT NULL,
    source_text bytea NOT NULL,
    tagged_text bytea NOT NULL,
    json_line bytea,
    text_token_begin bigint NOT NULL,
    text_token_end bigint NOT NULL,
    status text NOT NULL DEFAULT 'unreviewed'
        CHECK (status IN ('unreviewed', 'approved', 'rejected', 'needs-work')),
    note text NOT NULL DEFAULT '',
    reviewer text NOT NULL DEFAULT '',
    changed_at timestamptz,
    source_changed boolean NOT NULL DEFAULT false,
    missing boolean NOT NULL DEFAULT false,
    errors integer NOT NULL,
    warnings integer NOT NULL,
    infos integer NOT NULL,
    facts text NOT NULL,
    plain_text text NOT NULL,
    version bigint NOT NULL DEFAULT 1,
    written_by text NOT NULL DEFAULT session_user,
    written_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (batch, id));
CREATE INDEX documents_order ON annorev.documents (batch, position, id);
-- What claim() walks: the unreviewed documents in batch order, without the decided ones.
CREATE INDEX documents_unreviewed ON annorev.documents (batch, position, id)
    WHERE status = 'unreviewed' AND NOT missing;

CREATE TABLE annorev.audit (
    seq bigserial PRIMARY KEY,
    batch bigint NOT NULL,
    document_id text COLLATE "C" NOT NULL,
    reviewer text NOT NULL DEFAULT session_user,
    at timestamptz NOT NULL DEFAULT now(),
    action text NOT NULL,
    status_before text,
    status_after text,
    text_before bytea,
    text_after bytea,
    note text,
    FOREIGN KEY (batch, document_id) REFERENCES annorev.documents (batch, id));
CREATE INDEX audit_document ON annorev.audit (batch, document_id, seq);

CREATE TABLE annorev.rounds (
    seq bigserial PRIMARY KEY,
    batch bigint NOT NULL REFERENCES annorev.batches (id),
    name text NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    created_by text NOT NULL DEFAULT session_user,
    seed numeric(20) NOT NULL,
    requested_size bigint NOT NULL,
    statuses text NOT NULL,
    stratify text NOT NULL CHECK (stratify IN ('', 'label', 'rule')),
    UNIQUE (batch, name));
CREATE TABLE annorev.round_documents (
    batch bigint NOT NULL,
    round text NOT NULL,
    position bigint NOT NULL,
    document_id text COLLATE "C" NOT NULL,
    stratum text NOT NULL,
    PRIMARY KEY (batch, round, document_id),
    UNIQUE (batch, round, position),
    FOREIGN KEY (batch, round) REFERENCES annorev.rounds (batch, name),
    FOREIGN KEY (batch, document_id) REFERENCES annorev.documents (batch, id));
CREATE TABLE annorev.judgements (
    seq bigserial PRIMARY KEY,
    batch bigint NOT NULL,
    round text NOT NULL,
    document_id text COLLATE "C" NOT NULL,
    verdict text NOT NULL CHECK (verdict IN ('pass', 'fail')),
    reason text CHECK ((verdict = 'pass' AND reason IS NULL) OR (verdict = 'fail' AND reason IN
        ('wrong-label', 'wrong-boundary', 'missing-span', 'spurious-span', 'wrong-value', 'other'))),
    note text NOT NULL,
    reviewer text NOT NULL DEFAULT session_user,
    at timestamptz NOT NULL DEFAULT now(),
    FOREIGN KEY (batch, round, document_id) REFERENCES annorev.round_documents (batch, round, document_id));
CREATE INDEX judgements_round ON annorev.judgements (batch, round, seq);

-- Who is working on which document, until when. Written only through claim(), release() and
-- renew() below, which act for session_user alone.
CREATE TABLE annorev.claims (
    batch bigint NOT NULL,
    document_id text COLLATE "C" NOT NULL,
    reviewer text NOT NULL,
    claimed_at timestamptz NOT NULL,
    lease_until timestamptz NOT NULL,
    PRIMARY KEY (batch, document_id),
    FOREIGN KEY (batch, document_id) REFERENCES annorev.documents (batch, id));
CREATE INDEX claims_reviewer ON annorev.claims (batch, reviewer);

-- Append-only: no privilege to change or remove a row is granted, and these stop the owner too.
CREATE FUNCTION annorev.append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION '% is append-only: its rows are never changed or removed', TG_TABLE_NAME
        USING ERRCODE = '42501';
END $$;
CREATE TRIGGER audit_append_only BEFORE UPDATE OR DELETE ON annorev.audit
    FOR EACH ROW EXECUTE FUNCTION annorev.append_only();
CREATE TRIGGER audit_no_truncate BEFORE TRUNCATE ON annorev.audit
    FOR EACH STATEMENT EXECUTE FUNCTION annorev.append_only();
CREATE TRIGGER rounds_append_only BEFORE UPDATE OR DELETE ON annorev.rounds
    FOR EACH ROW EXECUTE FUNCTION annorev.append_only();
CREATE TRIGGER rounds_no_truncate BEFORE TRUNCATE ON annorev.rounds
    FOR EACH STATEMENT EXECUTE FUNCTION annorev.append_only();
CREATE TRIGGER round_documents_append_only BEFORE UPDATE OR DELETE ON annorev.round_documents
    FOR EACH ROW EXECUTE FUNCTION annorev.append_only();
CREATE TRIGGER round_documents_no_truncate BEFORE TRUNCATE ON annorev.round_documents
    FOR EACH STATEMENT EXECUTE FUNCTION annorev.append_only();
CREATE TRIGGER judgements_append_only BEFORE UPDATE OR DELETE ON annorev.judgements
    FOR EACH ROW EXECUTE FUNCTION annorev.append_only();
CREATE TRIGGER judgements_no_truncate BEFORE TRUNCATE ON annorev.judgements
    FOR EACH STATEMENT EXECUTE FUNCTION annorev.append_only();

-- Who did it is the server's to say: the connection's user, whatever the client sent.
CREATE FUNCTION annorev.stamp_reviewer() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    NEW.reviewer := session_user;
    NEW.at := now();
    RETURN NEW;
END $$;
CREATE TRIGGER audit_stamp BEFORE INSERT ON annorev.audit
    FOR EACH ROW EXECUTE FUNCTION annorev.stamp_reviewer();
CREATE TRIGGER judgements_stamp BEFORE INSERT ON annorev.judgements
    FOR EACH ROW EXECUTE FUNCTION annorev.stamp_reviewer();
CREATE FUNCTION annorev.stamp_round() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    NEW.created_by := session_user;
    NEW.created_at := now();
    RETURN NEW;
END $$;
CREATE TRIGGER rounds_stamp BEFORE INSERT ON annorev.rounds
    FOR EACH ROW EXECUTE FUNCTION annorev.stamp_round();

-- A write of a document: the rights a decision takes, a claim by someone else, the version, and
-- who wrote it. Runs as its owner to read the claims.
CREATE FUNCTION annorev.document_written() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER
SET search_path = annorev, pg_temp AS $$
DECLARE
    holder text;
    held_until timestamptz;
BEGIN
    IF NEW.batch <> OLD.batch OR NEW.id <> OLD.id THEN
        RAISE EXCEPTION 'a document keeps its batch and id' USING ERRCODE = '42501';
    END IF;
    IF NEW.status IS DISTINCT FROM OLD.status AND NEW.status IN ('approved', 'rejected')
       AND NOT pg_has_role(session_user, 'annorev_reviewer', 'MEMBER') THEN
        RAISE EXCEPTION '% may not approve or reject documents: that takes the role annorev_reviewer',
            session_user USING ERRCODE = '42501';
    END IF;
    IF NEW.status IS DISTINCT FROM OLD.status OR NEW.note IS DISTINCT FROM OLD.note
       OR NEW.tagged_text IS DISTINCT FROM OLD.tagged_text THEN
        SELECT c.reviewer, c.lease_until INTO holder, held_until FROM claims c
            WHERE c.batch = NEW.batch AND c.document_id = NEW.id AND c.lease_until > now()
              AND c.reviewer <> session_user;
        IF FOUND THEN
            RAISE EXCEPTION 'the document "%" is claimed by % until % UTC; nothing was changed', NEW.id, holder,
                to_char(held_until AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI') USING ERRCODE = 'P0001';
        END IF;
    END IF;
    IF NEW.tagged_text IS DISTINCT FROM OLD.tagged_text THEN
        -- An edit: the decision it may reopen stays under its reviewer's name and time.
        NEW.reviewer := OLD.reviewer;
        NEW.changed_at := OLD.changed_at;
    ELSIF NEW.status IS DISTINCT FROM OLD.status OR NEW.note IS DISTINCT FROM OLD.note THEN
        NEW.reviewer := session_user;
        NEW.changed_at := now();
    ELSE
        NEW.reviewer := OLD.reviewer;
        NEW.changed_at := OLD.changed_at;
    END IF;
    IF NEW.status IS DISTINCT FROM OLD.status OR NEW.note IS DISTINCT FROM OLD.note
       OR NEW.tagged_text IS DISTINCT FROM OLD.tagged_text OR NEW.source_text IS DISTINCT FROM OLD.source_text
       OR NEW.source_changed IS DISTINCT FROM OLD.source_changed OR NEW.missing IS DISTINCT FROM OLD.missing THEN
        NEW.version := OLD.version + 1;
        NEW.written_by := session_user;
        NEW.written_at := now();
    ELSE
        NEW.version := OLD.version;
        NEW.written_by := OLD.written_by;
        NEW.written_at := OLD.written_at;
    END IF;
    RETURN NEW;
END $$;
CREATE TRIGGER documents_written BEFORE UPDATE ON annorev.documents
    FOR EACH ROW EXECUTE FUNCTION annorev.document_written();
CREATE FUNCTION annorev.stamp_document() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    NEW.version := 1;
    NEW.written_by := session_user;
    NEW.written_at := now();
    RETURN NEW;
END $$;
CREATE TRIGGER documents_stamp BEFORE INSERT ON annorev.documents
    FOR EACH ROW EXECUTE FUNCTION annorev.stamp_document();

-- After a write: a decision frees the document's claim, and every window on the batch hears of it.
CREATE FUNCTION annorev.document_changed() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER
SET search_path = annorev, pg_temp AS $$
BEGIN
    IF NEW.status IS DISTINCT FROM OLD.status AND NEW.status <> 'unreviewed' THEN
        DELETE FROM claims WHERE batch = NEW.batch AND document_id = NEW.id;
    END IF;
    IF NEW.version <> OLD.version THEN
        PERFORM pg_notify('annorev_changes', NEW.batch || ' ' || left(NEW.id, 7000));
    END IF;
    RETURN NULL;
END $$;
CREATE TRIGGER documents_changed AFTER UPDATE ON annorev.documents
    FOR EACH ROW EXECUTE FUNCTION annorev.document_changed();
CREATE FUNCTION annorev.claim_changed() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    changed annorev.claims;
BEGIN
    IF TG_OP = 'DELETE' THEN changed := OLD; ELSE changed := NEW; END IF;
    PERFORM pg_notify('annorev_changes', changed.batch || ' ' || left(changed.document_id, 7000));
    RETURN NULL;
END $$;
CREATE TRIGGER claims_changed AFTER INSERT OR UPDATE OR DELETE ON annorev.claims
    FOR EACH ROW EXECUTE FUNCTION annorev.claim_changed();

CREATE FUNCTION annorev.batch_of(batch_name text) RETURNS bigint LANGUAGE plpgsql STABLE
SET search_path = annorev, pg_temp AS $$
DECLARE
    found_id bigint;
BEGIN
    SELECT id INTO found_id FROM batches WHERE name = batch_name;
    IF found_id IS NULL THEN
        RAISE EXCEPTION 'there is no team batch "%"', batch_name USING ERRCODE = 'P0002';
    END IF;
    RETURN found_id;
END $$;

CREATE FUNCTION annorev.check_annotator() RETURNS void LANGUAGE plpgsql AS $$
BEGIN
    IF NOT pg_has_role(session_user, 'annorev_annotator', 'MEMBER') THEN
        RAISE EXCEPTION '% may not claim documents: that takes the role annorev_annotator', session_user
            USING ERRCODE = '42501';
    END IF;
END $$;

-- Hands out the next unreviewed documents in batch order that nobody holds a live claim on.
-- SKIP LOCKED keeps two claimers from waiting on, or getting, the same rows; the conflict clause
-- keeps a claim taken meanwhile from being taken over before its lease ends. A claimer whose
-- snapshot predates another's commit may find its picks claimed: it picks again, on a fresh
-- snapshot, as long as free documents remain (at most 20 times, so that it never spins).
CREATE FUNCTION annorev.claim(batch_name text, wanted integer, lease_minutes integer)
RETURNS TABLE (claimed_id text, claimed_until timestamptz) LANGUAGE plpgsql SECURITY DEFINER
SET search_path = annorev, pg_temp AS $$
DECLARE
    b bigint;
    got integer := 0;
    added integer;
BEGIN
    PERFORM check_annotator();
    b := batch_of(batch_name);
    FOR attempt IN 1..20 LOOP
        RETURN QUERY
        WITH picked AS (
            SELECT d.id FROM documents d
            WHERE d.batch = b AND d.status = 'unreviewed' AND NOT d.missing
              AND NOT EXISTS (SELECT 1 FROM claims c WHERE c.batch = b AND c.document_id = d.id
                                                       AND c.lease_until > now())
            ORDER BY d.position, d.id
            LIMIT wanted - got
            FOR UPDATE OF d SKIP LOCKED)
        INSERT INTO claims AS c (batch, document_id, reviewer, claimed_at, lease_until)
        SELECT b, picked.id, session_user, now(), now() + make_interval(mins => lease_minutes) FROM picked
        ON CONFLICT (batch, document_id) DO UPDATE
            SET reviewer = excluded.reviewer, claimed_at = excluded.claimed_at, lease_until = excluded.lease_until
            WHERE c.lease_until <= now()
        RETURNING c.document_id::text, c.lease_until;
        GET DIAGNOSTICS added = ROW_COUNT;
        got := got + added;
        EXIT WHEN got >= wanted;
        EXIT WHEN NOT EXISTS (
            SELECT 1 FROM documents d
            WHERE d.batch = b AND d.status = 'unreviewed' AND NOT d.missing
              AND NOT EXISTS (SELECT 1 FROM claims c WHERE c.batch = b AND c.document_id = d.id
                                                       AND c.lease_until > now()));
    END LOOP;
END $$;

-- Gives back the caller's own claims among ids (a JSON array); returns those given back.
CREATE FUNCTION annorev.release(batch_name text, ids jsonb)
RETURNS TABLE (released_id text) LANGUAGE plpgsql SECURITY DEFINER
SET search_path = annorev, pg_temp AS $$
DECLARE
    b bigint;
BEGIN
    PERFORM check_annotator();
    b := batch_of(batch_name);
    RETURN QUERY
    DELETE FROM claims c WHERE c.batch = b AND c.reviewer = session_user
        AND c.document_id IN (SELECT jsonb_array_elements_text(ids))
    RETURNING c.document_id::text;
END $$;

-- Extends the caller's live claims among ids; returns those extended.
CREATE FUNCTION annorev.renew(batch_name text, ids jsonb, lease_minutes integer)
RETURNS TABLE (renewed_id text, renewed_until timestamptz) LANGUAGE plpgsql SECURITY DEFINER
SET search_path = annorev, pg_temp AS $$
DECLARE
    b bigint;
BEGIN
    PERFORM check_annotator();
    b := batch_of(batch_name);
    RETURN QUERY
    UPDATE claims c SET lease_until = now() + make_interval(mins => lease_minutes)
        WHERE c.batch = b AND c.reviewer = session_user AND c.lease_until > now()
          AND c.document_id IN (SELECT jsonb_array_elements_text(ids))
    RETURNING c.document_id::text, c.lease_until;
END $$;

INSERT INTO annorev.meta (key, value) VALUES ('schema_version', '1');
)sql");

// The roles and their rights: run on every init, so that a role dropped by hand comes back.
const QString rights = QStringLiteral(R"sql(
DO $$
BEGIN
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'annorev_annotator') THEN
        CREATE ROLE annorev_annotator NOLOGIN;
    END IF;
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'annorev_reviewer') THEN
        CREATE ROLE annorev_reviewer NOLOGIN;
    END IF;
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'annorev_curator') THEN
        CREATE ROLE annorev_curator NOLOGIN;
    END IF;
END $$;
GRANT annorev_annotator TO annorev_reviewer;
GRANT annorev_reviewer TO annorev_curator;

REVOKE ALL ON SCHEMA annorev FROM PUBLIC;
REVOKE ALL ON ALL TABLES IN SCHEMA annorev FROM PUBLIC;
REVOKE ALL ON ALL FUNCTIONS IN SCHEMA annorev FROM PUBLIC;
GRANT USAGE ON SCHEMA annorev TO annorev_annotator;
GRANT SELECT ON ALL TABLES IN SCHEMA annorev TO annorev_annotator;
GRANT USAGE ON ALL SEQUENCES IN SCHEMA annorev TO annorev_annotator;
GRANT EXECUTE ON ALL FUNCTIONS IN SCHEMA annorev TO annorev_annotator;

-- Annotators edit texts and set statuses (approving and rejecting are checked by the trigger).
GRANT UPDATE (status, note, tagged_text, errors, warnings, infos, facts, plain_text)
    ON annorev.documents TO annorev_annotator;
GRANT INSERT ON annorev.audit TO annorev_annotator;
-- Reviewers judge spot-check rounds.
GRANT INSERT ON annorev.judgements TO annorev_reviewer;
-- Curators import and sync batches and draw rounds.
GRANT INSERT, UPDATE ON annorev.batches, annorev.documents TO annorev_curator;
GRANT INSERT ON annorev.rounds, annorev.round_documents TO annorev_curator;
)sql");

Expected<int> storedVersion(PostgresConnection &connection)
{
    QSqlQuery query = connection.query();
    if (!query.exec(QStringLiteral("SELECT to_regclass('annorev.meta') IS NOT NULL")) || !query.next()) {
        return connection.errorOf(query);
    }
    if (!query.value(0).toBool()) {
        return 0;
    }
    if (!query.exec(QStringLiteral("SELECT value FROM annorev.meta WHERE key = 'schema_version'"))) {
        return connection.errorOf(query);
    }
    return query.next() ? query.value(0).toInt() : 0;
}

QString newerMessage(const PostgresConnection &connection, int found)
{
    return u"the database of the team batch " % connection.path() % u" was set up by a newer annorev (schema " %
           QString::number(found) % u", this one knows " % QString::number(version) %
           u"); use that annorev, nothing was changed";
}

} // namespace

Expected<QString> init(PostgresConnection &connection)
{
    Expected<PostgresTransaction> transaction = connection.begin();
    if (!transaction) {
        return transaction.error();
    }
    // Two inits at once: the second waits for the first and then finds its work done. Granting a
    // role that is granted already is a notice the user need not read.
    if (Expected<void> locked = connection.runScript(
            QStringLiteral("SET LOCAL client_min_messages = warning; SELECT pg_advisory_xact_lock(7305461)"));
        !locked) {
        return locked.error();
    }
    const Expected<int> found = storedVersion(connection);
    if (!found) {
        return found.error();
    }
    if (*found > version) {
        return Error{newerMessage(connection, *found)};
    }
    QString did;
    if (*found == 0) {
        if (Expected<void> created = connection.runScript(tablesV1); !created) {
            return created.error();
        }
        did = u"created the annorev schema (version " % QString::number(version) % u')';
    } else {
        did = u"the annorev schema is up to date (version " % QString::number(version) % u')';
    }
    if (Expected<void> granted = connection.runScript(rights); !granted) {
        return granted.error();
    }
    if (Expected<void> committed = transaction->commit(); !committed) {
        return committed.error();
    }
    return did % u"; the roles annorev_annotator, annorev_reviewer and annorev_curator are in place";
}

Expected<void> check(PostgresConnection &connection)
{
    const Expected<int> found = storedVersion(connection);
    if (!found) {
        return found.error();
    }
    if (*found == 0) {
        return Error{u"the database of the team batch " % connection.path() %
                     u" has no annorev schema yet; a user who may create roles runs `annorev team init` on it first"};
    }
    if (*found > version) {
        return Error{newerMessage(connection, *found)};
    }
    return {};
}

} // namespace annorev::PostgresSchema
