-- The runs table has one writer (RunRows, plain JDBC); JPA only reads it, so no optimistic-lock version is kept.
ALTER TABLE runs DROP COLUMN version;
