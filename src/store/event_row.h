// How the SQLite store (schema 6) keeps an event: its typed columns plus `extra`, a slim JSON
// object with only what the columns do not hold. Internal to sitrep::store.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "sitrep/event.h"
#include "sitrep/result.h"

namespace sitrep::store {

// Appends the `extra` object of `e`: the fields without a column (doc_ids, precisions, associated
// actors, interaction, sides, geonameid, the casualty split, injured, named persons, evidence),
// each only when it differs from its Event default, plus a coordinate without the other (the
// columns hold points). "{}" when nothing is left.
void AppendEventExtra(const Event& e, std::string* out);

// Sets the fields of `extra` (written by AppendEventExtra, or by hand with the same keys) on `e`,
// whose column fields are already set; absent keys keep the Event defaults.
Status ApplyEventExtra(std::string_view extra, Event* e);

// Column values as the stored JSON of schema 5 gave them back (ParseEventJson(AppendEventJson(e))):
// a finite double through the JSON's 10 significant digits (-0 read as 0, as the JSON parser
// does), text with invalid UTF-8 replaced by U+FFFD. Reading rows through these keeps Query, Scan,
// exports and the API byte-identical to schema 5.
double JsonRoundTrip(double v);
std::string JsonText(std::string_view text);

}  // namespace sitrep::store
