#!/usr/bin/env python3
"""Times the SQL that one OParl list page costs, per kind of list, straight on the SQLite file.

    python3 bench/oparl-sql-costs.py bench/.data/muni-100000-s1/openris.db [--body 1] [--runs 3]

The statements are the ones EF Core sends for a page (OParlLists.WriteAsync; logged with
Logging__LogLevel__Microsoft.EntityFrameworkCore.Database.Command=Information): COUNT(*) of the
list, the page rows (limit+1, Json and JsonOmitInternal), EXISTS for "prev", MAX(ObjectId) for
"last". Best of --runs, warm cache, read-only. Python's sqlite3 decodes the strings too, so the
row times are an upper bound of SQLite's own share.
"""
import argparse
import sqlite3
import time

FILTER = 'o."Visible" AND NOT o."Deleted"'
BODY_LISTS = [("organization", "organization"), ("person", "person"), ("meeting", "meeting"), ("paper", "paper"),
              ("agendaItem", "agendaItem"), ("consultation", "consultation"), ("file", "file"),
              ("locationList", "location"), ("legislativeTermList", "legislativeTerm"), ("membership", "membership")]


def best(db, sql, args, runs):
    times = []
    rows = None
    for _ in range(runs):
        start = time.perf_counter()
        rows = db.execute(sql, args).fetchall()
        times.append(time.perf_counter() - start)
    return min(times) * 1000, rows


def page_costs(db, where, args, limit, runs):
    count_ms, count = best(db, f'SELECT COUNT(*) FROM "OParlDocuments" AS o WHERE {where}', args, runs)
    middle = count[0][0] // 2
    # A page from the middle of the list: the after cursor is the id at position `middle`.
    after = db.execute(f'SELECT o."ObjectId" FROM "OParlDocuments" AS o WHERE {where} ORDER BY o."ObjectId" LIMIT 1 OFFSET ?',
                       args + (max(middle - 1, 0),)).fetchone()
    after = after[0] if after else 0
    rows_ms, rows = best(db, f'SELECT o."ObjectId", o."Json", o."JsonOmitInternal", o."Modified" FROM "OParlDocuments" AS o '
                             f'WHERE {where} AND o."ObjectId" > ? ORDER BY o."ObjectId" LIMIT ?', args + (after, limit + 1), runs)
    prev_ms, _ = best(db, f'SELECT EXISTS (SELECT 1 FROM "OParlDocuments" AS o WHERE {where} AND o."ObjectId" <= ?)', args + (after,), runs)
    max_ms, _ = best(db, f'SELECT MAX(o."ObjectId") FROM "OParlDocuments" AS o WHERE {where}', args, runs)
    size = sum(len(r[1].encode()) + len((r[2] or "").encode()) for r in rows[:limit])
    return count[0][0], count_ms, rows_ms, prev_ms, max_ms, size


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("db")
    parser.add_argument("--body", type=int, default=None)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--organizations", type=int, default=3, help="how many of the largest organizations to time")
    a = parser.parse_args()
    db = sqlite3.connect(f"file:{a.db}?mode=ro", uri=True)
    body = a.body or db.execute('SELECT MIN("ObjectId") FROM "OParlDocuments" WHERE "Type" = \'body\' AND "Visible"').fetchone()[0]
    print(f"body {body}; ms per statement, best of {a.runs}; rows = limit+1 rows from the middle of the list")
    print(f'{"list":<28}{"objects":>9}{"COUNT":>9}{"rows 100":>10}{"rows 1000":>11}{"EXISTS":>8}{"MAX":>7}{"MB/1000":>9}')
    for name, type_ in BODY_LISTS:
        where = f'o."Type" = ? AND o."BodyId" = ? AND {FILTER}'
        n, count_ms, rows100, prev_ms, max_ms, _ = page_costs(db, where, (type_, body), 100, a.runs)
        _, _, rows1000, _, _, size = page_costs(db, where, (type_, body), 1000, a.runs)
        print(f"{name:<28}{n:>9}{count_ms:>9.1f}{rows100:>10.1f}{rows1000:>11.1f}{prev_ms:>8.1f}{max_ms:>7.1f}{size / 1e6:>9.2f}")
    # The organizations' own lists (OParlEndpoints.OrganizationListAsync), for the largest organizations.
    consultation = (f'o."Type" = \'consultation\' AND o."Visible" AND EXISTS (SELECT 1 FROM "Consultations" AS c WHERE c."Id" = o."ObjectId" '
                    f'AND EXISTS (SELECT 1 FROM "ConsultationOrganization" AS c0 INNER JOIN "Organizations" AS o0 ON c0."OrganizationId" = o0."Id" '
                    f'WHERE c."Id" = c0."ConsultationId" AND o0."Id" = ?)) AND NOT o."Deleted"')
    meeting = (f'o."Type" = \'meeting\' AND o."Visible" AND EXISTS (SELECT 1 FROM "MeetingOrganizations" AS m '
               f'WHERE m."MeetingId" = o."ObjectId" AND m."OrganizationId" = ?) AND NOT o."Deleted"')
    for table, column, where, name in (("ConsultationOrganization", "OrganizationId", consultation, "consultation"),
                                       ("MeetingOrganizations", "OrganizationId", meeting, "meeting")):
        if not has_table(db, table):
            continue
        largest = db.execute(f'SELECT "{column}", COUNT(*) FROM "{table}" GROUP BY 1 ORDER BY 2 DESC LIMIT ?', (a.organizations,)).fetchall()
        for organization, _ in largest:
            n, count_ms, rows100, prev_ms, max_ms, _ = page_costs(db, where, (organization,), 100, a.runs)
            print(f"{'organization/' + str(organization) + '/' + name:<28}{n:>9}{count_ms:>9.1f}{rows100:>10.1f}{'':>11}{prev_ms:>8.1f}{max_ms:>7.1f}")


def has_table(db, name):
    return db.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", (name,)).fetchone() is not None


if __name__ == "__main__":
    main()
