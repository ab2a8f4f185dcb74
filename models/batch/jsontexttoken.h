#pragma once

#include <QByteArray>
#include <QByteArrayView>

#include <optional>

namespace annorev::JsonTextToken {

// The text a JSON Lines document's "text" token holds (the token as SourceEntry's
// textTokenBegin/End give it: a JSON string, quotes included), decoded the way the batch reader
// decodes it; nothing when the bytes are not one JSON string. A store that keeps the line need not
// keep the text as well, once it has seen the token give that text back (what follows a first
// JSON string is not looked at).
std::optional<QByteArray> decoded(QByteArrayView token);

} // namespace annorev::JsonTextToken
