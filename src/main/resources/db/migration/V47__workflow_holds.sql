-- A listing a rule holds waits hidden (status HELD once the seller publishes it) until a moderator approves it; the
-- seller reads why here. A secret in a workflow file holds the listing by default instead of only flagging it.
alter table workflow add column review_note text;
update moderation_rule set outcome = 'HOLD' where rule = 'secret' and outcome = 'FLAG' and updated_by is null;
