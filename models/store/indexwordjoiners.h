#pragma once

namespace annorev::IndexWordJoiners {

// Whether the word index's tokenizer (SQLite FTS5's unicode61, remove_diacritics 0) keeps this
// code point inside a word where a search (TextQuery::isWordCharacter()) sees a separator: some
// combining marks, symbols and punctuation newer than unicode61's Unicode 6.1 tables, and code
// points unassigned in them. In a text holding one, the index has "zu\u0308rich" where the search
// sees the words "zu" and "rich", so the index alone would miss the text for either.
bool contains(char32_t codePoint);

} // namespace annorev::IndexWordJoiners
