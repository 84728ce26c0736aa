#!/usr/bin/env python3
"""Same-template retrieval in the closed loop, read from a bank that `rbank run --env ENV --all` filled.

For each run shown a memory, whether the experience retrieved first is of the run's own template (QA family,
shop template), counted over the runs for which the bank already held an experience of that template when
they started. Prints one JSON object: {"eligible": N, "same": M, "runs": R}.

    same_template.py --bank BANK.sqlite
"""
import argparse
import json
import sqlite3

TASK_FILES = (("data/tasks/qa.jsonl", "family"), ("data/tasks/shop.jsonl", "template"))


def templates():
    found = {}
    for path, key in TASK_FILES:
        with open(path, encoding="utf-8") as handle:
            for line in handle:
                if line.strip():
                    row = json.loads(line)
                    found[row["id"]] = row[key]
    return found


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--bank", required=True)
    arguments = parser.parse_args()
    template = templates()
    db = sqlite3.connect(arguments.bank)
    experiences = db.execute("SELECT task_id, created_at FROM experience ORDER BY pk").fetchall()
    runs = db.execute(
        "SELECT r.task_id, r.started_at, l.task_id FROM run r"
        " LEFT JOIN retrieval_log l ON l.run_id = r.id AND l.rank = 1 ORDER BY r.started_at").fetchall()
    eligible = same = 0
    for task, started, retrieved in runs:
        own = template.get(task)
        if not any(created < started and template.get(other) == own for other, created in experiences):
            continue
        eligible += 1
        if retrieved is not None and template.get(retrieved) == own:
            same += 1
    print(json.dumps({"eligible": eligible, "same": same, "runs": len(runs)}))


if __name__ == "__main__":
    main()
