"""Removable drives to write a bundle on, found with QStorageInfo. Qt does not say which volume
is removable, so the rule is the one an office worker would use: on Windows every writable drive
letter but the system's; on Linux what the desktop mounts under /media, /run/media or /mnt."""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QStorageInfo

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
