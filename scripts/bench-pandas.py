"""The benchmark's pandas reference: the same aggregation job in Python.

Reads a Vertex AI CSV (ML_USE,VIDEO_URI,LABEL,START,END, no header) with pandas and counts segments
per (split, class) and distinct videos per split. Prints the number of rows read.
Usage: python3 scripts/bench-pandas.py FILE
"""

import sys

import pandas as pd

frame = pd.read_csv(
    sys.argv[1],
    header=None,
    names=["split", "video", "label", "start", "end"],
    dtype={"split": "category", "video": "string", "label": "category"},
)
per_class = frame.groupby(["split", "label"], observed=True).size()
videos = frame.groupby("split", observed=True)["video"].nunique()
assert per_class.sum() == len(frame) and len(videos) > 0
print(len(frame))
