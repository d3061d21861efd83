-- A file version saved while a moderation rule holds its listing is not handed to the listing's buyers until the hold is
-- released (a moderator approves it, or the listing's content passes the rules again): meanwhile they get the latest
-- version approved before. A held listing whose open hold names a secret keeps its latest file back from now on.
alter table workflow_version add column held boolean not null default false;

update workflow_version v set held = true
where v.number = (select max(o.number) from workflow_version o where o.workflow_id = v.workflow_id)
  and exists (select 1 from workflow w where w.id = v.workflow_id and w.status = 'HELD')
  and exists (select 1 from moderation_item m where m.content_type = 'workflow' and m.content_id = v.workflow_id
              and m.status = 'OPEN' and m.held and m.hits like '%secret: %');
