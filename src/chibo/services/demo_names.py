"""Names for the demo cell, after the naming customs of the highland peoples DOMAIN.md names
(Hmông, Dao, Thái, Tày, Nùng, Giáy, Hà Nhì, Kinh): family name, middle name, given name.

Every combination of a people's pools is a name; `NamePool` hands them out shuffled by the demo's
seed, each once, so a cell of 300 never runs out (the pools hold several thousand)."""

from __future__ import annotations

import random
from itertools import product

from chibo.errors import ValidationError

# people: (family names, male middle names, female middle names, male given names, female given names)
PEOPLES = {
    "Hmông": (["Giàng", "Sùng", "Vàng", "Thào", "Lầu", "Hạng", "Mùa", "Vừ", "Hầu", "Lý", "Cứ", "Tráng"],
              ["A", "Seo", "Chá", "Mí"], ["Thị"],
              ["Páo", "Dính", "Chứ", "Sử", "Lử", "Dế", "Tủa", "Chía", "Sủng", "Pó", "Sình", "Nhè", "Lềnh", "Dìa"],
              ["Mỷ", "Dợ", "Pằng", "Xúa", "Chở", "Mai", "Súa", "Dở", "Chi", "Cở", "Say", "Mỉ"]),
    "Dao": (["Triệu", "Bàn", "Đặng", "Chảo", "Phàn", "Lý", "Tẩn", "Hoàng"], ["Văn", "Tả", "Láo", "Quẩy"],
            ["Thị", "Mùi", "Tả"],
            ["Phù", "Sành", "Quẩy", "Chòi", "Ván", "Kiều", "Chiêu", "Phin", "Seng", "Kháy"],
            ["Mẩy", "Tỷ", "Sinh", "Nái", "Mây", "Xuân", "Dần", "Nhất"]),
    "Thái": (["Lò", "Lường", "Tòng", "Quàng", "Cầm", "Điêu", "Vì", "Lừ", "Bạc"], ["Văn"], ["Thị"],
             ["Ơn", "Xôm", "Khăm", "Pấng", "Hoan", "Lực", "Piêng", "Inh", "Xiêng", "Thanh"],
             ["Ỷ", "Thoa", "Ánh", "Ín", "Hặc", "Bua", "Kim", "Thương", "Xuân"]),
    "Tày": (["Hoàng", "Nông", "Hà", "Lục", "Ma", "Sầm", "Bế", "Mông"], ["Văn", "Đức"], ["Thị"],
            ["Đức", "Lượng", "Sự", "Thắng", "Toàn", "Bình", "Kiên", "Tuấn"],
            ["Thủy", "Hằng", "Dung", "Hoa", "Liên", "Nhung"]),
    "Nùng": (["Nông", "Lăng", "Lương", "Lành", "Chu", "Mã", "Vi"], ["Văn"], ["Thị"],
             ["Sáng", "Páo", "Lù", "Phủ", "Dìn", "Thàng"], ["Mây", "Cúc", "Hiên", "Sửu", "Pha"]),
    "Giáy": (["Lù", "Vương", "Sần", "Hoàng", "Giàng"], ["Văn"], ["Thị"],
             ["Chẩn", "Dũng", "Phứ", "Quáng", "Sáng", "Lềnh"], ["Liên", "Vỹ", "Ngọc", "Ương", "Mai"]),
    "Hà Nhì": (["Lý", "Chu", "Pờ", "Phu", "Lò"], ["A", "Xé", "Giò"], ["Thị", "Mỳ"],
               ["Xá", "Thắng", "Chừ", "Hừ", "Dơ"], ["Sừ", "Chà", "Mé", "Khừ"]),
    "Kinh": (["Nguyễn", "Trần", "Lê", "Phạm", "Đỗ", "Vũ", "Bùi", "Đặng"], ["Văn", "Đức", "Minh", "Quang"],
             ["Thị", "Thu", "Thanh"], ["Hùng", "Dũng", "Tuấn", "Thắng", "Quyết", "Hải", "Nam", "Long"],
             ["Hường", "Hương", "Lan", "Quỳnh", "Yến", "Hà", "Nga", "Thảo"]),
}
PEOPLE_WEIGHTS = {"Hmông": 10, "Dao": 5, "Thái": 5, "Tày": 3, "Nùng": 2, "Giáy": 3, "Hà Nhì": 1, "Kinh": 4}


class NamePool:
    """Every name of each people and sex once, in an order fixed by the seed's random source."""

    def __init__(self, rng: random.Random, taken: set[str] = frozenset()):
        self.rng = rng
        self.taken = set(taken)
        self._left: dict[tuple[str, bool], list[str]] = {}

    def _names(self, people: str, female: bool) -> list[str]:
        key = (people, female)
        if key not in self._left:
            families, male_mid, female_mid, male_given, female_given = PEOPLES[people]
            pools = (families, female_mid, female_given) if female else (families, male_mid, male_given)
            names = sorted({" ".join(parts) for parts in product(*pools)})
            self.rng.shuffle(names)
            self._left[key] = names
        return self._left[key]

    def take(self, people: str, female: bool) -> tuple[str, str]:
        """(name, people): of `people` while it has names left, else of the next people that has."""
        order = [people] + [p for p in PEOPLES if p != people]
        for candidate in order:
            names = self._names(candidate, female)
            while names:
                name = names.pop()
                if name not in self.taken:
                    self.taken.add(name)
                    return name, candidate
        raise ValidationError("Đã dùng hết tên để đặt cho chi bộ mẫu; hãy chọn ít đảng viên hơn.")
