-- Placeholder on branch i10-search only: migration 008 belongs to the "text" part of
-- issue 10 (008_text_lines.sql). Migrations must be numbered without gaps, so this
-- branch carries an empty 008 to test its own 009; the text part's file replaces it on merge.
SELECT 1;
