#!/usr/bin/env python3
"""NumPy's exact top-k retrieval, the reference for rbank's: `np.argpartition(M @ q)` over unit rows.

    retrieval_reference.py data --rows N --queries Q --dim 384 --out DIR   # writes DIR/matrix.f32, DIR/queries.f32
    retrieval_reference.py time --dir DIR --k 10 --repeat 5                 # median seconds per query

The data are random unit vectors (seed 0), stored as little-endian Float32; rbank-bench reads the same files.
Only the scoring and the top-k selection are timed, for each query, and the median over queries and passes
is printed, as rbank-bench does for its own.
"""
import argparse
import json
import time

import numpy as np


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("mode", choices=["data", "time"])
    parser.add_argument("--rows", type=int, default=100000)
    parser.add_argument("--queries", type=int, default=50)
    parser.add_argument("--dim", type=int, default=384)
    parser.add_argument("--out")
    parser.add_argument("--dir")
    parser.add_argument("--k", type=int, default=10)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    if args.mode == "data":
        rng = np.random.default_rng(0)
        for name, count in (("matrix", args.rows), ("queries", args.queries)):
            values = rng.standard_normal((count, args.dim), dtype=np.float32)
            values /= np.linalg.norm(values, axis=1, keepdims=True)
            values.astype("<f4").tofile("%s/%s.f32" % (args.out, name))
        return
    matrix = np.fromfile(args.dir + "/matrix.f32", dtype="<f4").reshape(-1, args.dim)
    queries = np.fromfile(args.dir + "/queries.f32", dtype="<f4").reshape(-1, args.dim)
    k = args.k
    times, top = [], []
    for _ in range(args.repeat):
        for q in queries:
            start = time.perf_counter()
            scores = matrix @ q
            best = np.argpartition(-scores, k)[:k]
            times.append(time.perf_counter() - start)
            top.append(sorted(best.tolist()))
    times.sort()
    print(json.dumps({"rows": len(matrix), "k": k, "median_seconds": times[len(times) // 2],
                      "top": top[: len(queries)]}))


if __name__ == "__main__":
    main()
