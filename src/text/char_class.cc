#include "text/char_class.h"

namespace sitrep::text_internal {

Cc ClassifyCodePoint(char32_t cp) {
  if (cp < 0x100) {
    if (cp < 0xA1) return Cc::kSpace;  // C1 controls and NBSP
    switch (cp) {
      case 0xA1:
      case 0xAB:
      case 0xB7:
      case 0xBB:
      case 0xBF:
        return Cc::kPunct;
      case 0xAA:
      case 0xAD:
      case 0xB5:
      case 0xBA:
        return Cc::kLetter;  // ª soft-hyphen µ º
      case 0xD7:
      case 0xF7:
        return Cc::kSymbol;  // × ÷
      default:
        return cp < 0xC0 ? Cc::kSymbol : Cc::kLetter;
    }
  }
  if ((cp >= 0x660 && cp <= 0x669) || (cp >= 0x6F0 && cp <= 0x6F9) ||
      (cp >= 0x966 && cp <= 0x96F) || (cp >= 0xFF10 && cp <= 0xFF19)) {
    return Cc::kDigit;
  }
  switch (cp) {
    case 0x060C:
    case 0x061B:
    case 0x061F:
    case 0x06D4:  // Arabic , ; ? .
    case 0x0964:
    case 0x0965:  // Devanagari danda
    case 0xFF01:
    case 0xFF08:
    case 0xFF09:
    case 0xFF0C:
    case 0xFF0E:
    case 0xFF1A:
    case 0xFF1B:
    case 0xFF1F:  // fullwidth ! ( ) , . : ; ?
      return Cc::kPunct;
    case 0x200C:
    case 0x200D:
      return Cc::kLetter;  // ZWNJ/ZWJ sit inside Persian/Indic words
    case 0x2010:
    case 0x2011:
      return Cc::kHyphen;
    case 0x2019:
      return Cc::kApostrophe;
    case 0x205F:
    case 0x3000:
    case 0xFEFF:
      return Cc::kSpace;
    case 0xFFFD:
      return Cc::kLetter;  // usually a mis-encoded letter inside a word
    default:
      break;
  }
  if (cp >= 0x2000 && cp <= 0x200F) return Cc::kSpace;   // spaces, ZWSP, LRM/RLM
  if (cp >= 0x2028 && cp <= 0x202F) return Cc::kSpace;   // line/para separators, bidi, NNBSP
  if (cp >= 0x2060 && cp <= 0x206F) return Cc::kSpace;   // invisible operators
  if (cp >= 0x2030 && cp <= 0x2038) return Cc::kSymbol;  // ‰ ′ ″
  if (cp >= 0x2012 && cp <= 0x205E) return Cc::kPunct;   // dashes, quotes, • … ‹ ›
  if (cp >= 0x2070 && cp <= 0x2BFF) return Cc::kSymbol;  // currency, arrows, math, shapes
  if (cp >= 0x2E00 && cp <= 0x2E7F) return Cc::kPunct;
  if (cp >= 0x3001 && cp <= 0x3003) return Cc::kPunct;     // 、 。 〃
  if (cp >= 0x3008 && cp <= 0x301F) return Cc::kPunct;     // CJK brackets
  if (cp >= 0x1F000 && cp <= 0x1FAFF) return Cc::kSymbol;  // emoji
  return Cc::kLetter;
}

Cc ClassifyNonAscii(const unsigned char* p, size_t n, size_t i, size_t* len) {
  const unsigned char lead = p[i];
  size_t need = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1;
  if (lead >= 0xF8) need = 1;
  size_t got = 1;
  while (got < need && i + got < n && (p[i + got] & 0xC0) == 0x80) ++got;
  *len = got;
  if (got < need || need == 1) return Cc::kLetter;  // malformed: keep it inside words
  char32_t cp = lead & (0x7F >> need);
  for (size_t k = 1; k < need; ++k) cp = (cp << 6) | (p[i + k] & 0x3F);
  return ClassifyCodePoint(cp);
}

}  // namespace sitrep::text_internal
