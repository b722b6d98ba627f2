"""One window per data folder: a second chibo started on the same folder asks the first to come
to the front and exits, instead of opening the book twice (the folder lock would refuse it)."""

from __future__ import annotations

import logging
import os
import zlib
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtNetwork import QLocalServer, QLocalSocket

log = logging.getLogger(__name__)
_MESSAGE = b"show\n"


def server_name(folder: Path) -> str:
    """Per user and per data folder; short enough for a Unix socket path. A checksum, not a
    cryptographic hash: hashlib's import is a cost every start-up would pay."""
    user = os.environ.get("USER") or os.environ.get("USERNAME") or ""
    key = f"{user}\0{Path(folder).resolve()}".encode()
    return f"chibo-{zlib.crc32(key):08x}{zlib.adler32(key):08x}"


def hand_off(folder: Path, timeout_ms: int = 500) -> bool:
    """True when a chibo already runs on `folder` and was asked to show itself."""
    socket = QLocalSocket()
    socket.connectToServer(server_name(folder))
    if not socket.waitForConnected(timeout_ms):
        return False
    socket.write(_MESSAGE)
    socket.waitForBytesWritten(timeout_ms)
    socket.disconnectFromServer()
    return True


class InstanceServer(QObject):
    """Listens for later starts on the same folder and brings `window` to the front."""

    raised = Signal()

    def __init__(self, folder: Path, window, parent=None):
        super().__init__(parent)
        self.window = window
        self.server = QLocalServer(self)
        name = server_name(folder)
        QLocalServer.removeServer(name)  # a socket left by a crash; we hold the folder's lock, so it is not live
        if not self.server.listen(name):
            log.warning("cannot listen on %s: %s", name, self.server.errorString())
        self.server.newConnection.connect(self._connected)

    def _connected(self) -> None:
        while self.server.hasPendingConnections():
            socket = self.server.nextPendingConnection()
            socket.disconnected.connect(socket.deleteLater)
        window = self.window
        if window.isMinimized():
            window.showNormal()
        window.show()
        window.raise_()
        window.activateWindow()
        self.raised.emit()

    def close(self) -> None:
        self.server.close()
