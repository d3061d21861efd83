-- The seats a team or company licence's buyer hands out, by e-mail address (kept in lower case). The buyer's own seat
-- is implied, never a row. Whose account an address is gets resolved when access is checked (decision 45).
create table licence_seat (
    id          uuid primary key,
    licence_id  uuid not null references licence (id),
    email       text not null,
    assigned_at timestamptz not null,
    unique (licence_id, email)
);
create index licence_seat_email_idx on licence_seat (email);
