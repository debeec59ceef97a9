#!/usr/bin/env python3
"""Adds generated published articles to a portal database, for the benchmarks at archive scale.

    python3 bench/generate.py <portal.db> <count>

Every fifth article is Russian; each has one of 100 tags ("Tag 0" .. "Tag 99"), and the English ones with i % 5 == 1
(a fifth of all) also carry "Benchmark", so at 100,000 articles that tag lists 20,000. Publish dates are spread evenly
from January 2000 to November 2026. Run `search rebuild` afterwards: rows written here bypass the search indexing.
"""
import datetime
import sqlite3
import sys
import uuid

db_path, count = sys.argv[1], int(sys.argv[2])
db = sqlite3.connect(db_path)
news = db.execute("SELECT Id FROM Sections WHERE Slug = 'news'").fetchone()[0]


def tag(name, slug):
    row = db.execute("SELECT Id FROM Tags WHERE Slug = ?", (slug,)).fetchone()
    return row[0] if row else db.execute("INSERT INTO Tags (Slug, Name) VALUES (?, ?)", (slug, name)).lastrowid


benchmark = tag("Benchmark", "benchmark")
tags = [tag(f"Tag {i}", f"tag-{i}") for i in range(100)]
text = "Paragraph of body text for the benchmark. " * 40
html = f"<p>{text.strip()}</p>\n"
start = datetime.datetime(2000, 1, 1)
span = (datetime.datetime(2026, 11, 1) - start).total_seconds()
now = datetime.datetime.now(datetime.UTC).strftime("%Y-%m-%d %H:%M:%S")
first = db.execute("SELECT COALESCE(MAX(Id), 0) FROM Articles").fetchone()[0] + 1
articles, links = [], []
for i in range(1, count + 1):
    article_id = first + i - 1
    language = "ru" if i % 5 == 0 else "en"
    published = (start + datetime.timedelta(seconds=span * i / count)).strftime("%Y-%m-%d %H:%M:%S")
    articles.append((article_id, language, str(uuid.uuid4()).upper(), f"generated-report-{i}", f"Generated report {i}",
                     "A generated report for benchmarking.", text, html, "Published", published, news, now, now, 1))
    links.append((article_id, tags[i % 100]))
    if i % 5 == 1:
        links.append((article_id, benchmark))
with db:
    db.executemany("INSERT INTO Articles (Id, Language, TranslationGroup, Slug, Title, Summary, BodyMarkdown, BodyHtml, Status, "
                   "PublishAt, SectionId, CreatedAt, UpdatedAt, Version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", articles)
    db.executemany("INSERT INTO ArticleTags (ArticlesId, TagsId) VALUES (?, ?)", links)

db.close()
print(f"added {count} articles")
