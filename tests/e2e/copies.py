#!/usr/bin/env python3
"""The nine articles of reading.sh and store_reading.sh as a JSON array: the five reports of
related-story a day apart, three copies of the first under other URLs and one of the second.
Usage: copies.py RELATED_STORY_DIR OUT.json"""
import json
import sys

data, out = sys.argv[1], sys.argv[2]
arts = []
for i, src in enumerate(["aawsat", "alweeam", "alwatan", "alyaum", "sabq"]):
    lines = open(f"{data}/{i + 1}.txt", encoding="utf-8").read().split("\n")
    arts.append({"title": lines[0], "source": src, "date": f"2015-07-2{i + 1} 09:00",
                 "url": f"https://example.org/{i}", "content": "\n".join(lines[1:])})
for k, src in enumerate(["okaz", "alriyadh", "aleqtisadiya"]):
    copy = dict(arts[0], source=src, url=f"https://example.org/copy{k}",
                date=f"2015-07-20 0{k}:00")
    arts.append(copy)
# the second report in a second paper: its entry says "2 sources"
arts.append(dict(arts[1], source="alhayat", url="https://example.org/copy-h",
                 date="2015-07-22 10:00"))
json.dump(arts, open(out, "w", encoding="utf-8"), ensure_ascii=False)
