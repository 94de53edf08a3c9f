#!/usr/bin/env python3
"""Derives web/public/admin1.geojson (the dashboard's first-level boundaries) from Natural Earth.

Input: ne_10m_admin1_simplified.geojson.gz (public domain, in shared/data/geonames/naturalearth/).
Output: a small GeoJSON: Douglas-Peucker simplified at TOL degrees, coordinates rounded to 2
decimals, rings smaller than MIN_AREA dropped, properties cut to name/admin/iso_a2.
Run once and commit the output; the build does not need Python.
  python3 web/tools/make-admin1.py SRC.geojson.gz web/public/admin1.geojson
"""
import gzip, json, sys

TOL = 0.04
MIN_AREA = 0.002  # square degrees


def dp(points, tol):
    if len(points) < 4:
        return points
    keep = [False] * len(points)
    keep[0] = keep[-1] = True
    stack = [(0, len(points) - 1)]
    tol2 = tol * tol
    while stack:
        a, b = stack.pop()
        ax, ay = points[a]
        bx, by = points[b]
        dx, dy = bx - ax, by - ay
        n2 = dx * dx + dy * dy
        best, bi = -1.0, -1
        for i in range(a + 1, b):
            px, py = points[i]
            if n2 == 0:
                d2 = (px - ax) ** 2 + (py - ay) ** 2
            else:
                t = ((px - ax) * dx + (py - ay) * dy) / n2
                t = max(0.0, min(1.0, t))
                d2 = (px - ax - t * dx) ** 2 + (py - ay - t * dy) ** 2
            if d2 > best:
                best, bi = d2, i
        if best > tol2 and bi > 0:
            keep[bi] = True
            stack.append((a, bi))
            stack.append((bi, b))
    return [p for p, k in zip(points, keep) if k]


def area(ring):
    s = 0.0
    for (x1, y1), (x2, y2) in zip(ring, ring[1:]):
        s += x1 * y2 - x2 * y1
    return abs(s) / 2


def ring_out(ring):
    if area(ring) < MIN_AREA:
        return None
    r = dp(ring, TOL)
    out = []
    for x, y in r:
        p = [round(x, 2), round(y, 2)]
        if not out or out[-1] != p:
            out.append(p)
    if len(out) < 4:
        return None
    if out[0] != out[-1]:
        out.append(out[0])
    return out


def poly_out(poly):
    rings = [ring_out(r) for r in poly]
    if not rings or rings[0] is None:
        return None
    return [rings[0]] + [r for r in rings[1:] if r]


def main():
    src, dst = sys.argv[1], sys.argv[2]
    with gzip.open(src, "rt", encoding="utf-8") as f:
        fc = json.load(f)
    feats = []
    for ft in fc["features"]:
        g = ft.get("geometry")
        if not g:
            continue
        polys = g["coordinates"] if g["type"] == "MultiPolygon" else [g["coordinates"]]
        polys = [p for p in (poly_out(p) for p in polys) if p]
        if not polys:
            continue
        pr = ft["properties"]
        feats.append({"type": "Feature",
                      "properties": {"name": pr.get("name") or pr.get("gn_name") or "",
                                     "admin": pr.get("admin") or "", "iso_a2": pr.get("iso_a2") or ""},
                      "geometry": {"type": "MultiPolygon", "coordinates": polys}})
    with open(dst, "w", encoding="utf-8") as f:
        json.dump({"type": "FeatureCollection", "features": feats}, f, ensure_ascii=False,
                  separators=(",", ":"))
    print(f"{len(feats)} features -> {dst}", file=sys.stderr)


if __name__ == "__main__":
    main()
