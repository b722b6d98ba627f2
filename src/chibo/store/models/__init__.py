"""Every table of the book. Importing this package registers them all on SQLModel.metadata."""

from chibo.store.models.base import SyncedRecord, new_id, utcnow
from chibo.store.models.documents import Document
from chibo.store.models.exchange import BundleLog, KnownUnit
from chibo.store.models.meetings import Attendance, Meeting, SessionDocument, Speech
from chibo.store.models.members import Member, MemberStatusChange, Presenter
from chibo.store.models.plans import ActionItem, ActionPlan, Essay, Outreach
from chibo.store.models.units import RevCounter, Setting, Unit

# In the order a receiver must insert them so references resolve (parents first).
SYNCED_TABLES: tuple[type[SyncedRecord], ...] = (
    Unit,
    Member,
    MemberStatusChange,
    Presenter,
    Document,
    Meeting,
    SessionDocument,
    Attendance,
    Speech,
    Essay,
    ActionPlan,
    ActionItem,
    Outreach,
)

__all__ = [
    "SYNCED_TABLES",
    "ActionItem",
    "ActionPlan",
    "Attendance",
    "BundleLog",
    "Document",
    "Essay",
    "KnownUnit",
    "Meeting",
    "Member",
    "MemberStatusChange",
    "Outreach",
    "Presenter",
    "RevCounter",
    "SessionDocument",
    "Setting",
    "Speech",
    "SyncedRecord",
    "Unit",
    "new_id",
    "utcnow",
]
