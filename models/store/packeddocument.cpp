#include "packeddocument.h"

#include "jsontexttoken.h"

namespace annorev {

namespace {

// The text a line's token holds, when the token lies inside the line.
std::optional<QByteArray> tokenText(const QByteArray &line, qsizetype begin, qsizetype end)
{
    if (begin < 0 || end < begin || end > line.size()) {
        return std::nullopt;
    }
    return JsonTextToken::decoded(QByteArrayView(line).sliced(begin, end - begin));
}

} // namespace

PackedDocumentTexts PackedDocumentTexts::of(const DocumentTexts &texts, const TextCodec &codec)
{
    PackedDocumentTexts packed;
    if (texts.jsonLine) {
        packed.jsonLine = codec.pack(*texts.jsonLine);
    }
    // Left out only where it comes back byte for byte.
    const bool inLine = texts.jsonLine && texts.textTokenBegin >= 0 &&
                        tokenText(*texts.jsonLine, texts.textTokenBegin, texts.textTokenEnd) == texts.source;
    if (!inLine) {
        packed.source = codec.pack(texts.source);
    }
    packed.tagged = packedTagged(texts.tagged, texts.source, codec);
    return packed;
}

QVariant PackedDocumentTexts::packedTagged(const QByteArray &tagged, const QByteArray &source, const TextCodec &codec)
{
    return tagged == source ? QVariant() : QVariant(codec.pack(tagged));
}

Expected<DocumentTexts> unpacked(const PackedDocumentTexts &packed, qsizetype textTokenBegin, qsizetype textTokenEnd,
                                 const TextCodec &codec)
{
    DocumentTexts texts;
    texts.textTokenBegin = textTokenBegin;
    texts.textTokenEnd = textTokenEnd;
    if (!packed.jsonLine.isNull()) {
        Expected<QByteArray> line = codec.unpack(packed.jsonLine.toByteArray());
        if (!line) {
            return Error{u"its JSON line: " % line.error().message};
        }
        texts.jsonLine = *std::move(line);
    }
    if (!packed.source.isNull()) {
        Expected<QByteArray> source = codec.unpack(packed.source.toByteArray());
        if (!source) {
            return Error{u"its source: " % source.error().message};
        }
        texts.source = *std::move(source);
    } else {
        std::optional<QByteArray> source =
            texts.jsonLine ? tokenText(*texts.jsonLine, textTokenBegin, textTokenEnd) : std::nullopt;
        if (!source) {
            return Error{QStringLiteral("its source is kept as its JSON line's text, which cannot be read")};
        }
        texts.source = *std::move(source);
    }
    if (!packed.tagged.isNull()) {
        Expected<QByteArray> tagged = codec.unpack(packed.tagged.toByteArray());
        if (!tagged) {
            return Error{u"its reviewer's version: " % tagged.error().message};
        }
        texts.tagged = *std::move(tagged);
    } else {
        texts.tagged = texts.source;
    }
    return texts;
}

} // namespace annorev
