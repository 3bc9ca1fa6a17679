-- EXPAND step of renaming users.name to users.full_name.
-- 1. Add the new column as nullable, so code that does not know it keeps working.
ALTER TABLE users RENAME COLUMN name TO full_name;

-- 2. Backfill existing rows. (On a big production table, do this in batches
--    of a few thousand rows from a script instead of one statement.)


-- Later releases: dual-write name and full_name, switch reads to full_name,
-- then a separate migration drops users.name (the contract step).
