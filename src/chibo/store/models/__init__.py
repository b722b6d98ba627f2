"""Every table of the book. Importing this package registers them all on SQLModel.metadata."""

from chibo.store.models.base import SyncedRecord, new_id, utcnow
from chibo.store.models.desk import BundleReview, ClosedPeriod, SessionArrival
from chibo.store.models.documents import Document
from chibo.store.models.exchange import BundleLog, ForwardedBundle, KnownKey, KnownUnit
from chibo.store.models.members import Member, MemberStatusChange, Presenter
from chibo.store.models.papers import IssuedPaper
from chibo.store.models.plans import ActionItem, ActionPlan, Essay, Outreach
from chibo.store.models.sessions import AgendaItem, Attendance, CellSession, SessionDocument, Speech
from chibo.store.models.units import RevCounter, Setting, Unit

# In the order a receiver must insert them so references resolve (parents first).
SYNCED_TABLES: tuple[type[SyncedRecord], ...] = (
    Unit,
    Member,
    MemberStatusChange,
    Presenter,
    Document,
    CellSession,
    SessionDocument,
    Attendance,
    AgendaItem,
    Speech,
    Essay,
    ActionPlan,
    ActionItem,
    Outreach,
    IssuedPaper,
)

__all__ = [
    "SYNCED_TABLES",
    "ActionItem",
    "ActionPlan",
    "AgendaItem",
    "Attendance",
    "BundleLog",
    "BundleReview",
    "CellSession",
    "ClosedPeriod",
    "Document",
    "Essay",
    "ForwardedBundle",
    "IssuedPaper",
    "KnownKey",
    "KnownUnit",
    "Member",
    "MemberStatusChange",
    "Outreach",
    "Presenter",
    "RevCounter",
    "SessionArrival",
    "SessionDocument",
    "Setting",
    "Speech",
    "SyncedRecord",
    "Unit",
    "new_id",
    "utcnow",
]
