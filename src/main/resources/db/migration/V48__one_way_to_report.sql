-- Reports filed through the old one-click buttons join the report form's table, so that one table holds every report
-- (exported and erased with the person's data). A reason from the list stays a reason; any other words become the note.

-- Review reports never reached the queue: each becomes an open report with its own item for the moderators.
insert into moderation_report (id, content_type, content_id, reporter_id, reason, note, status, created_at)
select r.id, 'review', r.review_id, r.reporter_id,
       case when r.reason in ('spam', 'offensive', 'scam', 'copyright', 'personal-data', 'other') then r.reason else 'other' end,
       case when r.reason in ('spam', 'offensive', 'scam', 'copyright', 'personal-data', 'other', '(no reason given)') then '' else r.reason end,
       case when exists (select 1 from moderation_report m where m.content_type = 'review' and m.content_id = r.review_id
                         and m.reporter_id = r.reporter_id and m.status = 'OPEN') then 'CLOSED' else 'OPEN' end,
       r.created_at
from review_report r;

insert into moderation_item (id, content_type, content_id, revision, author_id, title, hits, status, created_at, held)
select gen_random_uuid(), 'review', r.review_id, r.id, v.author_id,
       case when length(v.body) <= 80 then v.body else left(v.body, 80) || '…' end,
       'report: ' || m.reason || case when m.note = '' then '' else ' — ' || m.note end, 'OPEN', r.created_at, false
from review_report r
join review v on v.id = r.review_id
join moderation_report m on m.id = r.id
where m.status = 'OPEN'
on conflict do nothing;

-- Question and answer reports were queued when filed: still open while their content waits in the queue.
insert into moderation_report (id, content_type, content_id, reporter_id, reason, note, status, created_at)
select r.id, case when p.parent_id is null then 'question' else 'answer' end, r.post_id, r.reporter_id,
       case when r.reason in ('spam', 'offensive', 'scam', 'copyright', 'personal-data', 'other') then r.reason else 'other' end,
       case when r.reason in ('spam', 'offensive', 'scam', 'copyright', 'personal-data', 'other', '(no reason given)') then '' else r.reason end,
       case when exists (select 1 from moderation_item i where i.content_type = case when p.parent_id is null then 'question' else 'answer' end
                         and i.content_id = r.post_id and i.status = 'OPEN')
             and not exists (select 1 from moderation_report m where m.content_type = case when p.parent_id is null then 'question' else 'answer' end
                             and m.content_id = r.post_id and m.reporter_id = r.reporter_id and m.status = 'OPEN')
            then 'OPEN' else 'CLOSED' end,
       r.created_at
from qa_report r
join qa_post p on p.id = r.post_id;

drop table review_report;
drop table qa_report;
