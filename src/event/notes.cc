// ACLED-style notes and stable event ids.
#include <array>
#include <charconv>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <string>

#include "event/dates.h"
#include "sitrep/events.h"

namespace sitrep {
namespace {

struct Verb {
  std::string_view sub_event_type;
  std::string_view with_object;  // "<actor1> VERB <actor2>"
  std::string_view alone;        // "<actor1> VERB"
};

constexpr Verb kVerbs[] = {
    {"Armed clash", "clashed with", "engaged in an armed clash"},
    {"Government regains territory", "regained territory from", "regained territory"},
    {"Non-state actor overtakes territory", "took territory from", "took territory"},
    {"Chemical weapon", "used chemical weapons against", "used chemical weapons"},
    {"Air/drone strike", "carried out an air/drone strike against", "carried out an air/drone strike"},
    {"Suicide bomb", "carried out a suicide bombing against", "carried out a suicide bombing"},
    {"Shelling/artillery/missile attack", "shelled", "carried out shelling"},
    {"Remote explosive/landmine/IED", "targeted with an explosive device",
     "detonated an explosive device"},
    {"Grenade", "threw a grenade at", "threw a grenade"},
    {"Sexual violence", "sexually assaulted", "committed sexual violence"},
    {"Attack", "attacked", "carried out an attack"},
    {"Abduction/forced disappearance", "abducted", "abducted people"},
    {"Peaceful protest", "protested against", "protested"},
    {"Protest with intervention", "protested and were dispersed by", "protested and were dispersed"},
    {"Excessive force against protesters", "protested and were met with lethal force by",
     "protested and were met with lethal force"},
    {"Violent demonstration", "rioted against", "rioted"},
    {"Mob violence", "attacked", "engaged in mob violence"},
    {"Agreement", "reached an agreement with", "reached an agreement"},
    {"Arrests", "arrested", "made arrests"},
    {"Change to group/activity", "changed activity against", "changed group activity"},
    {"Disrupted weapons use", "seized or defused weapons of", "seized or defused weapons"},
    {"Headquarters or base established", "established a base against", "established a base"},
    {"Looting/property destruction", "looted or destroyed property of",
     "looted or destroyed property"},
    {"Non-violent transfer of territory", "took over territory from", "took over territory"},
    {"Other", "was involved in an event with", "was involved in an event"},
};

constexpr const char* kMonths[] = {"January", "February", "March",     "April",   "May",      "June",
                                   "July",    "August",   "September", "October", "November", "December"};

// The notes as they are written: parts copied into a buffer on the stack, the string made once
// at the end (an append to a std::string per part was inlined at each of some thirty places,
// each with its own growth path). Notes longer than the buffer go on in a string.
// std::memcpy(to, part.data(), part.size()) inline for the short parts notes are made of (a
// word, a number, a date; a call into the library per part cost more than its copy): two
// overlapping loads and stores of a fixed size cover any size up to twice that size.
inline void CopyPart(char* to, std::string_view part) {
  const char* const from = part.data();
  const size_t n = part.size();
  if (n >= 8 && n <= 16) {
    uint64_t head, tail;
    std::memcpy(&head, from, 8);
    std::memcpy(&tail, from + n - 8, 8);
    std::memcpy(to, &head, 8);
    std::memcpy(to + n - 8, &tail, 8);
  } else if (n >= 4 && n < 8) {
    uint32_t head, tail;
    std::memcpy(&head, from, 4);
    std::memcpy(&tail, from + n - 4, 4);
    std::memcpy(to, &head, 4);
    std::memcpy(to + n - 4, &tail, 4);
  } else if (n > 0 && n < 4) {
    to[0] = from[0];
    to[n / 2] = from[n / 2];
    to[n - 1] = from[n - 1];
  } else if (n > 16) {
    std::memcpy(to, from, n);
  }
}

class NotesWriter {
 public:
  void Add(std::string_view part) {
    if (long_.empty() && size_ + part.size() <= sizeof(buf_)) {
      CopyPart(buf_ + size_, part);
      size_ += part.size();
      return;
    }
    AddLong(part);
  }
  void Add(char c) { Add(std::string_view(&c, 1)); }
  // Appends std::to_string(n), without the temporary string.
  template <typename Int>
  void AddNumber(Int n) {
    char digits[24];
    const auto r = std::to_chars(digits, digits + sizeof digits, n);
    Add(std::string_view(digits, static_cast<size_t>(r.ptr - digits)));
  }
  std::string Take() { return long_.empty() ? std::string(buf_, size_) : std::move(long_); }

 private:
  [[gnu::noinline]] void AddLong(std::string_view part) {
    if (long_.empty()) long_.assign(buf_, size_);
    long_.append(part);
  }
  char buf_[256];
  size_t size_ = 0;
  std::string long_;  // the notes so far, once they outgrow `buf_`
};

// The value of `digits` when all its bytes are ASCII digits, else -1.
int DigitsValue(std::string_view digits) {
  int v = 0;
  for (char c : digits) {
    if (c < '0' || c > '9') return -1;
    v = v * 10 + (c - '0');
  }
  return v;
}

// Writes "14 September 2024" for "2024-09-14"; "September 2024" when `month_only`.
void AddHumanDate(std::string_view iso, bool month_only, NotesWriter& out) {
  if (iso.size() < 10) {
    out.Add(iso);
    return;
  }
  int y = DigitsValue(iso.substr(0, 4)), m = DigitsValue(iso.substr(5, 2)),
      d = DigitsValue(iso.substr(8, 2));
  if (y < 0 || m < 0 || d < 0) {
    // Not all digits: read as std::stoi reads (signs, spaces, a number cut short).
    y = std::stoi(std::string(iso.substr(0, 4)));
    m = std::stoi(std::string(iso.substr(5, 2)));
    d = std::stoi(std::string(iso.substr(8, 2)));
  }
  if (m < 1 || m > 12) {
    out.Add(iso);
    return;
  }
  if (!month_only) {
    out.AddNumber(d);
    out.Add(' ');
  }
  out.Add(kMonths[m - 1]);
  out.Add(' ');
  out.AddNumber(y);
}

}  // namespace

std::string FormatNotes(const Event& e) {
  NotesWriter out;
  if (e.date_start && e.date_end) {
    if (*e.date_start == *e.date_end) {
      out.Add("On ");
      AddHumanDate(*e.date_start, false, out);
    } else if (e.date_prec == 4 &&
               std::string_view(*e.date_start).substr(0, 7) ==
                   std::string_view(*e.date_end).substr(0, 7)) {
      out.Add("In ");
      AddHumanDate(*e.date_start, true, out);
    } else if (e.date_prec == 3) {
      out.Add("In the week of ");
      AddHumanDate(*e.date_start, false, out);
    } else {
      out.Add("Between ");
      AddHumanDate(*e.date_start, false, out);
      out.Add(" and ");
      AddHumanDate(*e.date_end, false, out);
    }
    out.Add(", ");
  }
  std::string_view with = "was involved in an event with", alone = "was involved in an event";
  for (const Verb& v : kVerbs) {  // (each sub-event type is listed once)
    if (v.sub_event_type == e.sub_event_type) {
      with = v.with_object;
      alone = v.alone;
      break;
    }
  }
  out.Add(e.actor1 ? std::string_view(*e.actor1) : std::string_view("Unidentified actors"));
  if (!e.assoc_actor_1.empty()) {
    out.Add(" (with ");
    for (size_t i = 0; i < e.assoc_actor_1.size(); ++i) {
      if (i > 0) out.Add(", ");
      out.Add(e.assoc_actor_1[i]);
    }
    out.Add(")");
  }
  out.Add(' ');
  if (e.actor2) {
    out.Add(with);
    out.Add(' ');
    out.Add(*e.actor2);
  } else {
    out.Add(alone);
  }
  if (!e.location.empty()) {
    out.Add(" in ");
    out.Add(e.location);
    if (e.admin1 && !e.admin1->empty() && *e.admin1 != e.location) {
      out.Add(", ");
      out.Add(*e.admin1);
    }
    if (!e.country.empty() && e.country != e.location) {
      out.Add(", ");
      out.Add(e.country);
    }
  } else if (!e.country.empty()) {
    out.Add(" in ");
    out.Add(e.country);
  }
  out.Add("; ");
  out.AddNumber(e.fatalities);
  if (e.deaths_high > e.fatalities) {
    out.Add(" to ");
    out.AddNumber(e.deaths_high);
  }
  out.Add(" killed");
  if (e.injured) {
    out.Add(", ");
    out.AddNumber(*e.injured);
    out.Add(" injured");
  }
  out.Add(".");
  return out.Take();
}

std::string MakeEventId(std::string_view doc_id, std::string_view canonical_key) {
  // FNV-1a, 64 bits: fixed, platform-independent.
  constexpr uint64_t kPrime = 1099511628211ULL;
  uint64_t h = 1469598103934665603ULL;
  auto mix = [&h](std::string_view s) {
    // Four bytes a round: the loop's own count and test once per four bytes, not per byte.
    const auto* p = reinterpret_cast<const unsigned char*>(s.data());
    size_t n = s.size();
    for (; n >= 4; n -= 4, p += 4) {
      h = (h ^ p[0]) * kPrime;
      h = (h ^ p[1]) * kPrime;
      h = (h ^ p[2]) * kPrime;
      h = (h ^ p[3]) * kPrime;
    }
    for (; n > 0; --n, ++p) h = (h ^ *p) * kPrime;
  };
  mix(doc_id);
  mix(std::string_view("\x1f", 1));
  mix(canonical_key);
  // "ev-%016llx", without printf's format parsing: two hex digits per byte from a table.
  static constexpr std::array<char, 512> kHexPairs = [] {
    std::array<char, 512> t{};
    for (size_t b = 0; b < 256; ++b) {
      t[2 * b] = "0123456789abcdef"[b >> 4];
      t[2 * b + 1] = "0123456789abcdef"[b & 0xF];
    }
    return t;
  }();
  std::string id = "ev-0000000000000000";
  char* const digits = id.data() + 3;
  for (size_t k = 0; k < 8; ++k) {
    const size_t byte = (h >> (56 - 8 * k)) & 0xFF;  // the most significant byte first
    digits[2 * k] = kHexPairs[2 * byte];
    digits[2 * k + 1] = kHexPairs[2 * byte + 1];
  }
  return id;
}

}  // namespace sitrep
