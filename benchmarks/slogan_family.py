"""A slogan many people repeat on many days: the partition's time as its family grows.

    python benchmarks/slogan_family.py [--sizes 1000 2000 4000] [--long-share 0.0]

One family of linked members (``statements.partition``'s unit of work): a short line ("Make America
great again" and its variants) credited to the candidate under his name's forms, to 60 other people,
to descriptions and to nobody, on days spread over 500, with every kind of date (exact, relative,
the publication day's), so that nearly every member is a statement of its own occasion.
``--long-share`` makes that share of the members longer passages (tried against every statement,
as before). The family is partitioned twice side by side: as the store does (statements filed by the
weeks of their occasions, ``statements.candidates``) and trying every statement, as before it; the two
outcomes are compared (they must be equal) and the CPU seconds printed with their ratio.
"""

from __future__ import annotations

import argparse
import importlib
import random
import sys
import time
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from quotes.statements import Member, partition
from quotes.statements.candidates import Candidates

# The module, not the function the package exports under the same name.
partition_module = importlib.import_module("quotes.statements.partition")

SHORT = ["Make America great again", "make America great again!", "Make America Great Again", "great again"]
LONG = ["We are going to make America great again, believe me, folks",
        "make America great again and we will win so much you will be tired of winning"]
SPEAKERS = ["Donald Trump", "Donald J. Trump", "Trump", None, "The crowd", "a supporter",
            *(f"Speaker{k} Person{k}" for k in range(60))]


class EveryStatement(Candidates):
    """Offers every statement to every member: the partition before ``candidates``."""

    def for_member(self, member: Member) -> range:
        return range(self.count)


def family(size: int, long_share: float, seed: int = 7) -> list[Member]:
    rng = random.Random(seed)
    members = []
    for _ in range(size):
        day = date(2015, 6, 16) + timedelta(days=rng.randrange(500))
        basis = rng.choice(["explicit", "relative", "article", "article"])
        published = (day + timedelta(days=rng.randrange(3))).isoformat()
        words = rng.choice(LONG if rng.random() < long_share else SHORT)
        members.append(Member.of(words, rng.choice(SPEAKERS), None if basis == "article" else day.isoformat(),
                                 basis, published))
    return members


def timed(members: list[Member], every: bool) -> tuple[dict[str, str], float]:
    partition_module.Candidates = EveryStatement if every else Candidates  # type: ignore[misc]
    start = time.process_time()
    result = partition(members)
    return result, time.process_time() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 2000, 4000])
    parser.add_argument("--long-share", type=float, default=0.0)
    args = parser.parse_args()
    print(f"{'members':>8} {'statements':>10} {'by weeks s':>10} {'every s':>8} {'ratio':>6}  same")
    for size in args.sizes:
        members = family(size, args.long_share)
        fast, fast_s = timed(members, every=False)
        slow, slow_s = timed(members, every=True)
        print(f"{size:>8} {len(set(fast.values())):>10} {fast_s:>10.2f} {slow_s:>8.2f} "
              f"{slow_s / max(fast_s, 1e-9):>5.1f}x  {fast == slow}")


if __name__ == "__main__":
    main()
