-- Event lanes (see EventLane): interactive changes and bulk work are relayed by separate loops to
-- separate topics, each in id order within its lane. Existing rows are interactive.
ALTER TABLE outbox_event ADD COLUMN lane text NOT NULL DEFAULT 'interactive'
    CONSTRAINT outbox_event_lane_check CHECK (lane IN ('interactive', 'bulk'));
DROP INDEX outbox_event_unpublished_idx;
CREATE INDEX outbox_event_unpublished_idx ON outbox_event (lane, id) WHERE published_at IS NULL;
