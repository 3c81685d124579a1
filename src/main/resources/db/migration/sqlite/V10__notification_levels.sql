-- Each member's choice of what in a room calls for their attention: every message, only mentions of them (and
-- @room), or nothing (muted). Unread counts are kept whatever the choice.
ALTER TABLE memberships ADD COLUMN notify TEXT NOT NULL DEFAULT 'all' CHECK (notify IN ('all', 'mentions', 'muted'));
