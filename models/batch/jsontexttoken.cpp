#include "jsontexttoken.h"

#include <simdjson.h>

namespace annorev::JsonTextToken {

std::optional<QByteArray> decoded(QByteArrayView token)
{
    using namespace simdjson;
    // A parser keeps its buffers from one document to the next; one a thread.
    thread_local ondemand::parser parser;
    const padded_string padded(token.data(), std::size_t(token.size()));
    ondemand::document document;
    std::string_view text;
    if (parser.iterate(padded).get(document) || document.get_string().get(text)) {
        return std::nullopt;
    }
    return QByteArray(text.data(), qsizetype(text.size()));
}

} // namespace annorev::JsonTextToken
