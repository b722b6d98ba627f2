"""Cycles are collected on the GUI thread only: a worker that allocates never runs the collector
(it could destroy a Qt object off the GUI thread, which crashes PySide)."""

from __future__ import annotations

import gc
import threading
import weakref

from PySide6.QtCore import QObject

from chibo.ui.collector import GuiThreadCollector, collect_on_gui_thread


class _Node:
    pass


def test_automatic_collection_is_off_and_the_timer_collects_on_the_gui_thread(qapp, qtbot):
    collector = collect_on_gui_thread(qapp)
    assert collect_on_gui_thread(qapp) is collector  # one per application
    assert not gc.isenabled()
    assert collector.timer.isActive()

    collected_in = []

    class Holder(QObject):
        def __del__(self):
            collected_in.append(threading.current_thread() is threading.main_thread())

    def make_cycle_on_a_worker():
        a, b = _Node(), _Node()
        a.other, b.other = b, a
        a.qt = Holder()
        return weakref.ref(a)

    def work():
        refs.append(make_cycle_on_a_worker())  # the cycle is garbage from here on
        # live allocations past the young generation's threshold: with gc on, this thread would collect
        kept.extend(_Node() for _ in range(2 * gc.get_threshold()[0]))

    refs, kept = [], []
    worker = threading.Thread(target=work)
    worker.start()
    worker.join()
    assert refs[0]() is not None and collected_in == []  # the worker never collected
    qtbot.waitUntil(lambda: refs[0]() is None, timeout=5_000)
    assert collected_in == [True]


def test_the_collector_keeps_the_interpreters_thresholds(qapp):
    collector = qapp.findChild(GuiThreadCollector) or collect_on_gui_thread(qapp)
    assert collector.threshold == gc.get_threshold()
