"""Agenda items of a session, the outgoing register of issued papers, and the history of the keys
of known units.

- `agenda_item`: a session's items (nội dung) in order, each with its presenter, what was
  presented and the chair's conclusion; `speech.agenda_item_id` ties a speech to its item
  (NULL for the speeches of a book written before: they stay in the session's one discussion).
- `session.chair_name`: a guest from the upper level who chairs, where the cell's rules allow it
  (empty for every session of a book written before: their chair is a member or nobody).
- `issued_paper`: the sổ đăng ký văn bản đi; a number is given once per kind and term.
- `known_key`: every signing key seen for a known unit; the key each known unit already had is
  carried over with the unit's approval, so nothing that verified before stops verifying. A
  retired key keeps the bundle number before which its bundles still import (`until_seq`).
- `known_unit.superior_name`: the superior a sender declares, to flag a cell of another committee.
- `known_unit.vouched_by`: at a level above the communes, the commune whose forwarded bundle vouched
  for a cell's keys (NULL for every unit approved by a person, so for every unit of a book before).
- `forwarded_bundle`: at a receiving level with a superior, which forward bundle last carried each
  child's bundle upward (empty for a book written before: nothing was forwarded).
- `document.issuer`: the issuing body a citation names ("của Bộ Chính trị"); empty for the
  documents of a book written before (the issuing level's name stands for it).

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-21
"""

import uuid

import sqlalchemy as sa
from alembic import op

revision = '0002'
down_revision = '0001'
branch_labels = None
depends_on = None


def _synced_columns() -> list[sa.Column]:
    return [
        sa.Column('id', sa.String(length=36), nullable=False),
        sa.Column('unit_id', sa.String(length=36), nullable=True),
        sa.Column('rev', sa.Integer(), nullable=False),
        sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
        sa.Column('deleted_at', sa.DateTime(timezone=True), nullable=True),
    ]


def upgrade() -> None:
    op.create_table('agenda_item',
    *_synced_columns(),
    sa.Column('session_id', sa.String(length=36), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('title', sa.String(), nullable=False),
    sa.Column('document_id', sa.String(length=36), nullable=True),
    sa.Column('presenter_member_id', sa.String(length=36), nullable=True),
    sa.Column('presenter_id', sa.String(length=36), nullable=True),
    sa.Column('presenter_name', sa.String(), nullable=False),
    sa.Column('presented', sa.String(), nullable=False),
    sa.Column('conclusion', sa.String(), nullable=False),
    sa.ForeignKeyConstraint(['document_id'], ['document.id'], ),
    sa.ForeignKeyConstraint(['presenter_id'], ['presenter.id'], ),
    sa.ForeignKeyConstraint(['presenter_member_id'], ['member.id'], ),
    sa.ForeignKeyConstraint(['session_id'], ['session.id'], ),
    sa.ForeignKeyConstraint(['unit_id'], ['unit.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('agenda_item', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_agenda_item_session_id'), ['session_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_agenda_item_unit_id'), ['unit_id'], unique=False)

    with op.batch_alter_table('session', schema=None) as batch_op:
        batch_op.add_column(sa.Column('chair_name', sa.String(), nullable=False, server_default=''))

    with op.batch_alter_table('speech', schema=None) as batch_op:
        batch_op.add_column(sa.Column('agenda_item_id', sa.String(length=36), nullable=True))
        batch_op.create_index(batch_op.f('ix_speech_agenda_item_id'), ['agenda_item_id'], unique=False)
        batch_op.create_foreign_key('fk_speech_agenda_item_id', 'agenda_item', ['agenda_item_id'], ['id'])

    with op.batch_alter_table('document', schema=None) as batch_op:
        batch_op.add_column(sa.Column('issuer', sa.String(), nullable=False, server_default=''))

    op.create_table('issued_paper',
    *_synced_columns(),
    sa.Column('paper', sa.String(), nullable=False),
    sa.Column('record_id', sa.String(length=36), nullable=False),
    sa.Column('kind', sa.String(), nullable=False),
    sa.Column('number', sa.Integer(), nullable=False),
    sa.Column('number_symbol', sa.String(), nullable=False),
    sa.Column('term_start', sa.Date(), nullable=False),
    sa.Column('issued_on', sa.Date(), nullable=False),
    sa.Column('summary', sa.String(), nullable=False),
    sa.Column('recipients', sa.String(), nullable=False),
    sa.Column('file_name', sa.String(), nullable=False),
    sa.Column('sha256', sa.String(), nullable=False),
    sa.Column('size', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['unit_id'], ['unit.id'], ),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('unit_id', 'term_start', 'kind', 'number')
    )
    with op.batch_alter_table('issued_paper', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_issued_paper_record_id'), ['record_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_issued_paper_unit_id'), ['unit_id'], unique=False)

    op.create_table('known_key',
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('unit_id', sa.String(length=36), nullable=False),
    sa.Column('signing_key', sa.String(), nullable=False),
    sa.Column('encryption_key', sa.String(), nullable=True),
    sa.Column('fingerprint', sa.String(), nullable=False),
    sa.Column('status', sa.String(), nullable=False),
    sa.Column('first_seen_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('approved_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('retired_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('first_seq', sa.Integer(), nullable=True),
    sa.Column('until_seq', sa.Integer(), nullable=True),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('known_key', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_known_key_signing_key'), ['signing_key'], unique=False)
        batch_op.create_index(batch_op.f('ix_known_key_unit_id'), ['unit_id'], unique=False)

    with op.batch_alter_table('known_unit', schema=None) as batch_op:
        batch_op.add_column(sa.Column('superior_name', sa.String(), nullable=False, server_default=''))
        batch_op.add_column(sa.Column('vouched_by', sa.String(length=36), nullable=True))

    op.create_table('forwarded_bundle',
    sa.Column('file_sha256', sa.String(), nullable=False),
    sa.Column('forward_seq', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('file_sha256')
    )

    # The key each known unit had is its first entry in the history, with the unit's approval.
    connection = op.get_bind()
    known = connection.execute(sa.text(
        "SELECT unit_id, signing_key, encryption_key, fingerprint, approval, first_seen_at, approved_at FROM known_unit"
    )).fetchall()
    for unit_id, signing_key, encryption_key, fingerprint, approval, first_seen_at, approved_at in known:
        connection.execute(sa.text(
            "INSERT INTO known_key (id, unit_id, signing_key, encryption_key, fingerprint, status, first_seen_at, "
            "approved_at) VALUES (:id, :unit_id, :signing_key, :encryption_key, :fingerprint, :status, "
            ":first_seen_at, :approved_at)"
        ), {"id": str(uuid.uuid4()), "unit_id": unit_id, "signing_key": signing_key, "encryption_key": encryption_key,
            "fingerprint": fingerprint, "status": approval, "first_seen_at": first_seen_at,
            "approved_at": approved_at})


def downgrade() -> None:
    op.drop_table('forwarded_bundle')
    with op.batch_alter_table('known_unit', schema=None) as batch_op:
        batch_op.drop_column('vouched_by')
        batch_op.drop_column('superior_name')

    with op.batch_alter_table('known_key', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_known_key_unit_id'))
        batch_op.drop_index(batch_op.f('ix_known_key_signing_key'))
    op.drop_table('known_key')

    with op.batch_alter_table('issued_paper', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_issued_paper_unit_id'))
        batch_op.drop_index(batch_op.f('ix_issued_paper_record_id'))
    op.drop_table('issued_paper')

    with op.batch_alter_table('document', schema=None) as batch_op:
        batch_op.drop_column('issuer')

    with op.batch_alter_table('speech', schema=None) as batch_op:
        batch_op.drop_constraint('fk_speech_agenda_item_id', type_='foreignkey')
        batch_op.drop_index(batch_op.f('ix_speech_agenda_item_id'))
        batch_op.drop_column('agenda_item_id')

    with op.batch_alter_table('session', schema=None) as batch_op:
        batch_op.drop_column('chair_name')

    with op.batch_alter_table('agenda_item', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_agenda_item_unit_id'))
        batch_op.drop_index(batch_op.f('ix_agenda_item_session_id'))
    op.drop_table('agenda_item')
