-- contract: v0.52.0 (V232) stopped using waiting_list_changed() (expanded in V150)
-- V150's trigger function raised the waiting lists' generation alone. V232's triggers replaced its
-- triggers (they raise the generation and log which requests changed), and no trigger or code of
-- this release or of the one before it (v0.52.0, which has V232) calls it. Without "cascade": should
-- a trigger still use it, this migration fails instead of removing that trigger silently.
drop function waiting_list_changed();
