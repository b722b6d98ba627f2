"""Removable drives to write a bundle on, found with QStorageInfo. Qt does not say which volume
is removable, so the rule is the one an office worker would use: on Windows every writable drive
letter but the system's; on Linux what the desktop mounts under /media, /run/media or /mnt. The
`DestinationPicker` offers them, or a folder chosen by hand, wherever a bundle is written."""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QStorageInfo
from PySide6.QtWidgets import QComboBox, QFileDialog, QHBoxLayout, QLabel, QMessageBox, QPushButton, QWidget

from chibo.text import format_size
from chibo.ui.i18n import tr

_LINUX_MOUNTS = ("/media/", "/run/media/", "/mnt/")


@dataclass(frozen=True)
class Drive:
    label: str  # "USB drive E: (KINGSTON), 3,6 GB free"
    name: str  # "USB drive E:", for the result sentence
    path: Path


def removable_drives() -> list[Drive]:
    system = QStorageInfo.root().rootPath()
    drives = []
    for volume in QStorageInfo.mountedVolumes():
        if not volume.isValid() or not volume.isReady() or volume.isReadOnly():
            continue
        root = volume.rootPath()
        if root == system:
            continue
        if sys.platform == "win32":
            if not re.fullmatch(r"[A-Za-z]:/", root):
                continue
            name = tr("USB drive {name}").format(name=root[:2])
            extra = volume.displayName() if volume.displayName() not in (root, root[:2]) else ""
        else:
            if not root.startswith(_LINUX_MOUNTS):
                continue
            name = tr("USB drive {name}").format(name=volume.displayName() or Path(root).name)
            extra = root
        free = tr("{size} free").format(size=format_size(volume.bytesAvailable()))
        drives.append(Drive(f"{name} ({extra}), {free}" if extra else f"{name}, {free}", name, Path(root)))
    return drives


class DestinationPicker(QWidget):
    """Where to write: a removable drive found on the machine, or a folder chosen by hand."""

    def __init__(self):
        super().__init__()
        self.combo = QComboBox()
        self.combo.setMinimumWidth(420)
        label = QLabel(tr("Write to:"))
        label.setBuddy(self.combo)
        refresh = QPushButton(tr("Look for USB drives again"))
        refresh.setToolTip(tr("Plug in the USB stick, then press this button so that chibo sees the new drive."))
        choose = QPushButton(tr("Choose a folder…"))
        refresh.clicked.connect(self.refresh)
        choose.clicked.connect(self.choose_folder)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(label)
        layout.addWidget(self.combo, 1)
        layout.addWidget(refresh)
        layout.addWidget(choose)
        self.folders: list[Path] = []  # chosen by hand; kept across a new search for drives
        self.refresh()

    def refresh(self) -> None:
        self.combo.clear()
        for drive in removable_drives():
            self.combo.addItem(drive.label, (drive.name, str(drive.path)))
        for folder in self.folders:
            self.combo.addItem(tr("Folder {folder}").format(folder=folder),
                               (tr("the folder {folder}").format(folder=folder), str(folder)))
        if self.combo.count() == 0:
            self.combo.addItem(tr("No USB drive found: plug in a USB stick and press “Look for USB drives again”, "
                                  "or choose a folder"), None)

    def set_folder(self, folder: Path) -> None:
        self.folders.append(folder)
        self.refresh()
        self.combo.setCurrentIndex(self.combo.count() - 1)

    def choose_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, tr("Choose the folder to write the bundle to"))
        if folder:
            self.set_folder(Path(folder))

    def destination(self) -> tuple[str, Path] | None:
        data = self.combo.currentData()
        return (data[0], Path(data[1])) if data else None

    def chosen(self) -> tuple[str, Path] | None:
        """(how to name it, folder); None, after saying what to do, when nothing is there to write to."""
        destination = self.destination()
        if destination is None:
            QMessageBox.information(self, "chibo", tr("Plug in a USB stick and press “Look for USB drives again”, "
                                                      "or press “Choose a folder…”."))
        return destination
