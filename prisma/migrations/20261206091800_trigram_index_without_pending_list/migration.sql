-- The trigram index on referrals.full_name writes each new or changed name's trigrams at once
-- (fastupdate off) rather than into a pending list, which every name search reads in full until a
-- vacuum, an analyze or 4 MB (gin_pending_list_limit) merges it: at a million referrals a
-- 2.2 MB pending list (left by changing many names at once, as anonymising old cases does) made a
-- part-of-a-surname search take 16 to 18 ms instead of 10 to 11 (docs/performance.md, "A
-- million cases"). Prisma's schema cannot say
-- this, so it is written here by hand.
ALTER INDEX "referrals_full_name_trgm_idx" SET (fastupdate = off);

-- Whatever a pending list already holds goes into the index now.
SELECT gin_clean_pending_list('referrals_full_name_trgm_idx');
