-- A status line people set for others to see beside their name ("On leave until Monday"); empty: none.
ALTER TABLE users ADD COLUMN status TEXT NOT NULL DEFAULT '';
