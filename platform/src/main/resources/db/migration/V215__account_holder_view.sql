-- The accounts module's published read for the others: who holds an account, by name and e-mail
-- address. The registry's directory and exports name a donor or patient through this view, never
-- through the account table (TableOwnershipTest), so the accounts module may change its table as
-- long as the view keeps these columns. A later release may add columns; none changes in place.
-- email_key is the lower-cased address the directory's prefix search uses (its index, V131, is on
-- the table and serves the view, which the planner inlines).
create view account_holder as
    select id, full_name, email, email_key
    from account;
