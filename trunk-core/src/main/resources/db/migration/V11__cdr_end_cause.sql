-- Why each call ended (EndCause), beside who ended it. Null for the calls recorded before causes were kept.
ALTER TABLE cdr ADD COLUMN end_cause VARCHAR(32);
CREATE INDEX cdr_end_cause ON cdr (end_cause);
