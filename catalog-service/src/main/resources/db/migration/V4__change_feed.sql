-- The public change feed reads documents and deletions by the transaction that last changed them.
-- A feed cursor is (change_txid, id) and the feed only serves rows whose transaction is older than
-- every transaction still running (pg_snapshot_xmin): any change that commits later has a larger
-- txid than the cursor, so a harvester following the cursor can never skip one.
ALTER TABLE document ADD COLUMN change_txid xid8 NOT NULL DEFAULT pg_current_xact_id();

CREATE FUNCTION document_stamp_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    NEW.change_txid := pg_current_xact_id();
    RETURN NEW;
END;
$$;

CREATE TRIGGER document_stamp_change
    BEFORE UPDATE ON document
    FOR EACH ROW EXECUTE FUNCTION document_stamp_change();

CREATE INDEX document_change_idx ON document (change_txid, id);

-- Deleted documents stay visible to harvesters as versioned tombstones.
CREATE TABLE document_deletion (
    id          uuid PRIMARY KEY,
    version     bigint      NOT NULL,
    deleted_at  timestamptz NOT NULL,
    change_txid xid8        NOT NULL DEFAULT pg_current_xact_id()
);
CREATE INDEX document_deletion_change_idx ON document_deletion (change_txid, id);
