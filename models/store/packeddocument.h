#pragma once

#include "expected.h"
#include "textcodec.h"

#include <QByteArray>
#include <QString>
#include <QVariant>

#include <optional>

namespace annorev {

// A document's texts as a store needs them: the source as imported, the reviewer's version, and
// for a JSON Lines document the line it came from, with its text token.
struct DocumentTexts
{
    QByteArray source;
    QByteArray tagged;
    std::optional<QByteArray> jsonLine;
    qsizetype textTokenBegin = -1;
    qsizetype textTokenEnd = -1;
};

// The same as a store keeps them: each packed by a TextCodec, and none twice. A null source is the
// text the line's text token holds (a JSON Lines document, whose line must be kept for a byte-exact
// export anyway); a null reviewer's version is the source (an unedited document, most of a batch).
// Values bind to SQL parameters as they are.
struct PackedDocumentTexts
{
    QVariant source;
    QVariant tagged;
    QVariant jsonLine;

    static PackedDocumentTexts of(const DocumentTexts &texts, const TextCodec &codec);
    // The reviewer's version as kept: null when it is the source.
    static QVariant packedTagged(const QByteArray &tagged, const QByteArray &source, const TextCodec &codec);
};

// The texts back, or an error in words (without the store's name).
Expected<DocumentTexts> unpacked(const PackedDocumentTexts &packed, qsizetype textTokenBegin, qsizetype textTokenEnd,
                                 const TextCodec &codec);

} // namespace annorev
