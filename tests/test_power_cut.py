"""A power cut (kill -9) in the middle of writes leaves a whole database in the old or new state."""

import os
import signal
import sqlite3
import subprocess
import sys
import textwrap
import time

import pytest

from chibo.services.units import init_book
from chibo.store.book import Book

BATCH = 40

WRITER = textwrap.dedent(f"""
    import sys
    from pathlib import Path
    from chibo.services import members
    from chibo.store.book import Book

    book = Book.open(Path(sys.argv[1]))
    batch = 0
    while True:
        with book.session() as db:
            for i in range({BATCH}):
                members.add_member(db, full_name="Lò Văn An", joined_on="01/01/2020", note=f"{{batch}}-{{i}}")
        batch += 1
        print(batch, flush=True)
""")


@pytest.mark.slow
@pytest.mark.parametrize("delay", [0.3, 0.7, 1.3])
def test_kill_9_during_writes_leaves_old_or_new_state(tmp_path, delay):
    with Book.open(tmp_path) as book:
        init_book(book, name="Chi bộ thử")
    proc = subprocess.Popen([sys.executable, "-c", WRITER, str(tmp_path)], stdout=subprocess.PIPE, text=True)
    first = proc.stdout.readline()  # at least one batch committed
    assert first.strip() == "1"
    time.sleep(delay)
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    conn = sqlite3.connect(tmp_path / "chibo.sqlite")
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    members_count = conn.execute("SELECT count(*) FROM member").fetchone()[0]
    changes = conn.execute("SELECT count(*) FROM member_status_change").fetchone()[0]
    last_rev = conn.execute("SELECT last_rev FROM rev_counter").fetchone()[0]
    max_rev = conn.execute("SELECT max(rev) FROM (SELECT rev FROM member UNION ALL "
                           "SELECT rev FROM member_status_change)").fetchone()[0]
    conn.close()
    assert members_count >= BATCH and members_count % BATCH == 0  # whole transactions only
    assert changes == members_count
    assert last_rev == max_rev  # the counter moved with the rows, never ahead or behind
    # the lock died with the process: the book opens again and takes more writes
    with Book.open(tmp_path) as book, book.session() as db:
        from chibo.services import members

        members.add_member(db, full_name="Giàng A Páo", joined_on="01/01/2020")
