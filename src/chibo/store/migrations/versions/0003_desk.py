"""The receiving level's desk: when each session of a cell arrived, the review of each bundle
received, and the months whose figures were closed.

- `session_arrival`: per session of another unit, the first bundle that brought it (its import
  time and the sender's bundle number), for the timeliness of reports. A book written before did
  not note it; it is filled from the bundle log as closely as the log allows: the first bundle
  imported from the session's unit on or after the day the session was held (a session cannot
  travel before it is held), else that unit's first bundle, else the session's own last change.
- `bundle_review`: one row per report or forward bundle received (sender, bundle number), with
  the officer's review (received / needs more / approved), its note, the warnings the checks on
  import gave and the months it carried. Bundles of a book written before are entered as received,
  without warnings (they were not checked) and without months (not noted then). The bundles a
  forward bundle carried are its sender's, reviewed with it, and get no row of their own.
- `closed_period`: the months closed (chốt số liệu); none in a book written before.

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-07
"""

import json
import uuid

import sqlalchemy as sa
from alembic import op

revision = '0003'
down_revision = '0002'
branch_labels = None
depends_on = None

_FIRST_BUNDLE = ("SELECT b.{column} FROM bundle_log b WHERE b.sender_unit_id = s.unit_id AND b.outcome = 'imported' "
                 "AND b.kind IN ('report', 'forward') {extra} ORDER BY b.received_at LIMIT 1")


def upgrade() -> None:
    op.create_table('session_arrival',
    sa.Column('session_id', sa.String(length=36), nullable=False),
    sa.Column('unit_id', sa.String(length=36), nullable=False),
    sa.Column('received_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('seq', sa.Integer(), nullable=True),
    sa.PrimaryKeyConstraint('session_id')
    )
    with op.batch_alter_table('session_arrival', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_session_arrival_unit_id'), ['unit_id'], unique=False)

    op.create_table('bundle_review',
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('sender_unit_id', sa.String(length=36), nullable=False),
    sa.Column('seq', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(), nullable=False),
    sa.Column('file_sha256', sa.String(), nullable=False),
    sa.Column('received_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('status', sa.String(), nullable=False),
    sa.Column('note', sa.String(), nullable=False),
    sa.Column('reviewed_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('warnings', sa.String(), nullable=False),
    sa.Column('periods', sa.String(), nullable=False),
    sa.Column('after_close', sa.Boolean(), nullable=False),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('sender_unit_id', 'seq')
    )
    with op.batch_alter_table('bundle_review', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_bundle_review_sender_unit_id'), ['sender_unit_id'], unique=False)

    op.create_table('closed_period',
    sa.Column('period', sa.String(length=7), nullable=False),
    sa.Column('closed_at', sa.DateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('period')
    )

    connection = op.get_bind()
    row = connection.execute(sa.text("SELECT value FROM setting WHERE key = 'local_unit_id'")).fetchone()
    local = json.loads(row[0]) if row else None
    after_held = "AND substr(b.received_at, 1, 10) >= s.held_on"
    connection.execute(sa.text(
        "INSERT INTO session_arrival (session_id, unit_id, received_at, seq) "
        f"SELECT s.id, s.unit_id, COALESCE(({_FIRST_BUNDLE.format(column='received_at', extra=after_held)}), "
        f"({_FIRST_BUNDLE.format(column='received_at', extra='')}), s.updated_at), "
        f"COALESCE(({_FIRST_BUNDLE.format(column='seq', extra=after_held)}), "
        f"({_FIRST_BUNDLE.format(column='seq', extra='')})) "
        "FROM session s WHERE s.unit_id IS NOT NULL AND s.unit_id IS NOT :local"), {"local": local})

    # A bundle a forward bundle carried is logged under its own sender with the forward's file hash.
    received = connection.execute(sa.text(
        "SELECT b.sender_unit_id, b.seq, b.kind, b.file_sha256, MIN(b.received_at) FROM bundle_log b "
        "WHERE b.outcome = 'imported' AND b.kind IN ('report', 'forward') AND b.sender_unit_id IS NOT NULL "
        "AND b.seq IS NOT NULL AND NOT EXISTS (SELECT 1 FROM bundle_log f WHERE f.file_sha256 = b.file_sha256 "
        "AND f.kind = 'forward' AND f.sender_unit_id IS NOT b.sender_unit_id) "
        "GROUP BY b.sender_unit_id, b.seq")).fetchall()
    for sender, seq, kind, digest, received_at in received:
        connection.execute(sa.text(
            "INSERT INTO bundle_review (id, sender_unit_id, seq, kind, file_sha256, received_at, status, note, "
            "reviewed_at, warnings, periods, after_close) VALUES (:id, :sender, :seq, :kind, :digest, :received_at, "
            "'received', '', NULL, '[]', '[]', 0)"),
            {"id": str(uuid.uuid4()), "sender": sender, "seq": seq, "kind": kind, "digest": digest,
             "received_at": received_at})


def downgrade() -> None:
    op.drop_table('closed_period')
    with op.batch_alter_table('bundle_review', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_bundle_review_sender_unit_id'))
    op.drop_table('bundle_review')
    with op.batch_alter_table('session_arrival', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_session_arrival_unit_id'))
    op.drop_table('session_arrival')
