import unicodedata
from datetime import date

import pytest

from chibo.text import (
    fold,
    format_count,
    format_date,
    format_percent,
    format_rate,
    matches,
    name_sort_key,
    nfc,
    parse_date,
    party_date_line,
    text_sort_key,
)


def test_people_sort_by_given_then_middle_then_family_name():
    names = ["Nguyễn Thị Páo", "Giàng A Páo", "Lò Văn An"]
    assert sorted(names, key=name_sort_key) == ["Lò Văn An", "Giàng A Páo", "Nguyễn Thị Páo"]


def test_vietnamese_letters_follow_the_alphabet_not_code_points():
    words = ["đào", "dung", "ươm", "uống", "ăn", "ân", "an", "ơn", "ôm", "om", "ba"]
    assert sorted(words, key=text_sort_key) == ["an", "ăn", "ân", "ba", "dung", "đào", "om", "ôm", "ơn", "uống", "ươm"]


def test_letters_decide_before_tones_and_tones_in_cldr_order():
    assert sorted(["á", "à", "ạ", "a", "ã", "ả"], key=text_sort_key) == ["a", "à", "ả", "ã", "á", "ạ"]
    # "Anh" < "Ánh" < "Anha": letters of the whole word first, then tones.
    assert sorted(["Anha", "Ánh", "Anh"], key=text_sort_key) == ["Anh", "Ánh", "Anha"]


def test_same_given_name_with_tones_is_settled_before_middle_names():
    names = ["Hoàng Thị Ánh", "Đỗ Văn Anh", "Lò Văn Ánh"]
    assert sorted(names, key=name_sort_key) == ["Đỗ Văn Anh", "Hoàng Thị Ánh", "Lò Văn Ánh"]


def test_sort_key_is_the_same_for_composed_and_decomposed_input():
    composed = "Nguyễn Thị Hường"
    decomposed = unicodedata.normalize("NFD", composed)
    assert composed != decomposed
    assert name_sort_key(composed) == name_sort_key(decomposed)


def test_search_ignores_diacritics_case_and_maps_d_bar():
    assert matches("nguyen thi huong", "Nguyễn Thị Hường")
    assert matches("HUONG", "Nguyễn Thị Hường")
    assert matches("dang duc", "Đặng Đức Anh")
    assert not matches("nguyen van huong", "Nguyễn Thị Hường")
    assert fold("ĐẶNG  Thị\u0301") == "dang thi"


def test_nfc_joins_combining_marks_and_trims():
    assert nfc("  Nguye\u0302\u0303n ") == "Nguyễn"
    assert nfc(None) == ""


def test_numbers_and_dates_are_written_the_vietnamese_way():
    assert format_date(date(2026, 2, 5)) == "05/02/2026"
    assert format_count(35599) == "35.599"
    assert format_percent(99.1643) == "99,16%"
    assert format_percent(100) == "100,00%"
    assert format_rate(35599, 35900) == "35.599/35.900 (99,16%)"
    assert format_rate(0, 0) == "0/0"


def test_party_date_line_pads_day_below_10_and_month_below_3():
    assert party_date_line("Nậm Xe", date(2026, 2, 5)) == "Nậm Xe, ngày 05 tháng 02 năm 2026"
    assert party_date_line("Nậm Xe", date(2026, 3, 15)) == "Nậm Xe, ngày 15 tháng 3 năm 2026"
    assert party_date_line("Nậm Xe", date(2026, 12, 1)) == "Nậm Xe, ngày 01 tháng 12 năm 2026"


@pytest.mark.parametrize("text", ["05/02/1980", "5/2/1980", "05-02-1980", "05.02.1980", "1980-02-05", " 05/02/1980 "])
def test_dates_are_read_day_first_in_every_common_spelling(text):
    assert parse_date(text) == date(1980, 2, 5)


@pytest.mark.parametrize("text", ["31/02/1980", "13/13/1980", "abc", "05/02/80", "02/05/1880"])
def test_impossible_dates_are_refused_in_vietnamese(text):
    with pytest.raises(ValueError, match=r"ngày|năm"):
        parse_date(text)


def test_year_only_is_read_only_when_allowed():
    assert parse_date("1985", allow_year_only=True) == date(1985, 1, 1)
    with pytest.raises(ValueError):
        parse_date("1985")
