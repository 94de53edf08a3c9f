// std::stable_sort without its scratch buffer for short ranges: the event stage sorts a
// document's few place mentions several times per document, and std::stable_sort allocates a
// buffer every time, even for one element.
#pragma once

#include <algorithm>
#include <iterator>
#include <utility>

namespace sitrep::util {

// Sorts [first, last) by `less`, keeping equal elements in their order.
template <class It, class Less>
void StableSortSmall(It first, It last, Less less) {
  constexpr std::ptrdiff_t kInsertionMax = 32;  // insertion sort up to this many elements
  if (last - first > kInsertionMax) {
    std::stable_sort(first, last, less);
    return;
  }
  for (It i = first; i != last; ++i) {
    auto value = std::move(*i);
    It j = i;
    // Only strictly smaller elements move ahead: equal ones keep their order.
    for (; j != first && less(value, *std::prev(j)); --j) *j = std::move(*std::prev(j));
    *j = std::move(value);
  }
}

}  // namespace sitrep::util
