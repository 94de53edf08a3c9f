#include "sitrep/utf8.h"

namespace sitrep {
namespace {

// Length of the valid UTF-8 sequence starting at bytes[i], or 0 if it is not one. Follows the
// Unicode table of well-formed byte sequences (no overlongs, no surrogates, ≤ U+10FFFF).
size_t ValidSequenceLength(std::string_view bytes, size_t i, size_t* maximal_subpart) {
  const auto at = [&](size_t k) { return static_cast<unsigned char>(bytes[k]); };
  unsigned char c = at(i);
  *maximal_subpart = 1;
  if (c < 0x80) return 1;
  size_t need;
  unsigned char lo = 0x80, hi = 0xBF;
  if (c >= 0xC2 && c <= 0xDF) {
    need = 2;
  } else if (c >= 0xE0 && c <= 0xEF) {
    need = 3;
    if (c == 0xE0) lo = 0xA0;
    if (c == 0xED) hi = 0x9F;
  } else if (c >= 0xF0 && c <= 0xF4) {
    need = 4;
    if (c == 0xF0) lo = 0x90;
    if (c == 0xF4) hi = 0x8F;
  } else {
    return 0;
  }
  for (size_t k = 1; k < need; ++k) {
    if (i + k >= bytes.size()) return 0;
    unsigned char b = at(i + k);
    unsigned char l = (k == 1) ? lo : 0x80, h = (k == 1) ? hi : 0xBF;
    if (b < l || b > h) return 0;
    *maximal_subpart = k + 1;
  }
  return need;
}

}  // namespace

bool IsValidUtf8(std::string_view bytes) {
  size_t i = 0;
  while (i < bytes.size()) {
    // Fast path over ASCII, eight bytes at a time.
    while (i + 8 <= bytes.size()) {
      uint64_t chunk;
      __builtin_memcpy(&chunk, bytes.data() + i, 8);
      if (chunk & 0x8080808080808080ull) break;
      i += 8;
    }
    if (i >= bytes.size()) break;
    size_t subpart;
    size_t len = ValidSequenceLength(bytes, i, &subpart);
    if (len == 0) return false;
    i += len;
  }
  return true;
}

Utf8Repair RepairUtf8(std::string_view bytes) {
  Utf8Repair out;
  out.text.reserve(bytes.size());
  size_t i = 0;
  size_t run_start = 0;  // start of the current verbatim run
  const auto flush = [&](size_t end) {
    if (end > run_start) {
      out.to_source.AddCopy(static_cast<uint32_t>(out.text.size()), run_start,
                            static_cast<uint32_t>(end - run_start));
      out.text.append(bytes.substr(run_start, end - run_start));
    }
  };
  while (i < bytes.size()) {
    unsigned char c = static_cast<unsigned char>(bytes[i]);
    if (c == 0) {
      flush(i);
      ++out.nul_bytes;
      run_start = ++i;
      continue;
    }
    size_t subpart;
    size_t len = ValidSequenceLength(bytes, i, &subpart);
    if (len > 0) {
      i += len;
      continue;
    }
    flush(i);
    out.to_source.AddReplacement(static_cast<uint32_t>(out.text.size()), 3, i);
    out.text.append("\xEF\xBF\xBD");
    ++out.invalid_sequences;
    i += subpart;
    run_start = i;
  }
  flush(i);
  return out;
}

char32_t DecodeUtf8(std::string_view text, size_t pos, int* len) {
  const auto at = [&](size_t k) -> char32_t {
    return k < text.size() ? static_cast<unsigned char>(text[k]) : 0;
  };
  char32_t c = at(pos);
  if (c < 0x80) {
    *len = 1;
    return c;
  }
  if (c < 0xE0) {
    *len = 2;
    return ((c & 0x1F) << 6) | (at(pos + 1) & 0x3F);
  }
  if (c < 0xF0) {
    *len = 3;
    return ((c & 0x0F) << 12) | ((at(pos + 1) & 0x3F) << 6) | (at(pos + 2) & 0x3F);
  }
  *len = 4;
  return ((c & 0x07) << 18) | ((at(pos + 1) & 0x3F) << 12) | ((at(pos + 2) & 0x3F) << 6) |
         (at(pos + 3) & 0x3F);
}

void AppendUtf8(char32_t cp, std::string* out) {
  if (cp < 0x80) {
    out->push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    out->push_back(static_cast<char>(0xC0 | (cp >> 6)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else if (cp < 0x10000) {
    if (cp >= 0xD800 && cp <= 0xDFFF) cp = 0xFFFD;
    out->push_back(static_cast<char>(0xE0 | (cp >> 12)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else if (cp <= 0x10FFFF) {
    out->push_back(static_cast<char>(0xF0 | (cp >> 18)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else {
    out->append("\xEF\xBF\xBD");
  }
}

}  // namespace sitrep
