"""One reviewer process of the load test: random verdicts, links, unlinks and notes on
shared claims, each based on the version the reviewer last read.

    python -m tests.reviewer_load URL NAME SEED CHANGES

Prints one JSON line: the changes made (action, claim, the claim version it produced),
the conflicts it was told of, and how many verdicts were the claim's status already. Any
other failure ends the process with a traceback.
"""

from __future__ import annotations

import json
import random
import sys

from claimcheck.core.vocabulary import STATUSES
from claimcheck.errors import Conflict
from claimcheck.services import review
from claimcheck.services.database import open_database


def main(url: str, name: str, seed: int, changes: int) -> None:
    rng = random.Random(seed)
    db = open_database(url)
    with db.session() as session:
        from sqlalchemy import select

        from claimcheck.store.models import Claim

        claims = list(session.scalars(select(Claim.id).order_by(Claim.id).limit(200)))
    made: list[tuple[str, int, int]] = []
    conflicts: list[int] = []
    unchanged = 0
    try:
        for number in range(changes):
            claim = rng.choice(claims)
            before = review.claim_state(db, claim)
            seen = before.version
            action = rng.choice(("status", "link", "note", "unlink"))
            if action == "unlink" and not before.links:
                action = "link"
            try:
                if action == "status":
                    status = rng.choice([s for s in STATUSES if s != "unreviewed"])
                    state = review.set_status(
                        db, claim, status, expected_version=seen, reviewer=name
                    )
                    version = state.version
                    if status == before.status:
                        # The claim had that status: nothing is written (the state
                        # returned may show a change someone made just after the check).
                        unchanged += 1
                        continue
                elif action == "link":
                    other = rng.choice([c for c in claims if c != claim])
                    review.add_link(
                        db, claim, target_claim=other, expected_version=seen, reviewer=name
                    )
                    version = seen + 1
                elif action == "unlink":
                    review.remove_link(
                        db, rng.choice(before.links).id, expected_version=seen, reviewer=name
                    )
                    version = seen + 1
                else:
                    review.add_note(
                        db, claim, f"{name} note {number}", expected_version=seen, reviewer=name
                    )
                    version = seen + 1
            except Conflict as conflict:
                assert conflict.claim_id == claim and conflict.current_version != seen
                conflicts.append(claim)
                continue
            made.append((action, claim, version))
    finally:
        db.close()
    print(json.dumps({"name": name, "made": made, "conflicts": conflicts, "unchanged": unchanged}))


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4]))
