#!/usr/bin/env python3
"""Derives sitrep's gazetteer source TSVs from GeoNames and Natural Earth.

Usage: make_tsv.py GEONAMES_DIR [OUT_DIR]   (OUT_DIR defaults to data/gazetteer next to this repo)

GEONAMES_DIR is the shared folder holding cities500.zip, cities15000.zip, admin1CodesASCII.txt,
admin2Codes.txt, countryInfo.2025-11.tsv (or countryInfo.txt), countries/*.txt and
naturalearth/ne_10m_admin1_points.tsv and naturalearth/ne_10m_admin1_simplified.geojson.gz. Python 3 standard library only; the output is
deterministic (sorted rows, sorted alias lists), so rerunning it yields identical files.

Writes countries.tsv, admin1.tsv, admin2.tsv, admin1_city_names.tsv and places.tsv. Hand-made files in the same folder
(demonyms.tsv, country_aliases.tsv) are not touched. Alternate names are kept only when written
in Latin script (keeps the files small; the recognizer reads English text). Multi-valued fields
are joined with '|'.

Sources: GeoNames (www.geonames.org, CC BY 4.0); Natural Earth 5.1 admin-1 label points and
polygons (public domain).
"""
import csv
import gzip
import io
import json
import math
import os
import re
import sys
import unicodedata
import zipfile

GEONAMES_COLUMNS = 19


def is_latin_name(name):
    """True when every letter is Latin script and the punctuation is name-like."""
    if not name or len(name) > 200:
        return False
    has_letter = False
    for ch in name:
        o = ord(ch)
        if ch.isalpha():
            # Basic Latin, Latin-1, Extended-A/B, IPA, Latin Extended Additional.
            if not (o < 0x250 or 0x1E00 <= o <= 0x1EFF or 0x2B0 <= o <= 0x2FF):
                return False
            if 0x80 <= o < 0xC0:
                return False
            has_letter = True
        elif ch.isdigit():
            if o > 0x7F:
                return False
        elif ch in " -'.,()/&":
            pass
        elif 0x2B0 <= o <= 0x2FF or 0x300 <= o <= 0x36F or ch in "\u2018\u2019\u2010\u2011":
            pass  # modifier letters (ʿ ʾ ʼ), combining marks, curly quotes, hyphens
        else:
            return False
    return has_letter


def clean(s):
    return s.replace("\t", " ").replace("|", " ").replace("\r", " ").replace("\n", " ").strip()


def read_geonames_rows(lines):
    for line in lines:
        line = line.rstrip("\n")
        if not line or line.startswith("#"):
            continue
        cols = line.split("\t")
        if len(cols) != GEONAMES_COLUMNS:
            continue
        yield cols


def zip_lines(path):
    with zipfile.ZipFile(path) as zf:
        name = [n for n in zf.namelist() if n.endswith(".txt")][0]
        with zf.open(name) as f:
            for line in io.TextIOWrapper(f, encoding="utf-8"):
                yield line


def file_lines(path):
    with open(path, encoding="utf-8") as f:
        yield from f


def place_aliases(name, asciiname, alternatenames):
    out = set()
    for alt in alternatenames.split(","):
        alt = clean(alt)
        if not alt or alt == name or alt == asciiname or not is_latin_name(alt):
            continue
        # GeoNames mixes airport / ICAO codes into alternatenames ("MGQ", "ELF"): drop short
        # all-caps tokens.
        if len(alt) <= 4 and alt.isupper() and alt.isascii():
            continue
        out.add(alt)
    return sorted(out)


ARTICLE_RE = re.compile(r"^(al|el|ad|ash|as|at|az|an|ar|ath|adh|ud|ul)[- ]", re.I)
PREFIX_RE = re.compile(
    r"^(muhafazat|muhafazah|wilayat|wilaya|velayat-e|ostan-e|province of|province du|province de la|"
    r"province de l'|province de|province des|province|region du|region de la|region de|"
    r"region|région du|région de la|région de|région|región del|región de|región|"
    r"departement du|departement de la|"
    r"departement de|département du|département de la|département de|gobolka|"
    r"provincia de|provincia del|provinsi|state of|district of|district de|oblast)\s+",
    re.I)
SUFFIX_RE = re.compile(
    r"\s+(governorate|province|region|district|state|oblast|department|prefecture|county|"
    r"municipality|wilaya|division|region state|oblast'|raion|rayon)$", re.I)


def haversine_km(lat1, lon1, lat2, lon2):
    import math
    r = math.radians
    a = (math.sin(r(lat2 - lat1) / 2) ** 2 +
         math.cos(r(lat1)) * math.cos(r(lat2)) * math.sin(r(lon2 - lon1) / 2) ** 2)
    return 2 * 6371.0 * math.asin(math.sqrt(min(1.0, a)))


def ring_area_centroid(ring):
    """Signed area and centroid (lon, lat) of a ring, planar in degrees."""
    a = cx = cy = 0.0
    for (x0, y0), (x1, y1) in zip(ring, ring[1:]):
        c = x0 * y1 - x1 * y0
        a += c
        cx += (x0 + x1) * c
        cy += (y0 + y1) * c
    if a == 0:
        return 0.0, 0.0, 0.0
    return a / 2, cx / (3 * a), cy / (3 * a)


def point_in_ring(lon, lat, ring):
    inside = False
    for (x0, y0), (x1, y1) in zip(ring, ring[1:]):
        if (y0 > lat) != (y1 > lat) and lon < x0 + (lat - y0) * (x1 - x0) / (y1 - y0):
            inside = not inside
    return inside


def admin1_centroids(path):
    """gn_a1_code -> (lat, lon): the area centroid of the division's Natural Earth polygons (all
    features sharing the code). GeoNames places a division near its middle, where a label point is
    set for legibility (Hawaii's on Oahu, not amid the islands). A centroid outside the division
    is kept when it lies in no other division and within 100 km of its own outline (the sea
    amid an archipelago); otherwise (a crescent around another division) there is none."""
    with gzip.open(path, "rt", encoding="utf-8") as f:
        features = json.load(f)["features"]
    parts = {}
    everything = []  # (code, bbox, polygon)
    for feat in features:
        code = (feat["properties"].get("gn_a1_code") or "").strip()
        geom = feat.get("geometry") or {}
        if geom.get("type") not in ("Polygon", "MultiPolygon"):
            continue
        polys = geom["coordinates"] if geom["type"] == "MultiPolygon" else [geom["coordinates"]]
        for poly in polys:
            xs = [p[0] for p in poly[0]]
            ys = [p[1] for p in poly[0]]
            everything.append((code, (min(xs), min(ys), max(xs), max(ys)), poly))
        if code:
            parts.setdefault(code, []).extend(polys)

    def inside(lon, lat, poly):
        return point_in_ring(lon, lat, poly[0]) and not any(
            point_in_ring(lon, lat, hole) for hole in poly[1:])

    out = {}
    for code, polys in sorted(parts.items()):
        area = sx = sy = 0.0
        for poly in polys:
            for i, ring in enumerate(poly):
                a, x, y = ring_area_centroid(ring)
                w = abs(a) * math.cos(math.radians(y)) * (1 if i == 0 else -1)
                area += w
                sx += w * x
                sy += w * y
        if area <= 0:
            continue
        lat, lon = sy / area, sx / area
        if any(inside(lon, lat, poly) for poly in polys):
            out[code] = (lat, lon)
            continue
        if any(c != code and b[0] <= lon <= b[2] and b[1] <= lat <= b[3] and inside(lon, lat, poly)
               for c, b, poly in everything):
            continue
        nearest = min(haversine_km(lat, lon, y, x) for poly in polys for x, y in poly[0])
        if nearest <= 100:
            out[code] = (lat, lon)
    return out


def name_letters(name):
    """Lower-case ASCII letters of a division's name without level and article words."""
    n = unicodedata.normalize("NFKD", name)
    n = "".join(c for c in n if not unicodedata.combining(c)).lower()
    n = re.sub(r"['’‘ʿʾ`]", "", n)
    n = re.sub(r"\b(province|region|state|governorate|district|department|oblast|of|the|al|el|"
               r"city|municipality|prefecture|county)\b", " ", n)
    return re.sub(r"[^a-z]", "", n)


def names_resemble(names_a, names_b):
    """True when some name of one list contains, or is 60% similar to, some name of the other."""
    import difflib
    fa = [x for x in (name_letters(n) for n in names_a) if x]
    fb = [x for x in (name_letters(n) for n in names_b) if x]
    return any(a in b or b in a or difflib.SequenceMatcher(None, a, b).ratio() >= 0.6
               for a in fa for b in fb)


def core_name(name):
    """'Muhafazat al Anbar' -> 'al Anbar'; 'Balkh Province' -> 'Balkh'."""
    n = name.strip()
    for _ in range(2):
        n2 = PREFIX_RE.sub("", n)
        n2 = SUFFIX_RE.sub("", n2)
        if n2 == n or not n2:
            break
        n = n2
    return n.strip()


# Level words of second-level division names in GeoNames ("Municipio de Taxco de Alarcón",
# "Circunscrição da Nakuru", "Khyber Agency", "Kabupaten Aceh Barat"): the text names the
# division without them, so each name also gets an alias without its level word.
ADMIN2_PREFIX_RE = re.compile(
    r"^(municipio de|municipio|departamento de|departamento del|departamento|distrito de|"
    r"distrito|circunscrição da|circunscrição de|circunscrição do|circunscricao da|"
    r"partido de|partido|shahrestān-e|shahrestan-e|amphoe|kabupaten|daïra de|daira de|"
    r"provincia de|provincia)\s+", re.I)
ADMIN2_SUFFIX_RE = re.compile(
    r"\s+(agency|territory|local government area|tumani|okrug|ilçesi|i̇lçesi|subdistrict)$",
    re.I)


def admin2_core(name):
    """'Municipio de Taxco de Alarcón' -> 'Taxco de Alarcón'; 'Khyber Agency' -> 'Khyber'."""
    n = ADMIN2_SUFFIX_RE.sub("", ADMIN2_PREFIX_RE.sub("", name.strip())).strip()
    return n if len(n) >= 3 else ""


def admin_variants(names, words):
    """Generated spellings: 'Anbar province', 'Anbar governorate', 'Al-Anbar'."""
    out = set()
    for name in names:
        if not name:
            continue
        core = core_name(name)
        if not core:
            continue
        out.add(core)
        m = ARTICLE_RE.match(core)
        bare = core[m.end():] if m else core
        if m and bare:
            out.add(bare)
            out.add(m.group(1).capitalize() + "-" + bare)
        for w in words:
            out.add(bare + " " + w)
    return out


# Natural Earth types of a first-level division that is a capital or federal city itself.
CITY_DIVISION_TYPES = {"Federal District", "Capital District", "National District"}


def city_division_names(ne, a1_names):
    """Rows (code, name) for admin1_city_names.tsv: the administrative name of each division that
    is a city itself ("Distrito Federal", "Kiev City", "Distrito Capital").

    A division counts when Natural Earth types it a federal, capital or national district, or
    writes its name as "<X> City". Event coders name such a division by that administrative
    name rather than by the city's own name, which is how news text writes it. The name is
    Natural Earth's `name`, unless that is only the first words of GeoNames' name (Natural Earth
    "Bogota", GeoNames "Bogota D.C."): then GeoNames' name, the administrative one.
    """
    rows = []
    for code in sorted(ne):
        if code not in a1_names:
            continue
        row = ne[code]
        name = clean(row.get("name") or "")
        kind = (row.get("type_en") or "").strip()
        if not name or not is_latin_name(name):
            continue
        if kind not in CITY_DIVISION_TYPES and not name.endswith(" City"):
            continue
        gn = clean(a1_names[code][0])
        if gn.lower().startswith(name.lower() + " "):
            name = gn
        rows.append([code, name])
    return rows


def fill_unknown_admin1(place_rows, admin1_codes, max_km=50.0):
    """A place whose first-level code names no division (country dumps keep pre-reform codes:
    BF 'x43', '00', empty) takes the division, and the district, of the nearest place of its
    country that has one, when that place lies within max_km."""
    import math
    cell = 0.5
    grid = {}
    for r in place_rows:
        if r[7] + "." + r[8] not in admin1_codes:
            continue
        try:
            lat, lon = float(r[3]), float(r[4])
        except ValueError:
            continue
        grid.setdefault((r[7], int(math.floor(lat / cell)), int(math.floor(lon / cell))), []).append(
            (lat, lon, r))
    for r in place_rows:
        if r[7] + "." + r[8] in admin1_codes:
            continue
        try:
            lat, lon = float(r[3]), float(r[4])
        except ValueError:
            continue
        ci, cj = int(math.floor(lat / cell)), int(math.floor(lon / cell))
        best, best_km = None, max_km
        for di in (-1, 0, 1):
            for dj in (-1, 0, 1):
                for plat, plon, p in grid.get((r[7], ci + di, cj + dj), ()):
                    km = haversine_km(lat, lon, plat, plon)
                    if km < best_km:
                        best, best_km = p, km
        if best is not None:
            r[8], r[9] = best[8], best[9]


# Second-level divisions of GeoNames that govern at the first level. Uganda's GeoNames first level
# is four statistical regions with no administration of their own ("Northern Region"); its
# districts govern. Serbia's first level is the City of Belgrade beside the two regions (ISO
# 3166-2:RS RS-00), which GeoNames files as a district of "Central Serbia". None = every
# second-level division of the country.
PROMOTED_DISTRICTS = {"UG": None, "RS": {"SE.0"}}


def promote_districts(admin1, admin2, place_rows):
    """Makes each division of PROMOTED_DISTRICTS first-level (code CC.A1-A2); a country's old
    first level goes when all its districts move up. Places follow: their district becomes their
    first level and its seat a first-level seat (places of a fully promoted country without a
    district are placed by fill_unknown_admin1)."""
    def promoted(code):
        cc, rest = code[:2], code[3:]
        return cc in PROMOTED_DISTRICTS and (PROMOTED_DISTRICTS[cc] is None or
                                             rest in PROMOTED_DISTRICTS[cc])
    new_codes = {}
    for r in admin2:
        if promoted(r[0]):
            cc, a1, a2 = r[0].split(".", 2)
            new_codes[r[0]] = "%s.%s-%s" % (cc, a1, a2)
    whole = {cc for cc, only in PROMOTED_DISTRICTS.items() if only is None}
    admin1 = sorted([r for r in admin1 if r[0][:2] not in whole] +
                    [[new_codes[r[0]]] + r[1:] for r in admin2 if r[0] in new_codes])
    admin2 = [r for r in admin2 if r[0] not in new_codes]
    for r in place_rows:
        if r[7] not in PROMOTED_DISTRICTS:
            continue
        code = new_codes.get("%s.%s.%s" % (r[7], r[8], r[9]))
        if code:
            r[8], r[9] = code.split(".", 1)[1], ""
            if r[6] == "PPLA2":
                r[6] = "PPLA"  # the district's seat is now a first-level seat
        elif r[7] in whole:
            r[8], r[9] = "", ""
    return admin1, admin2


def main():
    if len(sys.argv) < 2:
        print(__doc__, file=sys.stderr)
        return 2
    src = sys.argv[1]
    here = os.path.dirname(os.path.abspath(__file__))
    out_dir = sys.argv[2] if len(sys.argv) > 2 else os.path.join(here, "..", "..", "data", "gazetteer")
    os.makedirs(out_dir, exist_ok=True)

    # --- places: cities500 ∪ cities15000 (the 2026 cities15000 dump is newer and wins), plus
    # the populated-place and admin rows of every per-country full dump.
    places = {}
    for cols in read_geonames_rows(zip_lines(os.path.join(src, "cities500.zip"))):
        places[cols[0]] = cols
    for cols in read_geonames_rows(zip_lines(os.path.join(src, "cities15000.zip"))):
        places[cols[0]] = cols
    dump_rows = {}  # geonameid -> cols, admin rows of country dumps (coordinates for divisions)
    countries_dir = os.path.join(src, "countries")
    for fname in sorted(os.listdir(countries_dir)) if os.path.isdir(countries_dir) else []:
        if not fname.endswith(".txt"):
            continue
        for cols in read_geonames_rows(file_lines(os.path.join(countries_dir, fname))):
            # Camps (herders' and mining camps) and named localities are settlements too
            # in a full country dump: "the Inata gold mine", "the camp of X".
            if cols[6] == "P" or (cols[6], cols[7]) in (("S", "CMP"), ("L", "LCTY")):
                if cols[0] not in places:
                    places[cols[0]] = cols
            elif cols[6] == "A":
                dump_rows[cols[0]] = cols

    # --- Natural Earth label points, joined on gn_a1_code.
    ne = {}
    with open(os.path.join(src, "naturalearth", "ne_10m_admin1_points.tsv"), encoding="utf-8") as f:
        reader = csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE)
        for row in reader:
            code = (row.get("gn_a1_code") or "").strip()
            if not re.match(r"^[A-Z]{2}\.\w+$", code) or code in ne:
                continue
            ne[code] = row
    # A label point joined to a division it does not belong to (Natural Earth keeps codes of an
    # older GeoNames level: PH.02 is the province Agusan del Norte there, the region Cagayan
    # Valley in GeoNames): dropped when none of its names resembles the division's and no place
    # of the division lies within 150 km of it, so neither its names nor its point are given to
    # the division.
    a1_names = {}
    for line in file_lines(os.path.join(src, "admin1CodesASCII.txt")):
        cols = line.rstrip("\n").split("\t")
        if len(cols) == 4:
            a1_names[cols[0]] = [cols[1], cols[2]]
    a1_points = {}
    for cols in places.values():
        try:
            a1_points.setdefault(cols[8] + "." + cols[10], []).append((float(cols[4]), float(cols[5])))
        except ValueError:
            pass
    for code in list(ne):
        pts = a1_points.get(code)
        try:
            lat, lon = float(ne[code]["latitude"]), float(ne[code]["longitude"])
        except ValueError:
            continue
        ne_names = [ne[code].get(k) or "" for k in ("name", "name_en", "gn_name")]
        ne_names += (ne[code].get("name_alt") or "").split("|")
        if (not names_resemble(a1_names.get(code, []), ne_names) and pts and
                min(haversine_km(lat, lon, a, b) for a, b in pts) > 150):
            del ne[code]
    centroids = {}
    polygons = os.path.join(src, "naturalearth", "ne_10m_admin1_simplified.geojson.gz")
    if os.path.exists(polygons):
        centroids = admin1_centroids(polygons)
    ne_by_country = {}
    for code, row in ne.items():
        try:
            ne_by_country.setdefault(code[:2], []).append((float(row["latitude"]), float(row["longitude"])))
        except ValueError:
            pass

    # --- admin1
    admin1 = []
    admin1_gids = set()
    one_word_cores = []  # (row index, core): kept when no other division has the name
    for line in file_lines(os.path.join(src, "admin1CodesASCII.txt")):
        cols = line.rstrip("\n").split("\t")
        if len(cols) != 4:
            continue
        code, name, ascii_name, gid = (clean(c) for c in cols)
        lat = lon = ""
        aliases = set()
        names = [name, ascii_name]
        words = {"province", "governorate", "region"}
        row = ne.get(code)
        if row:
            lat, lon = row["latitude"], row["longitude"]
            if code in centroids:
                lat, lon = "%.4f" % centroids[code][0], "%.4f" % centroids[code][1]
            for key in ("name", "name_en", "gn_name"):
                v = clean(row.get(key) or "")
                if v and is_latin_name(v):
                    aliases.add(v)
                    names.append(v)
            for v in (row.get("name_alt") or "").split("|"):
                v = clean(v)
                if v and is_latin_name(v):
                    aliases.add(v)
                    # A former or alternate name of several words is written without its
                    # level word too ("North-West Frontier Province" -> "North-West Frontier");
                    # one word alone ("Eastern", "Nord") would be too loose unless no other
                    # division bears it ("Región Metropolitana" -> "Metropolitana": below).
                    core = core_name(v)
                    if core != v and core[0].isupper() and "," not in core:
                        if re.search(r"[ -]", core):
                            aliases.add(core)
                        else:
                            one_word_cores.append((len(admin1), core))
            t = (row.get("type_en") or "").strip().lower()
            if t and is_latin_name(t) and len(t.split()) <= 2:
                words.add(t)
        dump = dump_rows.get(gid)
        if dump:
            lat, lon = dump[4], dump[5]
            aliases.update(place_aliases(name, ascii_name, dump[3]))
        elif not lat and a1_points.get(code):
            # No polygon or label point (England, Wales: Natural Earth has their counties): the
            # centroid of the division's places, as for admin2.
            pts = a1_points[code]
            lat = "%.5f" % (sum(p[0] for p in pts) / len(pts))
            lon = "%.5f" % (sum(p[1] for p in pts) / len(pts))
        aliases.update(admin_variants(names, sorted(words)))
        aliases.discard(name)
        aliases.discard(ascii_name)
        admin1.append([code, name, ascii_name, gid, lat, lon, "|".join(sorted(aliases))])
        admin1_gids.add(gid)
    # A one-word core of a Natural Earth alternate name ("Metropolitana") names its division
    # only when no other division's name or alias reads the same ("Southern", "Central",
    # "Capital" are shared, so never taken) and it has 8 letters or more: a short word alone is
    # too often something else (the people of the former "Masai District").
    holders = {}
    for i, row in enumerate(admin1):
        for n in [row[1], row[2]] + row[6].split("|"):
            holders.setdefault(name_letters(n), set()).add(i)
    for i, core in one_word_cores:
        key = name_letters(core)
        others = holders.get(key, set()) - {i}
        if len(key) >= 8 and not others and not any(
                j != i and name_letters(c) == key for j, c in one_word_cores):
            row = admin1[i]
            if core not in (row[1], row[2]):
                row[6] = "|".join(sorted(set(filter(None, row[6].split("|"))) | {core}))
    admin1.sort()

    # --- admin2 (coordinates: own dump row, else centroid of its places)
    sums = {}
    for cols in places.values():
        if cols[10] and cols[11]:
            key = "%s.%s.%s" % (cols[8], cols[10], cols[11])
            try:
                s = sums.setdefault(key, [0.0, 0.0, 0])
                s[0] += float(cols[4])
                s[1] += float(cols[5])
                s[2] += 1
            except ValueError:
                pass
    admin2 = []
    admin2_gids = set()
    for line in file_lines(os.path.join(src, "admin2Codes.txt")):
        cols = line.rstrip("\n").split("\t")
        if len(cols) != 4:
            continue
        code, name, ascii_name, gid = (clean(c) for c in cols)
        lat = lon = ""
        aliases = set()
        dump = dump_rows.get(gid)
        if dump:
            lat, lon = dump[4], dump[5]
            aliases.update(place_aliases(name, ascii_name, dump[3]))
        elif code in sums:
            s = sums[code]
            lat, lon = "%.5f" % (s[0] / s[2]), "%.5f" % (s[1] / s[2])
        aliases.update(admin_variants([name, ascii_name], ["district"]))
        aliases.update(admin_variants([admin2_core(name), admin2_core(ascii_name)], ["district"]))
        aliases.discard(name)
        aliases.discard(ascii_name)
        admin2.append([code, name, ascii_name, gid, lat, lon, "|".join(sorted(aliases))])
        admin2_gids.add(gid)
    admin2.sort()

    # Dump admin rows that are not ADM1/ADM2 of the code tables (ADM3, PCLI...) become places.
    for gid, cols in dump_rows.items():
        if gid not in admin1_gids and gid not in admin2_gids and not cols[7].startswith("PCL"):
            places.setdefault(gid, cols)

    # --- countries
    info_path = os.path.join(src, "countryInfo.2025-11.tsv")
    if not os.path.exists(info_path):
        info_path = os.path.join(src, "countryInfo.txt")
    ne_country_names = {}
    for code, row in ne.items():
        ne_country_names.setdefault(code[:2], set()).add(clean(row.get("admin") or ""))
    capitals = {}
    for cols in places.values():
        if cols[7] == "PPLC":
            capitals.setdefault(cols[8], cols)
    countries = []
    for line in file_lines(info_path):
        if line.startswith("#"):
            continue
        cols = line.rstrip("\n").split("\t")
        if len(cols) < 17:
            continue
        iso2, iso3, name, capital, pop, continent, gid = (
            cols[0], cols[1], clean(cols[4]), clean(cols[5]), cols[7], cols[8], cols[16])
        lat = lon = ""
        cap = capitals.get(iso2)
        if cap is None and capital:
            best = None
            for c in places.values():
                if c[8] == iso2 and (c[1] == capital or c[2] == capital):
                    if best is None or int(c[14] or 0) > int(best[14] or 0):
                        best = c
            cap = best
        if cap is not None:
            lat, lon = cap[4], cap[5]
        elif iso2 in ne_by_country:
            pts = ne_by_country[iso2]
            lat = "%.5f" % (sum(p[0] for p in pts) / len(pts))
            lon = "%.5f" % (sum(p[1] for p in pts) / len(pts))
        aliases = {n for n in ne_country_names.get(iso2, ()) if n and n != name and is_latin_name(n)}
        countries.append([gid, iso2, iso3, name, capital, pop, continent, lat, lon,
                          "|".join(sorted(aliases))])
    countries.sort(key=lambda r: r[1])

    # --- places output
    place_rows = []
    for gid, cols in places.items():
        name, ascii_name = clean(cols[1]), clean(cols[2])
        aliases = place_aliases(name, ascii_name, cols[3])
        place_rows.append([gid, name, ascii_name, cols[4], cols[5], cols[6], cols[7], cols[8],
                           cols[10], cols[11], cols[14] or "0", "|".join(aliases)])
    place_rows.sort(key=lambda r: int(r[0]))
    admin1, admin2 = promote_districts(admin1, admin2, place_rows)
    fill_unknown_admin1(place_rows, {r[0] for r in admin1})

    def write(fname, header, rows):
        with open(os.path.join(out_dir, fname), "w", encoding="utf-8", newline="\n") as f:
            f.write("#" + "\t".join(header) + "\n")
            for r in rows:
                f.write("\t".join(r) + "\n")
        print("%s: %d rows" % (fname, len(rows)), file=sys.stderr)

    write("countries.tsv", ["geonameid", "iso2", "iso3", "name", "capital", "population",
                            "continent", "lat", "lon", "alt_names"], countries)
    write("admin1.tsv", ["code", "name", "ascii_name", "geonameid", "lat", "lon", "alt_names"],
          admin1)
    write("admin2.tsv", ["code", "name", "ascii_name", "geonameid", "lat", "lon", "alt_names"],
          admin2)
    write("admin1_city_names.tsv", ["code", "name"], city_division_names(ne, a1_names))
    write("places.tsv", ["geonameid", "name", "ascii_name", "lat", "lon", "feature_class",
                         "feature_code", "country", "admin1", "admin2", "population",
                         "alt_names"], place_rows)
    return 0


if __name__ == "__main__":
    sys.exit(main())
